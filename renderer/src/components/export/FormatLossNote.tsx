/**
 * What the chosen format cannot hold, shown before exporting to another tool's format (the
 * REFI-QDA standard asks exporters to tell the user) and to Excel. Nothing for Gloss's own formats.
 */
import { useTranslation } from 'react-i18next';
import type { ExportFormat } from '../../export/export-settings.js';
import './interop.css';

const LOSSY = ['xlsx', 'qdpx', 'qdc'] as const;
type LossyFormat = (typeof LOSSY)[number];

export function FormatLossNote({ format }: { format: ExportFormat }) {
  const { t } = useTranslation();
  if (!(LOSSY as readonly string[]).includes(format)) return null;
  const items = t(`interop.loss.${format as LossyFormat}`, { returnObjects: true }) as string[];
  return (
    <section className="format-loss" data-testid="format-loss" aria-label={t('interop.lossTitle')}>
      <h3>{t('interop.lossTitle')}</h3>
      <ul>
        {items.map((item) => (
          <li key={item}>{item}</li>
        ))}
      </ul>
    </section>
  );
}
