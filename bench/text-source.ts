// Sentences for synthetic articles: real sentences from ../shared/corpus when present, else a
// built-in vocabulary (Chinese and English), plus a few planted rare terms the search bench looks for.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Prng } from './prng.js';

/** Planted in about 1 article in 1,000, so "rare" queries have a known, small number of hits. */
export const RARE_TERMS = { zh: '蒯晓骞', en: 'Wipfler' } as const;

const ZH_WORDS = (
  '中国 公司 市场 经济 发展 企业 投资 政策 银行 数据 增长 国家 记者 报道 表示 项目 服务 技术 产品 用户 ' +
  '平台 行业 资金 价格 政府 部门 消费 金融 管理 工作 疫情 地区 城市 今年 去年 同比 上涨 下降 亿元 万元 ' +
  '股份 股票 基金 债券 证券 交易 监管 风险 研究 科技 创新 能源 汽车 新能源 芯片 人工智能 互联网 数字 ' +
  '经营 收入 利润 业绩 季度 上市 发布 会议 改革 合作 国际 全球 美国 欧洲 北京 上海 深圳 广州 香港 ' +
  '教育 医疗 社会 居民 就业 工资 房地产 住房 土地 建设 基础设施 制造业 出口 进口 贸易 人民币 美元 ' +
  '利率 通胀 央行 货币 财政 税收 支持 推动 加强 提高 实现 继续 进一步 有关 相关 重要 主要 部分 ' +
  '负责人 专家 分析师 机构 投资者 客户 员工 团队 系统 网络 信息 安全 模型 算法 应用 手机 苹果 华为 ' +
  '比特币 区块链 以太坊 加密货币 交易所 钱包 协议 合约 节点 开发者 开源 代码 版本 更新 功能'
).split(' ');
const ZH_GLUE = '的 的 的 了 在 是 和 与 对 将 也 已 并 为 等 从 到 中 上 下'.split(' ');
const EN_WORDS = (
  'the the the of of and and to to in a a is that for on with as was by it are from at this be ' +
  'company market apple google report year new data users people government said according billion ' +
  'million percent growth economy bank policy research model system software update feature iphone ' +
  'security network war election minister president city police news study science energy climate ' +
  'startup founder investors price shares revenue quarter customers product developers open source'
).split(' ');

export interface TextSource {
  /** 'corpus' when sentences come from the shared corpus, else 'built-in'. */
  kind: 'corpus' | 'built-in';
  zhSentence(r: Prng): string;
  enSentence(r: Prng): string;
}

function builtInZh(r: Prng): string {
  const n = r.int(5, 14);
  const parts: string[] = [];
  for (let i = 0; i < n; i++) {
    parts.push(r.zipf(ZH_WORDS));
    if (r.chance(0.45)) parts.push(r.pick(ZH_GLUE));
    if (r.chance(0.06)) parts.push(String(r.int(1, 2022)));
    if (i > 2 && r.chance(0.12)) parts.push('，');
  }
  return `${parts.join('')}${r.chance(0.9) ? '。' : '！'}`;
}

function builtInEn(r: Prng): string {
  const n = r.int(8, 24);
  const words: string[] = [];
  for (let i = 0; i < n; i++) words.push(r.zipf(EN_WORDS));
  const s = words.join(' ');
  return `${s[0]!.toUpperCase()}${s.slice(1)}.`;
}

/** Lines the cleaner removes as boilerplate: kept out of the sentence pool (the generator adds its own). */
const BOILERPLATE = /新浪财经APP|编辑|原标题|本文来自|appendQr|&#123;/;

const stripHtml = (html: string): string =>
  html
    .replace(/<!--[\s\S]*?-->/g, ' ')
    .replace(/<(style|script)\b[\s\S]*?<\/\1>/gi, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&nbsp;|&#160;/g, ' ')
    .replace(/&amp;/g, '&')
    .replace(/&[a-z#0-9]+;/gi, ' ');

/** Sentences of the corpus articles, split by script. */
function corpusSentences(dir: string): { zh: string[]; en: string[] } {
  const zh: string[] = [];
  const en: string[] = [];
  // Article files only: a library opened in Gloss also holds its `.gloss/` folder.
  for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
    if (!entry.isFile() || entry.name.startsWith('.')) continue;
    const raw = readFileSync(join(dir, entry.name), 'utf8');
    const body = raw.replace(/^\s*---[\s\S]*?\n---\s*\n/, '');
    for (const line of stripHtml(body).split(/\n+/)) {
      const text = line.replace(/[\s\u3000]+/g, ' ').trim();
      if (text.length < 8) continue;
      for (const s of text.split(/(?<=[。！？])|(?<=[.!?])\s+(?=[A-Z])/)) {
        const t = s.trim();
        if (t.length < 8 || t.length > 300 || BOILERPLATE.test(t)) continue;
        const cjk = (t.match(/[\u4e00-\u9fff]/g) ?? []).length;
        if (cjk / t.length > 0.3) zh.push(t);
        else if (cjk === 0 && /[a-z]{3}/.test(t)) en.push(t);
      }
    }
  }
  return { zh, en };
}

/** Uses `corpusDir` when it exists and yields enough sentences; the generator falls back otherwise. */
export function textSource(corpusDir: string | null): TextSource {
  if (corpusDir && existsSync(corpusDir)) {
    const { zh, en } = corpusSentences(corpusDir);
    if (zh.length >= 200 && en.length >= 50) {
      return {
        kind: 'corpus',
        // Mix real sentences with generated ones so word frequencies are not only the corpus's.
        zhSentence: (r) => (r.chance(0.8) ? r.pick(zh) : builtInZh(r)),
        enSentence: (r) => (r.chance(0.8) ? r.pick(en) : builtInEn(r)),
      };
    }
  }
  return { kind: 'built-in', zhSentence: builtInZh, enSentence: builtInEn };
}
