/**
 * What importing a REFI-QDA project or codebook did: the counts first (placed, approximate, not
 * placed, new articles, coders, codes created), then the lists to look at, with the quotes.
 */
import { useTranslation } from 'react-i18next';
import type { CodebookImportReport, ProjectImportReport } from '../../../../core/api/interop-contract.js';

function Counts({ counts }: { counts: [string, number, boolean][] }) {
  const { t } = useTranslation();
  return (
    <dl className="import-counts">
      {counts.map(([key, value, warn]) => (
        <div key={key} className={warn && value > 0 ? 'count warn' : 'count'} data-testid={`interop-${key}`}>
          <dt>{t(`interop.report.${key}`)}</dt>
          <dd>{value.toLocaleString()}</dd>
        </div>
      ))}
    </dl>
  );
}

function NameList({
  title,
  names,
  open = false,
}: {
  title: string;
  names: readonly string[];
  open?: boolean;
}) {
  if (names.length === 0) return null;
  return (
    <details open={open}>
      <summary>{title}</summary>
      <ul className="import-list">
        {names.map((n, i) => (
          <li key={i}>{n}</li>
        ))}
      </ul>
    </details>
  );
}

export function ProjectReport({ report: r }: { report: ProjectImportReport }) {
  const { t } = useTranslation();
  const headline = r.origin
    ? t('interop.report.projectHeadline', {
        fileName: r.fileName,
        origin: r.origin,
        count: r.highlightsWritten,
      })
    : t('interop.report.projectHeadlineNoOrigin', { fileName: r.fileName, count: r.highlightsWritten });
  return (
    <section
      className="import-summary"
      data-testid="interop-report"
      aria-label={t('interop.report.projectTitle')}
    >
      <p className="import-headline">{headline}</p>
      <Counts
        counts={[
          ['placed', r.placed, false],
          ['approximate', r.approximate, true],
          ['unplaced', r.unplaced.length, true],
          ['newArticles', r.newArticles.length, false],
          ['coders', r.coders.length, false],
          ['codesCreated', r.codes.created.length, false],
          ['notes', r.notes, false],
          ['memos', r.memos, false],
        ]}
      />
      {r.unplaced.length > 0 && (
        <details open>
          <summary>{t('interop.report.unplacedList', { count: r.unplaced.length })}</summary>
          <p className="choice-hint">{t('interop.report.unplacedHelp')}</p>
          <ul className="import-list">
            {r.unplaced.map((u, i) => (
              <li key={i}>
                <span className="import-article">{u.source}</span>{' '}
                {u.quote && <q className="import-quote">{u.quote}</q>}{' '}
                <span className="muted">
                  ({t(`interop.report.reason.${u.reason}`)}
                  {u.storedForReview ? `, ${t('interop.report.storedForReview')}` : ''})
                </span>
              </li>
            ))}
          </ul>
        </details>
      )}
      {r.approximateSelections.length > 0 && (
        <details open>
          <summary>{t('interop.report.approximateList', { count: r.approximateSelections.length })}</summary>
          <ul className="import-list">
            {r.approximateSelections.map((a, i) => (
              <li key={i}>
                <span className="import-article">{a.source}</span> <q className="import-quote">{a.quote}</q>{' '}
                <span className="muted">{t('interop.report.placedAs')}</span>{' '}
                <q className="import-quote">{a.placedText}</q>
              </li>
            ))}
          </ul>
        </details>
      )}
      <NameList
        title={t('interop.report.newArticlesList', { count: r.newArticles.length })}
        names={r.newArticles}
      />
      <NameList title={t('interop.report.codersList', { count: r.coders.length })} names={r.coders} open />
      <NameList
        title={t('interop.report.codesCreatedList', { count: r.codes.created.length })}
        names={r.codes.created}
      />
      <NameList
        title={t('interop.report.renamedList', { count: r.codes.renamed.length })}
        names={r.codes.renamed.map((x) => `${x.from} → ${x.to}`)}
      />
      <NameList
        title={t('interop.report.skippedList', { count: r.skippedSources.length })}
        names={r.skippedSources.map((s) => `${s.source} (${s.kind})`)}
      />
      <NameList title={t('interop.report.warnings', { count: r.warnings.length })} names={r.warnings} open />
    </section>
  );
}

export function CodebookReport({ report: r }: { report: CodebookImportReport }) {
  const { t } = useTranslation();
  return (
    <section
      className="import-summary"
      data-testid="interop-report"
      aria-label={t('interop.report.codebookTitle')}
    >
      <p className="import-headline">
        {t('interop.report.codebookHeadline', {
          fileName: r.fileName,
          created: r.created.length,
          existing: r.existing.length,
        })}
      </p>
      <NameList
        title={t('interop.report.codesCreatedList', { count: r.created.length })}
        names={r.created}
        open
      />
      <NameList
        title={t('interop.report.renamedList', { count: r.renamed.length })}
        names={r.renamed.map((x) => `${x.from} → ${x.to}`)}
      />
      <NameList title={t('interop.report.warnings', { count: r.warnings.length })} names={r.warnings} open />
    </section>
  );
}
