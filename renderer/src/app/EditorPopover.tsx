/**
 * The popover over the text: the editor of the active highlight, or of the selection waiting to
 * become one; on another coder's highlight, that highlight read-only with "Copy to mine".
 */
import type { ListedAnnotation } from '../../../core/api/annotation-contract.js';
import { OthersHighlight } from '../components/coders/OthersHighlight.js';
import type { OffsetRange } from '../reader/text-map.js';
import { AnnotationEditor } from '../components/AnnotationEditor.js';
import type { Coding } from '../coding/use-coding.js';
import type { PendingSelection } from '../coding/pending-selection.js';
import type { Editor } from '../state/navigation.js';

interface Target {
  editor: Editor;
  active: ListedAnnotation | null;
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
  /** Copies the active (another coder's) highlight into mine. */
  onCopy(): void;
  onClose(): void;
}

export function EditorPopover({
  editor,
  active,
  pending,
  coding,
  onCommit,
  onDelete,
  onCopy,
  onClose,
}: EditorPopoverProps) {
  const editing = editor?.kind === 'edit';
  if (editing && active && !active.mine)
    return (
      <OthersHighlight
        key={active.id}
        annotation={active}
        tagsById={coding.tagsById}
        focusButton={editor.focus !== 'none'}
        onCopy={onCopy}
        onClose={onClose}
      />
    );
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
