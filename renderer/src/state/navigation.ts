/**
 * Where the user is and what they are doing, in one pure reducer: the selected article, the active
 * highlight, the selection waiting to become one, the popover editor, the view, the open dialog and
 * a pending jump. Every user action is one event here, so the rules between them (selecting an
 * article drops the selection, Escape closes the innermost thing…) live in one place and are
 * unit-tested without a browser (tests/unit/renderer/navigation.test.ts).
 */
import type { SearchHit } from '../../../core/model.js';
import type { PendingSelection } from '../coding/pending-selection.js';
import type { EditorFocus } from '../components/AnnotationEditor.js';
import type { ExportTab } from '../components/ExportDialog.js';

export type Editor = { kind: 'new' | 'edit'; focus: EditorFocus } | null;
export type Dialog = 'codebook' | 'shortcuts' | 'about' | 'export' | null;
export type View = 'reader' | 'highlights' | 'agreement';
/** Shows a search hit or a highlight once its article (and highlights) are on screen. */
export interface Jump {
  articleId: string;
  hit?: SearchHit;
  annotationId?: string;
}

export interface Navigation {
  selectedId: string | null;
  activeId: string | null;
  pending: PendingSelection | null;
  editor: Editor;
  view: View;
  dialog: Dialog;
  exportTab: ExportTab;
  jump: Jump | null;
}

export const initialNavigation: Navigation = {
  selectedId: null,
  activeId: null,
  pending: null,
  editor: null,
  view: 'reader',
  dialog: null,
  exportTab: 'export',
  jump: null,
};

export type NavigationEvent =
  /** Another article (or none): what was selected or being edited in the old one goes. */
  | { type: 'select-article'; id: string | null }
  /** A search hit or a listed highlight: its article in the reader, then a jump to it. */
  | { type: 'open-at'; jump: Jump }
  /** The jump happened; `activeId` is the highlight it landed on. */
  | { type: 'jumped'; activeId?: string }
  /** The reader's text selection changed (null: it went away). */
  | { type: 'select-text'; selection: PendingSelection | null }
  /** A highlight clicked in the text (null: a click beside them). */
  | { type: 'click-highlight'; id: string | null }
  /** A highlight chosen in the pane, by `[`/`]`, or shown after a change: active, no editor. */
  | { type: 'activate'; id: string | null }
  /** `n`/`t`: the editor on the active highlight, else on the pending selection. */
  | { type: 'open-editor'; focus: EditorFocus }
  /** The popover closed: a new highlight's selection goes with it. */
  | { type: 'close-editor' }
  | { type: 'escape' }
  /** The selection `selectionId` became highlight `id` (or a highlight was moved onto it). */
  | { type: 'highlight-made'; selectionId: string; id: string }
  | { type: 'highlight-deleted'; id: string }
  | { type: 'set-view'; view: View | 'toggle' }
  | { type: 'open-dialog'; dialog: Exclude<Dialog, null>; tab?: ExportTab }
  | { type: 'close-dialog' };

const cleared = { activeId: null, pending: null, editor: null } as const;

export function navigate(state: Navigation, event: NavigationEvent): Navigation {
  switch (event.type) {
    case 'select-article':
      return { ...state, ...cleared, selectedId: event.id };
    case 'open-at':
      return { ...state, ...cleared, selectedId: event.jump.articleId, view: 'reader', jump: event.jump };
    case 'jumped':
      return { ...state, jump: null, activeId: event.activeId ?? state.activeId };
    case 'select-text':
      if (event.selection) return { ...state, pending: event.selection, activeId: null, editor: null };
      return { ...state, pending: null, editor: state.editor?.kind === 'new' ? null : state.editor };
    case 'click-highlight':
      return { ...state, activeId: event.id, editor: event.id ? { kind: 'edit', focus: 'none' } : null };
    case 'activate':
      return { ...state, activeId: event.id, editor: null };
    case 'open-editor':
      if (state.activeId) return { ...state, editor: { kind: 'edit', focus: event.focus } };
      if (state.pending) return { ...state, editor: { kind: 'new', focus: event.focus } };
      return state;
    case 'close-editor':
      return { ...state, editor: null, pending: state.editor?.kind === 'edit' ? state.pending : null };
    case 'escape':
      if (state.editor) return { ...state, editor: null };
      if (state.pending) return { ...state, pending: null };
      return { ...state, activeId: null };
    case 'highlight-made':
      // The user may have moved on while it was being stored: then nothing changes.
      if (state.pending?.id !== event.selectionId) return state;
      return { ...state, pending: null, editor: null, activeId: event.id };
    case 'highlight-deleted':
      return state.activeId === event.id ? { ...state, activeId: null, editor: null } : state;
    case 'set-view': {
      const view =
        event.view === 'toggle' ? (state.view === 'highlights' ? 'reader' : 'highlights') : event.view;
      return { ...state, view };
    }
    case 'open-dialog':
      return { ...state, dialog: event.dialog, exportTab: event.tab ?? state.exportTab };
    case 'close-dialog':
      return { ...state, dialog: null };
  }
}

/** The article `delta` places away in the visible list (clamped), or null if that is no move. */
export function stepArticle(
  visibleIds: readonly string[],
  selectedId: string | null,
  delta: number,
): string | null {
  if (visibleIds.length === 0) return null;
  const index = selectedId ? visibleIds.indexOf(selectedId) : -1;
  const next = visibleIds[Math.min(visibleIds.length - 1, Math.max(0, index + delta))]!;
  return next === selectedId ? null : next;
}

/** The placed highlight `delta` places from the active one, wrapping around; null if none is placed. */
export function cycleHighlight<T extends { id: string; range: unknown }>(
  annotations: readonly T[],
  activeId: string | null,
  delta: number,
): T | null {
  const placed = annotations.filter((a) => a.range);
  if (placed.length === 0) return null;
  const index = placed.findIndex((a) => a.id === activeId);
  return placed[(index + delta + placed.length) % placed.length]!;
}
