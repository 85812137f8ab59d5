/**
 * A linear guard against hostile nesting, run on body HTML before jsdom parses it. HTML parsers
 * (parse5, and jsdom's tree on top of it) spend time proportional to the nesting depth on every
 * tag, so 10,000 nested <div>s took ~16 s and 10 MB of them would take hours. Browsers cap the
 * depth for the same reason (Blink at 512; jsdom pays per level on every insertion, hence lower
 * here). Start tags that would open an element deeper than MAX_DEPTH are cut from the source (with
 * their end tags); their text stays where it was.
 *
 * The depth is estimated from htmlparser2's tokenizer with a small model of the HTML tree builder:
 * void and self-closing foreign elements, end tags that close only what the parser would close
 * (scopes, "special" elements, misnested formatting), the implied closes of p, li, dt/dd, table
 * parts and headings, and formatting elements the parser would re-open after a block (counted until
 * their end tag). The model leans towards over-counting, so the real depth stays under the cap;
 * real articles nest at most a dozen levels deep by this count and pass through unchanged (a file with at most
 * MAX_DEPTH tags is not even tokenized).
 */
import { Tokenizer } from 'htmlparser2';
import { countsMoreTagsThan, IGNORE_TOKENS, spliceRanges } from './tag-scan.js';

/** Deepest element nesting the cleaner lets through. */
export const MAX_DEPTH = 128;

const names = (s: string): ReadonlySet<string> => new Set(s.split(' '));

const VOID = names(
  'area base basefont bgsound br col embed frame hr image img input keygen link meta param source track wbr',
);
/** The tree builder's "special" elements: an end tag for anything else never closes past them. */
const SPECIAL = names(
  'address applet area article aside base basefont bgsound blockquote body br button caption center col colgroup dd details dir div dl dt embed fieldset figcaption figure footer form frame frameset h1 h2 h3 h4 h5 h6 head header hgroup hr html iframe img input keygen li link listing main marquee menu meta nav noembed noframes noscript object ol p param plaintext pre script search section select source style summary table tbody td template textarea tfoot th thead title tr track ul wbr xmp mi mo mn ms mtext annotation-xml foreignobject desc',
);
/** Elements that bound the default scope ("has an element in scope"). */
const SCOPE = names(
  'applet caption html table td th marquee object template mi mo mn ms mtext annotation-xml foreignobject desc title',
);
const TABLE_SCOPE = names('html table template');
/** Elements whose start tag closes an open <p>. */
const CLOSES_P = names(
  'address article aside blockquote center details dialog dir div dl fieldset figcaption figure footer header hgroup main menu nav ol p search section summary ul h1 h2 h3 h4 h5 h6 pre listing form plaintext table hr xmp li dd dt',
);
const HEADINGS = names('h1 h2 h3 h4 h5 h6');
const FORMATTING = names('a b big code em font i nobr s small strike strong tt u');
/** Cells and the like: formatting elements opened inside are forgotten when they close. */
const MARKERS = names('applet caption marquee object td th template');
/** Foreign elements whose children are parsed as HTML again. */
const INTEGRATION = names('foreignobject desc title mi mo mn ms mtext annotation-xml');
/** Start tags the parser ignores inside a body. */
const IGNORED = names('html head body frameset');
/** HTML start tags that end foreign (svg/math) content. */
const BREAKOUT = names(
  'b big blockquote body br center code dd div dl dt em embed h1 h2 h3 h4 h5 h6 head hr i img li listing menu meta nobr ol p pre ruby s small span strong strike sub sup table tt u ul var',
);
/** The parser's "Noah's Ark": at most three identical formatting elements are re-opened. */
const MAX_IDENTICAL_FORMATTING = 3;

interface Entry {
  name: string;
  foreign: boolean;
  /** Formatting key (name and attributes) while the element would be re-opened after a block. */
  formatKey: string | null;
  /** detached.length when a marker element opened. */
  markerAt: number;
  removed: boolean;
}

/** Stacks of positions, per name or category, so every scope question is O(1). */
class IndexStacks {
  private readonly byKey = new Map<string, number[]>();
  push(key: string, index: number): void {
    let s = this.byKey.get(key);
    if (!s) this.byKey.set(key, (s = []));
    s.push(index);
  }
  /** Drop `index` if it is the top of `key` (positions are pushed in increasing order). */
  popIf(key: string, index: number): void {
    const s = this.byKey.get(key);
    if (s && s[s.length - 1] === index) s.pop();
  }
  top(key: string): number {
    const s = this.byKey.get(key);
    return s && s.length > 0 ? s[s.length - 1]! : -1;
  }
}

/** The tree builder's open-element stack, as far as depth is concerned. */
class DepthModel {
  private readonly stack: Entry[] = [];
  private readonly index = new IndexStacks();
  /** Live (not removed) entries. */
  private live = 0;
  /** Formatting elements closed by a block but still to be re-opened: keys, null once closed. */
  private readonly detached: (string | null)[] = [];
  private readonly detachedPerKey = new Map<string, number>();
  private readonly detachedByName = new IndexStacks();
  private detachedLive = 0;

