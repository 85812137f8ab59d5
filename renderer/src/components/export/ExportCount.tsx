/**
 * How many highlights the export will hold, asked of the host as the scope changes (the same plan
 * the export itself uses). A filter that matches nothing says so here, in the UI language, and
 * the export button waits until it matches something.
 */
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { GlossApi } from '../../../../core/api/contract.js';
import type { ExportScope } from '../../export/export-settings.js';

/** The count for a scope; `nothing` is true once it is known that a filter matches no highlight. */
export function useExportCount(
  api: GlossApi,
  scope: ExportScope,
  coders: readonly string[] | null,
  enabled: boolean,
) {
  const query = useQuery({
    queryKey: ['export-count', scope, coders],
    queryFn: () => api.countExport({ scope, ...(coders ? { coders: [...coders] } : {}) }),
    gcTime: 0,
    enabled,
  });
  return { ...query, nothing: scope.kind === 'filter' && query.data?.highlights === 0 };
}

export function ExportCount({ count }: { count: ReturnType<typeof useExportCount> }) {
  const { t } = useTranslation();
  if (count.isPending) return <p className="choice-hint">{t('exportFilter.counting')}</p>;
  if (!count.data) return null;
  const { highlights, articles } = count.data;
  if (count.nothing)
    return (
      <p className="warn-text" role="alert" data-testid="export-nothing">
        {t('exportFilter.nothing')}
      </p>
    );
  return (
    <p className="choice-hint" data-testid="export-count">
      {highlights === 0
        ? t('exportFilter.nothingInScope')
        : t('exportFilter.count', {
            highlights: t('exportFilter.highlights', { count: highlights }),
            articles: t('exportFilter.articles', { count: articles }),
          })}
    </p>
  );
}
