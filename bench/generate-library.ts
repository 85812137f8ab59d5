// Writes a synthetic library shaped like the shared corpus (RSSHub posts: YAML front matter + HTML
// body with site boilerplate) into bench/.cache, deterministically from a seed, and reuses it later.
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Prng } from './prng.js';
import { RARE_TERMS, textSource, type TextSource } from './text-source.js';

/** Bump when the generated files change shape, so cached libraries are rebuilt. */
export const GENERATOR_VERSION = 5;

type Style = 'sina' | 'telegram' | 'zh-blog' | 'en';

interface Source {
  path: string;
  author: string;
  style: Style;
  weight: number;
}

const SOURCES: Source[] = [
  { path: '金融/新浪财经/新浪财经－国內', author: '新浪财经', style: 'sina', weight: 34 },
  { path: '金融/财联社/电报', author: '财联社', style: 'telegram', weight: 12 },
  { path: '新媒体/金色财经/快讯', author: '金色财经', style: 'telegram', weight: 7 },
  { path: '金融/财联社/深度', author: '财联社', style: 'zh-blog', weight: 4 },
  { path: '新媒体/cnBeta/最新', author: 'cnBeta', style: 'zh-blog', weight: 4 },
  { path: '新媒体/IT 之家/分类资讯', author: 'IT 之家', style: 'zh-blog', weight: 3 },
  { path: '编程/开源中国/资讯', author: '开源中国', style: 'zh-blog', weight: 3 },
  { path: '社交媒体/知乎/知乎日报', author: '知乎', style: 'zh-blog', weight: 2 },
  { path: '新媒体/199IT/首页更新', author: '199IT', style: 'zh-blog', weight: 2 },
  { path: '新媒体/36kr/资讯', author: '36kr', style: 'zh-blog', weight: 2 },
  { path: '新媒体/Aljazeera 半岛网/新闻', author: 'Aljazeera', style: 'en', weight: 3 },
  { path: '博客/Paul Graham 博客/Essays', author: 'Paul Graham', style: 'en', weight: 2 },
  { path: '新媒体/DeepMind/Blog', author: 'DeepMind', style: 'en', weight: 2 },
  { path: '新媒体/9To5/9To5 分站', author: '9To5', style: 'en', weight: 3 },
  { path: '编程/Hacker News/分类', author: 'Hacker News', style: 'en', weight: 2 },
];

const EDITORS = ['王翔', '李墨轩', '张倩', '刘德宾', '宋雅芳', '赵思远', '陈婕'];
const STOCKS = [
  '贵州茅台<span id="quote_sh600519"></span>',
  '宁德时代<span id="quote_sz300750"></span>',
  '招商银行<span id="quote_sh600036"></span>',
  '中国平安<span id="quote_sh601318"></span>',
];
/** U+3000, the ideographic space Sina indents paragraphs with. */
const IDEO_SPACE = '\u3000';
const DAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

export interface LibrarySpec {
  count: number;
  seed: number;
  /** Folder of real articles used as sentence templates (optional). */
  corpusDir: string | null;
}

export interface GeneratedLibrary {
  root: string;
  count: number;
  bytes: number;
  templates: TextSource['kind'];
  outliers: number;
  withTables: number;
  english: number;
}

/** Body size in bytes: most 2-20 KB, some short telegrams, some long reads, rare ~1 MB outliers. */
function targetSize(r: Prng, index: number, count: number): number {
  // About 1 in 2,000 (at least one per library) is a ~1 MB outlier, at fixed positions.
  const every = Math.min(2000, count);
  if (index % every === Math.floor(every / 2)) return r.int(900_000, 1_200_000);
  const bucket = r.weighted([10, 55, 30, 5]);
  if (bucket === 0) return r.int(300, 2_000);
  if (bucket === 1) return r.int(2_000, 8_000);
  if (bucket === 2) return r.int(8_000, 20_000);
  return r.int(20_000, 100_000);
}

function rfcDate(r: Prng): string {
  if (r.chance(0.01)) return 'Invalid Date';
  const d = new Date(Date.UTC(2017, 0, 1) + r.float() * 6 * 365 * 864e5);
  const p = (n: number): string => String(n).padStart(2, '0');
  return `${DAYS[(d.getUTCDay() + 6) % 7]}, ${p(d.getUTCDate())} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()} ${p(d.getUTCHours())}:${p(d.getUTCMinutes())}:${p(d.getUTCSeconds())} GMT`;
}

function table(r: Prng, zh: boolean): string {
  const rows = r.int(10, 60);
  const head = zh
    ? ['名称', '代码', '收盘价', '涨跌幅', '成交额（亿元）']
    : ['Name', 'Ticker', 'Close', 'Change', 'Volume'];
  const out = ['<table><tbody>', `<tr>${head.map((h) => `<td><strong>${h}</strong></td>`).join('')}</tr>`];
  for (let i = 0; i < rows; i++) {
    out.push(
      `<tr><td>${zh ? '股份' + i : 'Corp ' + i}</td><td>${r.int(600000, 605000)}</td><td>${(r.float() * 200).toFixed(2)}</td>` +
        `<td>${(r.float() * 20 - 10).toFixed(2)}%</td><td>${(r.float() * 50).toFixed(1)}</td></tr>`,
    );
  }
  out.push('</tbody></table>');
  return out.join('\n');
}