  get depth(): number {
    return this.live + this.detachedLive;
  }

  /** Whether the current node is svg or math content (not an HTML integration point). */
  inForeign(): boolean {
    const top = this.stack[this.stack.length - 1];
    return top !== undefined && top.foreign && !INTEGRATION.has(top.name);
  }

  private categories(e: Entry): string[] {
    const cats = [`name:${e.name}`];
    if (SPECIAL.has(e.name)) cats.push('special');
    if (SPECIAL.has(e.name) && e.name !== 'address' && e.name !== 'div' && e.name !== 'p')
      cats.push('special-li');
    if (SCOPE.has(e.name)) cats.push('scope');
    if (TABLE_SCOPE.has(e.name)) cats.push('table-scope');
    if (HEADINGS.has(e.name)) cats.push('heading');
    if (!e.foreign || INTEGRATION.has(e.name)) cats.push('html');
    return cats;
  }

  push(name: string, foreign: boolean, formatKey: string | null): void {
    const e: Entry = { name, foreign, formatKey, markerAt: this.detached.length, removed: false };
    const at = this.stack.length;
    this.stack.push(e);
    for (const c of this.categories(e)) this.index.push(c, at);
    this.live++;
  }

  /** Pop entries down to and including position `at`. */
  popTo(at: number): void {
    while (this.stack.length > at) {
      const i = this.stack.length - 1;
      const e = this.stack.pop()!;
      if (e.removed) continue;
      for (const c of this.categories(e)) this.index.popIf(c, i);
      this.live--;
      if (e.formatKey !== null) this.detach(e.name, e.formatKey);
      if (MARKERS.has(e.name)) this.clearDetachedFrom(e.markerAt);
    }
    // Keep a live entry on top, so the current node is always the last one.
    while (this.stack.length > 0 && this.stack[this.stack.length - 1]!.removed) this.stack.pop();
  }

  /** Remove one entry without closing those above it (the adoption agency's net effect). */
  private removeAt(at: number): void {
    const e = this.stack[at]!;
    e.removed = true;
    for (const c of this.categories(e)) this.index.popIf(c, at);
    this.live--;
  }

  private detach(name: string, key: string): void {
    const n = this.detachedPerKey.get(key) ?? 0;
    if (n >= MAX_IDENTICAL_FORMATTING) return;
    this.detachedPerKey.set(key, n + 1);
    this.detachedByName.push(name, this.detached.length);
    this.detached.push(key);
    this.detachedLive++;
  }

  private forgetDetached(i: number): void {
    const key = this.detached[i];
    if (key == null) return;
    this.detached[i] = null;
    this.detachedPerKey.set(key, this.detachedPerKey.get(key)! - 1);
    this.detachedLive--;
  }

  private clearDetachedFrom(start: number): void {
    while (this.detached.length > start) {
      const i = this.detached.length - 1;
      const key = this.detached[i];
      if (key != null) this.detachedByName.popIf(key.slice(0, key.indexOf(' ')), i);
      this.forgetDetached(i);
      this.detached.pop();
    }
  }

  /** Position of the topmost `name` if no element of `bounds` lies above it, else -1. */
  private inScope(name: string, ...bounds: string[]): number {
    const at = this.index.top(`name:${name}`);
    if (at < 0) return -1;
    for (const b of bounds) if (this.index.top(b) > at) return -1;
    return at;
  }

  private closeIfInScope(name: string, ...bounds: string[]): void {
    const at = this.inScope(name, ...bounds);
    if (at >= 0) this.popTo(at);
  }

  /** Implied closes for a start tag, then whether it opens an element (and how). */
  startTag(name: string, selfClosing: boolean): { opens: boolean; foreign: boolean } {
    if (this.inForeign()) {
      if (!BREAKOUT.has(name)) return { opens: !selfClosing, foreign: true };
      this.popTo(this.index.top('html') + 1);
    }
    if (name === 'svg' || name === 'math') return { opens: !selfClosing, foreign: true };
    if (IGNORED.has(name)) return { opens: false, foreign: false };
    if (CLOSES_P.has(name)) this.closeIfInScope('p', 'scope', 'name:button');
    const top = this.stack.length - 1;
    const topName = top >= 0 ? this.stack[top]!.name : '';
    if (HEADINGS.has(name) && HEADINGS.has(topName)) this.popTo(top);
    if (name === 'li' || name === 'dd' || name === 'dt') {
      const at = this.index.top('special-li');
      const n = at >= 0 ? this.stack[at]!.name : '';
      if (name === 'li' ? n === 'li' : n === 'dd' || n === 'dt') this.popTo(at);
    }
    if (name === 'button') this.closeIfInScope('button', 'scope');
    if (name === 'a' || name === 'nobr') this.endTag(name);
    if ((name === 'option' || name === 'optgroup') && topName === 'option') this.popTo(top);
    if (name === 'td' || name === 'th' || name === 'tr') {
      for (const cell of ['td', 'th']) this.closeIfInScope(cell, 'table-scope');
    }
    if (name === 'tr') this.closeIfInScope('tr', 'table-scope');
    if (name === 'table' && ['table', 'tbody', 'thead', 'tfoot', 'tr'].includes(topName)) {
      this.closeIfInScope('table', 'name:template', 'name:html');
    }
    // Rows and cells directly in a table get the implied <tbody> (and <tr>) the parser adds.
    const parent = this.stack[this.stack.length - 1]?.name ?? '';
    if ((name === 'tr' || name === 'td' || name === 'th') && parent === 'table')
      this.push('tbody', false, null);
    if ((name === 'td' || name === 'th') && (parent === 'table' || /^t(?:body|head|foot)$/.test(parent)))
      this.push('tr', false, null);
    return { opens: !VOID.has(name), foreign: false };
  }

