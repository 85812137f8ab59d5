// The notes beside a sample, a report's scope and autocode are written by core in English and
// worded by the renderer in the UI language, details kept: a Chinese researcher reads them in Chinese.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  analysisNote,
  ANALYSIS_NOTES,
  readAnalysisNote,
  type AnalysisNoteCode,
} from '../../../core/analysis/analysis-notes.js';
import { analysisNoteText } from '../../../renderer/src/analysis-note-text.js';
import { uiI18n } from '../renderer/ui-i18n.js';

const codes = Object.keys(ANALYSIS_NOTES) as AnalysisNoteCode[];

describe('analysis notes', () => {
  it('read back as the code and details they were written with (property)', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...codes),
        fc.string({ unit: 'grapheme' }).filter((s) => !/[(:"]/.test(s)),
        fc.string({ unit: 'grapheme' }),
        fc.nat(),
        (code, name, reason, n) => {
          const format = ANALYSIS_NOTES[code] as string;
          const all = {
            path: name,
            reason,
            size: String(n),
            available: String(n + 1),
            count: String(n),
            gone: String(n),
            total: String(n + 2),
            name,
          };
          const details = Object.fromEntries(
            Object.entries(all).filter(([k]) => format.includes(`{{${k}}}`)),
          );
          expect(readAnalysisNote(analysisNote(code, details))).toEqual({ code, details });
        },
      ),
      { numRuns: 300 },
    );
  });

  it('say in Chinese what they say in English, with their numbers, as the CLI has always printed them', async () => {
    const note = analysisNote('sample-took-all', { size: 5, available: 2 });
    expect(note).toBe('Asked for 5 articles, the filter has 2: all of them were taken.');
    const i18n = await uiI18n();
    await i18n.changeLanguage('zh-CN');
    expect(analysisNoteText(i18n.t, note)).toBe('要求抽取 5 篇文章，筛选结果只有 2 篇：已全部抽取。');
    const gone = analysisNote('set-articles-gone', { gone: 3, total: 40, name: '试点"样本"' });
    expect(analysisNoteText(i18n.t, gone)).toBe('集合“试点"样本"”的 40 篇文章中有 3 篇已不在文库中。');
    await i18n.changeLanguage('en');
    expect(analysisNoteText(i18n.t, note)).toBe(note);
    expect(analysisNoteText(i18n.t, 'Some other text')).toBe('Some other text');
  });
});
