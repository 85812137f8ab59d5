/**
 * Site boilerplate as data: each rule names what it removes and why, so a new site is one more
 * entry here (plus a test), not new code. Rules run in order on the parsed body before the
 * allow-list sanitizer, for every article whatever its source: `site` only documents where the
 * pattern was seen, and selectors are specific enough not to hit other sites.
 */

export type RuleAction = 'remove' | 'unwrap' | 'strip-attrs' | 'to-meta' | 'rename';

export interface BoilerplateRule {
  id: string;
  /** Where the pattern comes from (documentation only; see the note above). */
  site?: string;
  description: string;
  /** CSS selector of the elements concerned. */
  selector?: string;
  /** Match HTML comments instead of elements. */
  comments?: boolean;
  /**
   * Also cut these from the HTML source before parsing (a speed-up: fewer nodes for jsdom). Only
   * for constructs the HTML parser itself ends at a fixed string: comments and <style>/<script>.
   */
  sourcePattern?: RegExp;
  /** Skip the rule unless the source contains one of these strings (a cheap pre-check). */
  hints?: string[];
  /** Only elements whose trimmed text matches (with `selector`, or block-ish elements by default). */
  text?: RegExp;
  /** Guard for `text` rules: only elements whose text is at most this long, never a whole body. */
  maxTextLength?: number;
  /** Only elements with no text and no image. */
  emptyOnly?: boolean;
  action: RuleAction;
  /** strip-attrs: attribute names to drop. */
  attrs?: string[];
  /** to-meta: which field, and a pattern whose group 1 is the value; the element is then removed. */
  meta?: { field: 'editor'; pattern: RegExp };
  /** remove: also the element right after (its next element sibling) when it matches this selector. */
  withNextSibling?: string;
  /** rename: the new tag name (children and nothing else kept). */
  renameTo?: string;
  /**
   * remove, with `text`: the element is the label of a block of related links (see
   * related-links.ts). `text` is matched against its text outside links, and it goes only with the
   * links it labels (inside it, or the link lists and link-only paragraphs right after it); a label
   * followed by article text stays.
   */
  labelsLinks?: boolean;
}

/** Elements `text` rules look at when they have no selector. */
export const TEXT_RULE_DEFAULT_SELECTOR = 'p, div, section, font, span, strong';

const EDITOR_LINE =
  /^[【[(（]?\s*(?:责任编辑|责编|文字编辑|编辑)\s*[：:]\s*([^】\])）]{1,40}?)\s*[】\])）]?$/;

/** The labels of related-links blocks, in brackets or not, with or without a colon. */
const RELATED_LABEL = new RegExp(
  '^[\\[【(（《<>»►▶■▌•*-]*\\s*(?:' +
    [
      'read (?:also|more|next)',
      'also read',
      'see also',
      'further reading',
      'more (?:reading|stories|news)',
      'related(?: (?:articles?|stories|posts|news|reading|links|coverage|content))?',
      'recommended(?: (?:reading|for you))?',
      'you (?:may|might) also like',
      '相关(?:阅读|文章|新闻|链接|报道|推荐|内容)',
      '(?:延伸|推荐|更多|扩展|拓展)阅读',
      '猜你喜欢',
      '往期(?:回顾|推荐)',
      '热门推荐',
    ].join('|') +
    ')\\s*[\\]】)）》>]*\\s*[:：]?$',
  'i',
);
/** The rule's pre-check: the English labels as they are written (hints are case-sensitive), and the Chinese ones. */
const RELATED_HINTS = [
  ...['read also', 'read more', 'read next', 'also read', 'see also', 'further reading'],
  ...['more reading', 'more stories', 'more news', 'related', 'recommended', 'also like'],
]
  .flatMap((h) => [
    h,
    h.toUpperCase(),
    h[0]!.toUpperCase() + h.slice(1),
    h.replace(/\b\w/g, (c) => c.toUpperCase()),
  ])
  .concat(
    ['相关阅读', '相关文章', '相关新闻', '相关链接', '相关报道', '相关推荐', '相关内容'],
    ['延伸阅读', '推荐阅读', '更多阅读', '扩展阅读', '拓展阅读', '猜你喜欢', '往期', '热门推荐'],
  );

