/**
 * What to compare: coders (at least two), codes (from the codebook tree; none ticked means every
 * code; sub-codes counted as their parent or not) and articles (those every chosen coder
 * annotated, one folder of the library, those the library list shows, or the set chosen there).
 */
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Tag } from '../../../../core/model.js';
import type { CoderSummary } from '../../coders/coder-types.js';
import { tagRows } from '../../coding/tag-tree.js';
import type { ChosenSet } from '../../export/export-settings.js';
import { CoderChecklist } from '../coders/CoderChecklist.js';

export type ArticleChoice =
  { kind: 'annotated' } | { kind: 'folder'; folder: string } | { kind: 'listed' } | { kind: 'set' };

export interface AgreementChoice {
  coderIds: readonly string[];
  /** Empty: every code. */
  tagIds: readonly string[];
  withChildren: boolean;
  articles: ArticleChoice;
}

interface AgreementChoicesProps {
  coders: readonly CoderSummary[];
  tags: readonly Tag[];
  /** The library's folders ('' is its top). */
  folders: readonly string[];
  /** How many articles the library list shows (its filter). */
  listedCount: number;
  /** The set chosen in the library list, offered as the articles to compare. */
  set?: ChosenSet;
  choice: AgreementChoice;
  onChange(choice: AgreementChoice): void;
}

const ARTICLE_LABELS = {
  annotated: 'agreement.articlesAnnotated',
  folder: 'agreement.articlesFolder',
  listed: 'agreement.articlesListed',
  set: 'agreement.articlesSet',
} as const;

const toggled = (list: readonly string[], id: string): string[] =>
  list.includes(id) ? list.filter((x) => x !== id) : [...list, id];

export function AgreementChoices({
  coders,
  tags,
  folders,
  listedCount,
  set: chosenSet,
  choice,
  onChange,
}: AgreementChoicesProps) {
  const { t } = useTranslation();
  const rows = useMemo(() => tagRows(tags), [tags]);
  const set = (patch: Partial<AgreementChoice>) => onChange({ ...choice, ...patch });
  const articles = choice.articles;

  return (
    <div className="agreement-choices">
      <fieldset className="choice-group">
        <legend>{t('agreement.coders')}</legend>
        <CoderChecklist
          coders={coders}
          checked={(id) => choice.coderIds.includes(id)}
          onToggle={(id) => set({ coderIds: toggled(choice.coderIds, id) })}
          testId="agreement-coder"
          label={t('agreement.coders')}
        />
      </fieldset>

      <fieldset className="choice-group agreement-codes">
        <legend>{t('agreement.codes')}</legend>
        <p className="choice-hint">{t('agreement.codesHint')}</p>
        <ul className="agreement-code-tree">
          {rows.map((r) => (
            <li key={r.tag.id} style={{ paddingInlineStart: `${r.depth * 16}px` }}>
              <label className="choice">
                <input
                  type="checkbox"
                  data-testid="agreement-code"
                  value={r.tag.id}
                  checked={choice.tagIds.includes(r.tag.id)}
                  onChange={() => set({ tagIds: toggled(choice.tagIds, r.tag.id) })}
                />
                <span>{r.tag.name}</span>
              </label>
            </li>
          ))}
        </ul>
        {choice.tagIds.length > 0 && (
          <button type="button" className="link-button" onClick={() => set({ tagIds: [] })}>
            {t('agreement.allCodes')}
          </button>
        )}
        <label className="choice">
          <input
            type="checkbox"
            data-testid="agreement-with-children"
            checked={choice.withChildren}
            onChange={(e) => set({ withChildren: e.target.checked })}
          />
          <span>
            <span className="choice-label">{t('agreement.withChildren')}</span>
            <span className="choice-hint">{t('agreement.withChildrenHint')}</span>
          </span>
        </label>
      </fieldset>

      <fieldset className="choice-group">
        <legend>{t('agreement.articles')}</legend>
        {(chosenSet
          ? (['annotated', 'folder', 'listed', 'set'] as const)
          : (['annotated', 'folder', 'listed'] as const)
        ).map((kind) => (
          <label key={kind} className="choice">
            <input
              type="radio"
              name="agreement-articles"
              data-testid={`agreement-articles-${kind}`}
              checked={articles.kind === kind}
              onChange={() => set({ articles: kind === 'folder' ? { kind, folder: '' } : { kind } })}
            />
            <span>
              <span className="choice-label">
                {kind === 'set'
                  ? t(ARTICLE_LABELS.set, { count: chosenSet?.articleIds.length ?? 0, name: chosenSet?.name })
                  : t(ARTICLE_LABELS[kind], { count: listedCount })}
              </span>
              <span className="choice-hint">{t(`${ARTICLE_LABELS[kind]}Hint`)}</span>
            </span>
          </label>
        ))}
        {articles.kind === 'folder' && (
          <select
            aria-label={t('agreement.folder')}
            data-testid="agreement-folder"
            value={articles.folder}
            onChange={(e) => set({ articles: { kind: 'folder', folder: e.target.value } })}
          >
            {folders.map((f) => (
              <option key={f} value={f}>
                {f === '' ? t('agreement.wholeLibrary') : f}
              </option>
            ))}
          </select>
        )}
      </fieldset>
    </div>
  );
}
