/** The codebook's "new tag" line: a name and where it goes in the tree. */
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Tag } from '../../../../core/model.js';
import type { TagRow } from '../../coding/tag-tree.js';
import { TagOptions } from './TagOptions.js';

interface NewTagFormProps {
  rows: readonly TagRow[];
  onCreate(input: { name: string; parentId: string | null }): Promise<Tag | null>;
  onCreated(tag: Tag): void;
}

export function NewTagForm({ rows, onCreate, onCreated }: NewTagFormProps) {
  const { t } = useTranslation();
  const [newName, setNewName] = useState('');
  const [newParent, setNewParent] = useState('');

  const add = async (event: FormEvent) => {
    event.preventDefault();
    const name = newName.trim();
    if (!name) return;
    const tag = await onCreate({ name, parentId: newParent || null });
    if (tag) {
      setNewName('');
      onCreated(tag);
    }
  };

  return (
    <form className="new-tag" onSubmit={add}>
      <input
        data-testid="new-tag-name"
        aria-label={t('codebook.newTag')}
        placeholder={t('codebook.newTag')}
        value={newName}
        onChange={(e) => setNewName(e.target.value)}
      />
      <select
        aria-label={t('codebook.parent')}
        value={newParent}
        onChange={(e) => setNewParent(e.target.value)}
      >
        <option value="">{t('codebook.topLevel')}</option>
        <TagOptions rows={rows} />
      </select>
      <button type="submit">{t('codebook.add')}</button>
    </form>
  );
}