export const BOILERPLATE_RULES: readonly BoilerplateRule[] = [
  {
    id: 'html-comments',
    description:
      'HTML comments (Sina wraps ad lists and layout markers in them: <!-- 文末二维码 start -->, article_adlist)',
    comments: true,
    sourcePattern: /<!--[\s\S]*?(?:-->|$)/g,
    hints: ['<!--'],
    action: 'remove',
  },
  {
    id: 'non-content-elements',
    description:
      'Style sheets, scripts and embedded widgets, with their content (the CSS text must not reach the text)',
    selector:
      'style, script, noscript, template, iframe, frame, object, embed, form, button, input, select, textarea, svg, math, link, meta, audio, video',
    // An unclosed element runs to the end of the input, as the HTML parser reads it; matching that
    // (the `$` branches) keeps the scan linear on hostile input such as "<script><p " repeated.
    sourcePattern: /<(style|script)\b[^>]*(?:>[\s\S]*?(?:<\/\1(?=[\t\n\f\r />])[^>]*(?:>|$)|$)|$)/gi,
    action: 'remove',
  },
  {
    id: 'hidden-elements',
    description: 'Elements the page itself hides (e.g. 知乎 "查看知乎原文" links)',
    selector: '[hidden], [aria-hidden="true"]',
    hints: ['hidden'],
    action: 'remove',
  },
  {
    id: 'sina-app-qr',
    site: '新浪财经',
    description: 'The "download our app" QR-code block at the end of Sina articles (appendQr_*)',
    selector: '[class*="appendQr"]',
    hints: ['appendQr'],
    action: 'remove',
  },
  {
    id: 'sina-app-slogan',
    site: '新浪财经',
    description: 'The app slogan when it appears outside the QR block',
    text: /海量资讯、精准解读，尽在新浪财经APP/,
    maxTextLength: 60,
    hints: ['新浪财经APP'],
    action: 'remove',
  },
  {
    id: 'sina-article-editor',
    site: '新浪财经',
    description: 'The editor credit line (责任编辑：…) goes to meta.editor',
    selector: '.article-editor',
    hints: ['article-editor'],
    action: 'to-meta',
    meta: { field: 'editor', pattern: /(?:责任编辑|编辑)\s*[：:]\s*(.+)$/ },
  },
  {
    id: 'editor-credit-line',
    description:
      'A paragraph that is only an editor credit (责任编辑：…, 【责任编辑:…】) goes to meta.editor',
    selector: 'p, div',
    text: EDITOR_LINE,
    maxTextLength: 50,
    hints: ['编辑'],
    action: 'to-meta',
    meta: { field: 'editor', pattern: EDITOR_LINE },
  },
  {
    id: 'sina-stock-quote',
    site: '新浪财经',
    description: 'Empty live stock-quote spans after a company name (<span id="quote_sh603888">)',
    selector: 'span[id^="quote_"]',
    hints: ['quote_'],
    action: 'remove',
  },
  {
    id: 'sina-stock-ticker-link',
    site: '新浪财经',
    description: 'Stock-ticker links around company names become plain words',
    selector: 'span[id^="stock_"], a.keyword, a[href*="finance.sina.com.cn/realstock/"]',
    hints: ['stock_', 'keyword', 'realstock'],
    action: 'unwrap',
  },
  {
    id: 'sina-bold-font',
    site: '新浪财经',
    description: 'Sina marks emphasis with <font cms-style="… strong-Bold">: keep it as <strong>',
    selector: 'font[cms-style*="strong-Bold"]',
    hints: ['strong-Bold'],
    action: 'rename',
    renameTo: 'strong',
  },
  {
    id: 'sina-image-wrapper',
    site: '新浪财经',
    description: 'Image wrapper divs are figures',
    selector: 'div.img_wrapper',
    hints: ['img_wrapper'],
    action: 'rename',
    renameTo: 'figure',
  },
  {
    id: 'empty-image-caption',
    site: '新浪财经, 简书',
    description: 'Empty image captions',
    selector: '.img_descr, .image-caption, figcaption',
    emptyOnly: true,
    action: 'remove',
  },
  {
    id: 'image-caption',
    site: '新浪财经, 简书, 36kr',
    description: 'Image captions are figcaptions',
    selector: 'span.img_descr, div.image-caption, p.img-desc',
    hints: ['img_descr', 'image-caption', 'img-desc'],
    action: 'rename',
    renameTo: 'figcaption',
  },
  {
    id: 'jianshu-image-package',
    site: '简书',
    description: 'Image packages are figures; their layout spacers go',
    selector: 'div.image-package',
    hints: ['image-package'],
    action: 'rename',
    renameTo: 'figure',
  },
  {
    id: 'empty-widgets',
    site: '新浪财经, 简书, 知乎, 9To5',
    description: 'Empty video slots, spacers and placeholders',
    selector:
      '.video-2017, .image-container-fill, .img-place-holder, .js-question-holder, span[id^="more-"], #after_disclaimer_placement',
    hints: [
      'video-2017',
      'image-container-fill',
      'img-place-holder',
      'js-question-holder',
      'more-',
      'after_disclaimer',
    ],
    action: 'remove',
  },
  {
    id: 'cms-attributes',
    site: '新浪财经, IT之家',
    description: 'CMS layout attributes that carry no meaning',
    selector:
      '[cms-style], [cms-width], [cms-height], [black-list], [data-sudaclick], [data-vmark], [data-link]',
    hints: ['cms-', 'black-list', 'data-sudaclick', 'data-vmark', 'data-link'],
    action: 'strip-attrs',
    attrs: ['cms-style', 'cms-width', 'cms-height', 'black-list', 'data-sudaclick', 'data-vmark'],
  },
  {
    id: 'copyright-notice',
    site: '观察者网, 券商中国 (via 新浪财经)',
    description: 'Reprint notices (本文系…独家稿件，未经授权，不得转载)',
    selector: 'p, div, strong, font',
    text: /(?:本文系.{1,20}独家稿件|未经授权[，,]?\s*(?:不得|禁止|严禁)转载)/,
    maxTextLength: 120,
    hints: ['转载', '独家稿件'],
    action: 'remove',
  },
  {
    id: 'zhihu-chrome',
    site: '知乎',
    description: 'Avatar image, original-answer link and "查看知乎讨论" footer',
    selector: 'img.avatar, a.originUrl, .view-more',
    hints: ['avatar', 'originUrl', 'view-more'],
    action: 'remove',
  },
  {
    id: 'juejin-copy-button',
    site: '掘金',
    description: 'The "复制代码" button text inside code blocks',
    selector: '.copy-code-btn',
    hints: ['copy-code-btn'],
    action: 'remove',
  },
  {
    id: 'wordpress-ad-disclaimer',
    site: '9To5',
    description: 'Affiliate disclaimer and banner ad at the end of 9To5 posts',
    selector: '.ad-disclaimer-container',
    hints: ['ad-disclaimer'],
    action: 'remove',
  },
  {
    id: 'wordpress-related-links',
    site: '9To5',
    description:
      'The "Read also:" / "Read more:" heading and the list of related links after it (WordPress heading ids h-read-also, h-read-more)',
    selector: 'h2[id^="h-read-also"], h3[id^="h-read-also"], h2[id^="h-read-more"], h3[id^="h-read-more"]',
    withNextSibling: 'ul, ol',
    hints: ['h-read-also', 'h-read-more'],
    action: 'remove',
  },
  {
    id: 'related-links-list',
    site: '9To5, cnBeta, Chinese news sites',
    description:
      'A "Read also" / "Related" / 相关阅读 / 延伸阅读 / 推荐阅读 label with the list of links to other articles it introduces',
    selector: 'h2, h3, h4, h5, h6, p, div, section, strong, b, span',
    text: RELATED_LABEL,
    // The label plus the links inside it (its inline form, "READ ALSO: <a>…</a>") at most.
    maxTextLength: 300,
    hints: RELATED_HINTS,
    labelsLinks: true,
    action: 'remove',
  },
  {
    id: 'cnbeta-related',
    site: 'cnBeta',
    description: 'The 相关文章 list of related links',
    selector: '.article-relation',
    hints: ['article-relation'],
    action: 'remove',
  },
  {
    id: 'affiliate-links',
    site: 'cnBeta',
    description: 'Affiliate tracking links on product names become plain words',
    selector: 'a[data-link], a[href*="duomai.com/track"], a[href*="pvxt.net"]',
    hints: ['data-link', 'duomai', 'pvxt'],
    action: 'unwrap',
  },
  {
    id: 'ithome-tag-link',
    site: 'IT之家',
    description: 'The "IT之家" self-link at the start of articles',
    selector: 'a.s_tag',
    hints: ['s_tag'],
    action: 'unwrap',
  },
  {
    id: 'ithome-tip-credit',
    site: 'IT之家',
    description: '"感谢IT之家网友 … 的线索投递！"',
    selector: '.tougao-user',
    hints: ['tougao-user'],
    action: 'remove',
  },
  {
    id: '36kr-project-link',
    site: '36kr',
    description: 'Links from common words to 36kr company pages',
    selector: 'a.project-link',
    hints: ['project-link'],
    action: 'unwrap',
  },
];
