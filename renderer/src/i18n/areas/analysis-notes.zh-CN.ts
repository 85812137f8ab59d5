/** 抽样、报告范围与自动编码附带的说明（core/analysis/analysis-notes.ts 的中文）。 */
import type { AnalysisNoteCode } from '../../../../core/analysis/analysis-notes.js';

const analysisNotes: Record<AnalysisNoteCode, string> = {
  'article-unreadable': '无法读取 {{path}}（{{reason}}），未搜索该文件。',
  'sample-took-all': '要求抽取 {{size}} 篇文章，筛选结果只有 {{available}} 篇：已全部抽取。',
  'strata-short': '有 {{count}} 个层的文章少于平均份额：这些层已全部抽取，其余由其他层补足。',
  'set-articles-gone': '集合“{{name}}”的 {{total}} 篇文章中有 {{gone}} 篇已不在文库中。',
};

export default analysisNotes;
