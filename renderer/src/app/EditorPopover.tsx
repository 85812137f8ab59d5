/**
 * The popover over the text: the editor of the active highlight, or of the selection waiting to
 * become one.
 */
import type { AnchoredAnnotation } from '../../../core/model.js';
import type { OffsetRange } from '../reader/text-map.js';
import { AnnotationEditor } from '../components/AnnotationEditor.js';
import type { Coding } from '../coding/use-coding.js';
import type { PendingSelection } from '../coding/pending-selection.js';
import type { Editor } from '../state/navigation.js';

interface Target {
  editor: Editor;
  active: AnchoredAnnotation | null;
  pending: PendingSelection | null;
  codingOff: boolean;
}

/** Where the popover points, or null when there is nothing to edit there (or the file is gone). */
export function popoverAnchor({ editor, active, pending, codingOff }: Target): OffsetRange | null {
  const editing = editor?.kind === 'edit';
  const anchor = editing ? active?.range : pending;
  if (!anchor || codingOff || !(editor || pending) || (editing && !active)) return null;
  return anchor;
}

interface EditorPopoverProps extends Target {
  coding: Coding;
  onCommit(tagIds: string[], note: string, color: string | null): void;
  onDelete(): void;
  onClose(): void;
}

export function EditorPopover({
  editor,
  active,
  pending,
  coding,
  onCommit,
  onDelete,
  onClose,
}: EditorPopoverProps) {
  const editing = editor?.kind === 'edit';
  return (
    <AnnotationEditor
      key={editing ? `edit:${active?.id}:${editor.focus}` : `new:${pending?.id}:${editor?.focus ?? 'none'}`}
      annotation={editing ? active : null}
      tags={coding.tags}
      tagsById={coding.tagsById}
      initialTagIds={[]}
      focus={editor?.focus ?? 'none'}
      onCommit={(draft) => onCommit(draft.tagIds, draft.note, draft.color)}
      onChange={(patch) => active && void coding.updateAnnotation(active.id, patch)}
      onCreateTag={(name) => coding.createTag({ name })}
      onDelete={onDelete}
      onClose={onClose}
    />
  );
}
