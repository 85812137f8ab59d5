/**
 * The coding commands of the window — highlight the selection, delete, cycle, undo, redo, copy
 * another coder's highlight to mine — and what each key of the shortcuts table does, over the
 * navigation state and the coding actions. Another coder's highlight is read-only: the keys that
 * would change it say so instead.
 */
import { useCallback, useLayoutEffect, useMemo, useRef, type Dispatch, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import type { ListedAnnotation } from '../../../core/api/annotation-contract.js';
import type { Coding } from '../coding/use-coding.js';
import type { PendingSelection } from '../coding/pending-selection.js';
import { tagRows } from '../coding/tag-tree.js';
import type { ReaderHandle } from '../components/ReaderPane.js';
import type { CommandHandlers } from '../hooks/use-keyboard-shortcuts.js';
import { cycleHighlight, stepArticle, type Navigation, type NavigationEvent } from '../state/navigation.js';

export interface CodingCommandsInput {
  nav: Navigation;
  dispatch: Dispatch<NavigationEvent>;
  coding: Coding;
  /** The pending selection, when it is on the text shown and the file is there to code. */
  pending: PendingSelection | null;
  codingOff: boolean;
  visibleIds: readonly string[];
  reader: RefObject<ReaderHandle | null>;
  setNotice(notice: string): void;
  /** The text changed under a highlight being made: the reader loads the new one. */
  reloadArticle(quiet: boolean): void;
  toggleSnap(): void;
  openExport(): void;
  /** `d`: the open article marked coded by me, or unmarked. */
  toggleDone(): void;
  /** A highlight of mine was made or copied: my highlights must be in view to show it. */
  onMineMade(): void;
}

export const clearSelection = () => window.getSelection()?.removeAllRanges();

export function useCodingCommands(input: CodingCommandsInput) {
  const { nav, dispatch, coding, pending, codingOff, visibleIds, reader, setNotice, reloadArticle } = input;
  const { onMineMade } = input;
  const { t } = useTranslation();
  /** The pending selection as of now, for creates that finish after the user moved on. */
  const pendingNow = useRef(pending);
  useLayoutEffect(() => {
    pendingNow.current = pending;
  });

  // Every key or click that saves the pending selection goes through here; the coding actions
  // make one highlight per selection however often it is called.
  const createFromPending = useCallback(
    async (tagIds: string[], note = '', color: string | null = null) => {
      const chosen = pending;
      if (!chosen || codingOff) return;
      const created = await coding.createAnnotation(chosen, { tagIds, note, color });
      if (!created) return;
      onMineMade();
      if (created.placement === 'relocated') {
        // The text had changed under the reader: it shows the new one, with the highlight on it.
        setNotice(t('annotations.relocated'));
        reloadArticle(true);
      }
      if (pendingNow.current?.id !== chosen.id) return; // the user has moved on meanwhile
      clearSelection();
      dispatch({ type: 'highlight-made', selectionId: chosen.id, id: created.id });
    },
    [pending, coding, codingOff, t, setNotice, reloadArticle, dispatch, onMineMade],
  );

  /** Says whose the highlight is and that it cannot be changed here; true when it is not mine. */
  const refuseOthers = useCallback(
    (a: ListedAnnotation | null) => {
      if (!a || a.mine) return false;
      setNotice(t('coders.readOnlyNotice', { name: a.coderName }));
      return true;
    },
    [setNotice, t],
  );

  const deleteHighlight = useCallback(
    async (a: ListedAnnotation | null) => {
      if (!a || codingOff || refuseOthers(a)) return;
      if (await coding.deleteAnnotation(a.id)) {
        setNotice(t('undo.deleted'));
        dispatch({ type: 'highlight-deleted', id: a.id });
      }
    },
    [coding, codingOff, t, setNotice, dispatch, refuseOthers],
  );

  const copyToMine = useCallback(
    async (a: ListedAnnotation | null) => {
      if (!a || a.mine || codingOff) return;
      const copy = await coding.copyToMine(a.id);
      if (!copy) return;
      onMineMade();
      setNotice(t('coders.copied'));
      dispatch({ type: 'click-highlight', id: copy.id });
    },
    [coding, codingOff, t, setNotice, dispatch, onMineMade],
  );

  const undo = useCallback(() => {
    void coding.undo().then((entry) => entry && setNotice(t('undo.undone', { what: t(entry.label) })));
  }, [coding, t, setNotice]);
  const redo = useCallback(() => {
    void coding.redo().then((entry) => entry && setNotice(t('undo.redone', { what: t(entry.label) })));
  }, [coding, t, setNotice]);

  const step = useCallback(
    (delta: number) => {
      const next = stepArticle(visibleIds, nav.selectedId, delta);
      if (next) dispatch({ type: 'select-article', id: next });
    },
    [visibleIds, nav.selectedId, dispatch],
  );

  const rows = useMemo(() => tagRows(coding.tags), [coding.tags]);
  const active = coding.annotations.find((a) => a.id === nav.activeId) ?? null;
  const { toggleSnap, openExport, toggleDone } = input;

  const handlers = useMemo((): CommandHandlers => {
    const editor = (focus: 'note' | 'tags') => {
      if (!codingOff && (nav.activeId || pending)) dispatch({ type: 'open-editor', focus });
    };
    return {
      nextPrevious: (index) => step(index === 0 ? 1 : -1),
      highlight: () => void createFromPending(coding.lastTagIds),
      note: () => editor('note'),
      tags: () => editor('tags'),
      edit: () => nav.activeId && editor('tags'),
      delete: () => void deleteHighlight(active),
      escape: () => {
        if (!nav.editor && pending) clearSelection();
        dispatch({ type: 'escape' });
      },
      cycle: (index) => {
        const next = cycleHighlight(coding.annotations, nav.activeId, index === 0 ? -1 : 1);
        if (!next) return;
        dispatch({ type: 'activate', id: next.id });
        reader.current?.jumpTo(next.range!);
      },
      snap: toggleSnap,
      search: () => document.querySelector<HTMLInputElement>('.search-box')?.focus(),
      sheet: () => dispatch({ type: 'open-dialog', dialog: 'shortcuts' }),
      toggleTag: (index) => {
        // Keys act by the tag's bound key (core/store/tag-keys.ts), not by its place in the list.
        const row = rows.find((r) => r.tag.key === String(index + 1));
        if (!row || codingOff) return;
        if (nav.activeId) {
          if (!refuseOthers(active)) void coding.toggleTag(nav.activeId, row.tag.id);
        } else if (pending) void createFromPending([row.tag.id]);
      },
      undo,
      redo,
      export: () => openExport(),
      done: toggleDone,
    };
  }, [
    step,
    createFromPending,
    coding,
    codingOff,
    nav.activeId,
    nav.editor,
    pending,
    active,
    deleteHighlight,
    refuseOthers,
    reader,
    toggleSnap,
    toggleDone,
    rows,
    undo,
    redo,
    openExport,
    dispatch,
  ]);

  return { createFromPending, deleteHighlight, copyToMine, undo, redo, step, active, handlers };
}