  open(name: string, foreign: boolean, attrs: string): void {
    this.push(name, foreign, !foreign && FORMATTING.has(name) ? `${name} ${attrs.trim()}` : null);
  }

  endTag(name: string): void {
    if (this.inForeign()) {
      const at = this.index.top(`name:${name}`);
      if (at > this.index.top('html')) return this.popTo(at);
    }
    if (name === 'body' || name === 'html' || name === 'br') return;
    if (name === 'p') return this.closeIfInScope('p', 'scope', 'name:button');
    if (name === 'li') return this.closeIfInScope('li', 'scope', 'name:ol', 'name:ul');
    if (HEADINGS.has(name)) {
      const at = this.index.top('heading');
      if (at > this.index.top('scope')) this.popTo(at);
      return;
    }
    if (FORMATTING.has(name)) {
      const at = this.inScope(name, 'scope');
      if (at < 0) {
        // Not open: the parser only forgets a re-openable one of that name.
        const d = this.detachedByName.top(name);
        if (d >= 0 && this.index.top(`name:${name}`) < 0) {
          this.detachedByName.popIf(name, d);
          this.forgetDetached(d);
        }
        return;
      }
      // With a block inside it, the adoption agency moves the block out instead of closing it.
      if (this.index.top('special') > at) this.removeAt(at);
      else {
        this.stack[at]!.formatKey = null;
        this.popTo(at);
      }
      return;
    }
    if (['table', 'tbody', 'thead', 'tfoot', 'tr', 'td', 'th', 'caption'].includes(name))
      return this.closeIfInScope(name, 'table-scope');
    if (SPECIAL.has(name)) return this.closeIfInScope(name, 'scope');
    // Any other end tag closes the topmost element of that name unless a special one is above it.
    const at = this.index.top(`name:${name}`);
    if (at >= 0 && at >= this.index.top('special')) this.popTo(at);
  }
}

/** `html` with the start tags (and their end tags) that would nest deeper than `maxDepth` cut out. */
export function limitNesting(html: string, maxDepth = MAX_DEPTH): string {
  if (!countsMoreTagsThan(html, maxDepth)) return html;
  const model = new DepthModel();
  /** Source ranges to cut, in order. */
  const cuts: number[] = [];
  /** End tags still owed to cut start tags, by name. */
  const owed = new Map<string, number>();
  let tagStart = -1;
  let name = '';
  let nameEnd = 0;
  const finishStartTag = (end: number, selfClosing: boolean): void => {
    const { opens, foreign } = model.startTag(name, selfClosing);
    if (!opens) return;
    if (model.depth + 1 > maxDepth) {
      cuts.push(tagStart, end + 1);
      owed.set(name, (owed.get(name) ?? 0) + 1);
      return;
    }
    model.open(name, foreign, html.slice(nameEnd, end));
  };
  const tokenizer = new Tokenizer(
    {},
    {
      ...IGNORE_TOKENS,
      onopentagname(start, end) {
        tagStart = start - 1;
        name = html.slice(start, end).toLowerCase();
        nameEnd = end;
      },
      onopentagend(end) {
        finishStartTag(end, false);
      },
      onselfclosingtag(end) {
        finishStartTag(end, true);
      },
      onclosetag(start, end) {
        const closing = html.slice(start, end).toLowerCase();
        const owedHere = owed.get(closing) ?? 0;
        if (owedHere > 0) {
          const gt = html.indexOf('>', end);
          cuts.push(start - 2, gt < 0 ? html.length : gt + 1);
          owed.set(closing, owedHere - 1);
          return;
        }
        model.endTag(closing);
      },
      isInForeignContext: () => model.inForeign(),
    },
  );
  tokenizer.write(html);
  tokenizer.end();
  return cuts.length === 0 ? html : spliceRanges(html, cuts);
}