function paragraph(r: Prng, src: TextSource, zh: boolean): string {
  const n = r.int(1, 5);
  const parts: string[] = [];
  for (let i = 0; i < n; i++) parts.push(zh ? src.zhSentence(r) : src.enSentence(r));
  return parts.join(zh ? '' : ' ');
}

const esc = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

function sinaBody(r: Prng, src: TextSource, title: string, size: number, withTable: boolean): string {
  const out = ['<div>   ', `<p class="ori_titlesource">${IDEO_SPACE}${IDEO_SPACE}原标题：${esc(title)} </p>`];
  let bytes = 0;
  let i = 0;
  while (bytes < size) {
    let text = esc(paragraph(r, src, true));
    if (r.chance(0.08)) text = `${r.pick(STOCKS)}${text}`;
    if (r.chance(0.1))
      text = `<font cms-style="font-L strong-Bold">${text.slice(0, 20)}</font>${text.slice(20)}`;
    const p = `<p cms-style="font-L">${IDEO_SPACE}${IDEO_SPACE}${text}</p>`;
    out.push(p);
    bytes += p.length * 2.4;
    if (r.chance(0.05)) {
      const img = `https://n.sinaimg.cn/finance/${r.hex(8)}/${r.int(2017, 2022)}0514/${r.int(1e8, 9e8)}.jpg`;
      out.push(
        `<div class="img_wrapper"><img style="max-width: 640px;" src="${img}" referrerpolicy="no-referrer"><span class="img_descr">${esc(src.zhSentence(r))}</span></div>`,
      );
    }
    if (withTable && i++ === 3) out.push(table(r, true));
  }
  out.push(
    '<!--article_adlist[<p cms-style="font-L">(本文来自澎湃新闻，更多原创资讯请下载“澎湃新闻”APP)</p>]article_adlist--><!-- news_keyword_pub,stock, -->',
    '\n\n\n\n<!-- 正文下iframe -->\n\n\n<!-- 正文下iframe -->\n\n<!-- 总声明-->\n\n\n\n\n<!-- 总声明-->\n',
    `<!-- 文末二维码 start -->

            <style>
            .appendQr_wrap&#123;border:1px solid #E6E6E6;padding:8px;&#125;
            .appendQr_normal&#123;float:left;&#125;
            .appendQr_normal img&#123;width:74px;&#125;
            .appendQr_normal_txt&#123;float:left;font-size:20px;line-height:74px;padding-left:20px;color:#333;&#125;
            </style>
            <div class="clearfix appendQr_wrap">
                <div class="appendQr_normal"><img src="https://n.sinaimg.cn/finance/cece9e13/20200514/343233024.png" referrerpolicy="no-referrer"></div>
                <div class="appendQr_normal_txt">海量资讯、精准解读，尽在新浪财经APP</div>
            </div>
            <!-- 文末二维码 start -->`,
    '\n<!-- 编辑姓名及工作代码 -->\n',
    `<p class="article-editor">责任编辑：${r.pick(EDITORS)} </p>`,
    '<!-- 编辑姓名及工作代码-->\n\n  ',
    '</div>',
  );
  return out.join('\n');
}

function plainBody(r: Prng, src: TextSource, style: Style, size: number, withTable: boolean): string {
  const zh = style !== 'en';
  const out = ['<div>   '];
  let bytes = 0;
  let i = 0;
  if (style === 'telegram') {
    // 电报/快讯: loose text in the div, no <p>.
    while (bytes < size) {
      const t = esc(paragraph(r, src, true));
      out.push(`${t}  `);
      bytes += t.length * 3;
    }
  } else {
    while (bytes < size) {
      let text = esc(paragraph(r, src, zh));
      if (r.chance(0.08)) text = `<strong>${text.slice(0, 12)}</strong>${text.slice(12)}`;
      if (r.chance(0.05)) text = `<span style="color:#333333;">${text}</span>`;
      if (!zh && r.chance(0.1))
        text += ` <a href="https://example.com/${r.hex(6)}" target="_blank" rel="noreferrer noopener">${esc(src.enSentence(r).slice(0, 30))}</a>`;
      const p = `<p>${text}</p>`;
      out.push(p);
      bytes += p.length * (zh ? 2.6 : 1);
      if (r.chance(0.04))
        out.push(`<img src="https://img.example.com/${r.hex(12)}.jpg" referrerpolicy="no-referrer"><br>`);
      if (withTable && i++ === 2) out.push(table(r, zh));
    }
    if (zh && r.chance(0.3)) out.push(`<p>责任编辑：${r.pick(EDITORS)}</p>`);
  }
  out.push('</div>');
  return out.join('\n');
}

