/** The popover's buttons: "Highlight" for a new one; "Delete" and "Done" for an existing one. */
import { useTranslation } from 'react-i18next';

interface EditorActionsProps {
  isNew: boolean;
  onSave(): void;
  onDelete(): void;
  onClose(): void;
}

export function EditorActions({ isNew, onSave, onDelete, onClose }: EditorActionsProps) {
  const { t } = useTranslation();
  return (
    <div className="editor-actions">
      {isNew ? (
        <button type="button" className="primary" data-testid="save-highlight" onClick={onSave}>
          {t('editor.highlight')}
        </button>
      ) : (
        <>
          <button type="button" className="danger" data-testid="delete-highlight" onClick={onDelete}>
            {t('editor.delete')}
          </button>
          <button type="button" className="primary" data-testid="save-highlight" onClick={onSave}>
            {t('editor.done')}
          </button>
        </>
      )}
      <button type="button" onClick={onClose}>
        {isNew ? t('editor.cancel') : t('editor.close')}
      </button>
      <span className="hint muted">{t('editor.hint')}</span>
    </div>
  );
}
