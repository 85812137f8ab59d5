/**
 * The codebook's "new tag" line: a name (or a path, `Parent/Child`) and where it goes in the tree.
 * A name that cannot be added gets its message next to the field, cleared by the next success.
 */
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Tag } from '../../../../core/model.js';
import type { TagRow } from '../../coding/tag-tree.js';
import { TagOptions } from './TagOptions.js';
import { tagPathExists, tagPathProblem } from '../../coding/tag-path.js';

interface NewTagFormProps {
  rows: readonly TagRow[];
  onCreate(input: { name: string; parentId: string | null }): Promise<Tag | null>;
  onCreated(tag: Tag): void;
}

export function NewTagForm({ rows, onCreate, onCreated }: NewTagFormProps) {
  const { t } = useTranslation();
  const [newName, setNewName] = useState('');
  const [newParent, setNewParent] = useState('');
  const [problem, setProblem] = useState<string | null>(null);

  const add = async (event: FormEvent) => {
    event.preventDefault();
    const name = newName.trim();
    const parentId = newParent || null;
    const wrong = tagPathProblem(name);
    if (wrong) return setProblem(t(`codebook.nameProblem.${wrong}`));
    if (
      tagPathExists(
        rows.map((r) => r.tag),
        parentId,
        name,
      )
    )
      return setProblem(t('codebook.nameProblem.exists', { name }));
    const tag = await onCreate({ name, parentId });
    if (tag) {
      setNewName('');
      setProblem(null);
      onCreated(tag);
    } else setProblem(t('codebook.nameProblem.failed'));
  };

  return (
    <form className="new-tag" onSubmit={add}>
      <input
        data-testid="new-tag-name"
        aria-label={t('codebook.newTag')}
        placeholder={t('codebook.newTag')}
        value={newName}
        aria-invalid={problem !== null}
        aria-describedby={problem ? 'new-tag-problem' : undefined}
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
      {problem && (
        <p id="new-tag-problem" className="field-problem" role="alert" data-testid="new-tag-problem">
          {problem}
        </p>
      )}
    </form>
  );
}