function titleOf(r: Prng, src: TextSource, zh: boolean): string {
  const s = zh ? src.zhSentence(r) : src.enSentence(r);
  return s.replace(/[。！？.!?]+$/, '').slice(0, zh ? r.int(12, 40) : r.int(30, 90));
}

const safeName = (title: string): string =>
  title
    .replace(/[\\/:*?"<>|\u0000-\u001f#%]/g, '_')
    .replace(/^[.\s]+/, '')
    .slice(0, 60) || 'untitled';

export interface ArticleFile {
  relPath: string;
  content: string;
  outlier: boolean;
  table: boolean;
  english: boolean;
}

/** The i-th article of a library; pure given (seed, i), so libraries of several sizes share a shape. */
export function generateArticle(seed: number, index: number, count: number, src: TextSource): ArticleFile {
  const r = new Prng(`${seed}:${index}`);
  const source = SOURCES[r.weighted(SOURCES.map((s) => s.weight))]!;
  const zh = source.style !== 'en';
  const size = targetSize(r, index, count);
  const withTable = size > 3000 && r.chance(0.04);
  const title = titleOf(r, src, zh);
  // About 1 article in 1,000 names the planted rare term (once, in its first paragraphs).
  const rare = r.chance(0.001)
    ? zh
      ? `${RARE_TERMS.zh}表示，此事仍在调查中。`
      : `${RARE_TERMS.en} declined to comment.`
    : '';
  const date = rfcDate(r);
  const img =
    source.style === 'sina'
      ? 'https://n.sinaimg.cn/finance/cece9e13/20200514/343233024.png'
      : `https://picsum.photos/400/300?random=${r.int(1, 9999)}`;
  const [cat, site, feed] = source.path.split('/');
  const fm = [
    '',
    '---',
    `title: '${title.replace(/'/g, "''")}'`,
    'categories: ',
    ` - ${cat}`,
    ` - ${site}`,
    ` - ${feed}`,
    `headimg: '${img}'`,
    `author: ${source.author}`,
    'comments: false',
    `date: ${date}`,
    `thumbnail: '${img}'`,
    '---',
    '',
    '',
  ].join('\n');
  let body =
    source.style === 'sina'
      ? sinaBody(r, src, title, size, withTable)
      : plainBody(r, src, source.style, size, withTable);
  if (rare) body = body.replace('<div>   \n', `<div>   \n<p>${rare}</p>\n`);
  const year = date === 'Invalid Date' ? 'undated' : date.slice(12, 16);
  return {
    relPath: `${source.path}/${year}/${safeName(title)}-${index.toString(36)}.md`,
    content: `${fm}${body}\n            `,
    outlier: size >= 900_000,
    table: withTable,
    english: !zh,
  };
}

/** The library for `spec`, generated into `cacheRoot` unless a complete copy is there already. */
export function ensureLibrary(
  cacheRoot: string,
  spec: LibrarySpec,
  log: (m: string) => void,
): GeneratedLibrary {
  const src = textSource(spec.corpusDir);
  const name = `lib-n${spec.count}-s${spec.seed}-g${GENERATOR_VERSION}-${src.kind}`;
  const root = join(cacheRoot, name);
  const marker = join(root, '.bench-library.json');
  if (existsSync(marker)) return JSON.parse(readFileSync(marker, 'utf8')) as GeneratedLibrary;
  const tmp = `${root}.partial`;
  rmSync(tmp, { recursive: true, force: true });
  rmSync(root, { recursive: true, force: true });
  log(`generating ${spec.count.toLocaleString('en')} articles (${src.kind} templates) into ${name} …`);
  const t0 = Date.now();
  const made = new Set<string>();
  const info: GeneratedLibrary = {
    root,
    count: spec.count,
    bytes: 0,
    templates: src.kind,
    outliers: 0,
    withTables: 0,
    english: 0,
  };
  for (let i = 0; i < spec.count; i++) {
    const a = generateArticle(spec.seed, i, spec.count, src);
    const dir = join(tmp, a.relPath.slice(0, a.relPath.lastIndexOf('/')));
    if (!made.has(dir)) {
      mkdirSync(dir, { recursive: true });
      made.add(dir);
    }
    const bytes = Buffer.from(a.content, 'utf8');
    writeFileSync(join(tmp, a.relPath), bytes);
    info.bytes += bytes.length;
    if (a.outlier) info.outliers++;
    if (a.table) info.withTables++;
    if (a.english) info.english++;
    if (i > 0 && i % 20000 === 0) log(`  … ${i.toLocaleString('en')} written`);
  }
  renameSync(tmp, root);
  writeFileSync(marker, JSON.stringify(info, null, 2));
  log(`  done in ${((Date.now() - t0) / 1000).toFixed(1)} s (${(info.bytes / 1e6).toFixed(0)} MB)`);
  return info;
}
