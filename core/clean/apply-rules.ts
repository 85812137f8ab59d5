/** Runs boilerplate rules (see boilerplate-rules.ts) on a parsed body, collecting meta they extract. */
import { TEXT_RULE_DEFAULT_SELECTOR, type BoilerplateRule } from './boilerplate-rules.js';
import { elementsIn } from './elements-in.js';
import { relatedLinksBlock } from './related-links.js';

export interface RuleEffects {
  editor: string | null;
  /** How many nodes each rule touched, by rule id (for tests and debugging). */
  hits: Record<string, number>;
}

const COMMENT_NODE = 8;

function collectComments(root: Node, out: Node[]): void {
  for (let child = root.firstChild; child; child = child.nextSibling) {
    if (child.nodeType === COMMENT_NODE) out.push(child);
    else if (child.firstChild) collectComments(child, out);
  }
}

function unwrap(el: Element): void {
  const parent = el.parentNode;
  if (!parent) return;
  while (el.firstChild) parent.insertBefore(el.firstChild, el);
  parent.removeChild(el);
}

function rename(el: Element, tag: string): Element {
  const replacement = el.ownerDocument.createElement(tag);
  while (el.firstChild) replacement.appendChild(el.firstChild);
  el.replaceWith(replacement);
  return replacement;
}

const trimmedText = (el: Element): string =>
  (el.textContent ?? '').replace(/^[\s\u3000\u00a0]+|[\s\u3000\u00a0]+$/g, '');

function matches(rule: BoilerplateRule, el: Element): boolean {
  if (rule.emptyOnly) return trimmedText(el) === '' && !el.querySelector('img');
  if (!rule.text) return true;
  const text = trimmedText(el);
  if (rule.maxTextLength !== undefined && text.length > rule.maxTextLength) return false;
  return rule.text.test(text);
}

/** `names` ("甲、乙") with `name` added unless it is already there. */
function addName(names: string | null, name: string): string {
  if (names === null) return name;
  return names.split('、').includes(name) ? names : `${names}、${name}`;
}

/** Whether a rule can apply to HTML whose source is `source` (its `hints` pre-check). */
export function ruleMayApply(rule: BoilerplateRule, source: string): boolean {
  return !rule.hints || rule.hints.some((h) => source.includes(h));
}

/** Cut `sourcePattern` matches from the HTML source before parsing; counts go into `hits`. */
export function prefilterSource(
  html: string,
  rules: readonly BoilerplateRule[],
  hits: Record<string, number>,
): string {
  let out = html;
  for (const rule of rules) {
    if (!rule.sourcePattern || !ruleMayApply(rule, out)) continue;
    out = out.replace(rule.sourcePattern, () => {
      hits[rule.id] = (hits[rule.id] ?? 0) + 1;
      return '';
    });
  }
  return out;
}

/**
 * What an element must have to match a selector list, per comma-separated branch: its tag name
 * (null: any) and whether it needs some attribute (class, id or [attr]). An element with the wrong
 * tag or no attributes is answered without jsdom's matches(), and so is one a bare tag name
 * matches; that is nearly every element. Null for selectors beyond a list of compound selectors
 * (combinators, pseudo-classes): then every element goes to matches().
 */
type Prefilter = { tag: string | null; needsAttribute: boolean }[];

const COMPOUND = /^([a-z][a-z0-9-]*|\*)?((?:[.#][\w-]+|\[[^\]"']*(?:"[^"]*"|'[^']*')?\s*[a-z]?\s*\])*)$/i;
const prefilters = new Map<string, Prefilter | null>();

/** `selector` split at its top-level commas (not inside quotes or brackets). */
function branchesOf(selector: string): string[] {
  const out: string[] = [];
  let start = 0;
  let quote = '';
  let depth = 0;
  for (let i = 0; i < selector.length; i++) {
    const c = selector[i];
    if (quote) {
      if (c === quote) quote = '';
    } else if (c === '"' || c === "'") quote = c;
    else if (c === '[' || c === '(') depth++;
    else if (c === ']' || c === ')') depth--;
    else if (c === ',' && depth === 0) {
      out.push(selector.slice(start, i));
      start = i + 1;
    }
  }
  out.push(selector.slice(start));
  return out.map((b) => b.trim());
}

export function prefilterOf(selector: string): Prefilter | null {
  let prefilter = prefilters.get(selector);
  if (prefilter === undefined) {
    const branches = branchesOf(selector).map((branch) => {
      const m = COMPOUND.exec(branch);
      if (!m || branch === '') return null;
      const tag = m[1] && m[1] !== '*' ? m[1].toLowerCase() : null;
      return { tag, needsAttribute: !!m[2] };
    });
    prefilter = branches.every((b) => b !== null) ? (branches as Prefilter) : null;
    prefilters.set(selector, prefilter);
  }
  return prefilter;
}

/** el.matches(selector), answered without jsdom's selector engine when the prefilter can tell. */
export function matchesSelector(el: Element, selector: string, prefilter: Prefilter | null): boolean {
  if (!prefilter) return el.matches(selector);
  const tag = el.localName;
  let maybe = false;
  for (const branch of prefilter) {
    if (branch.tag !== null && branch.tag !== tag) continue;
    if (!branch.needsAttribute) return true; // a bare tag name (or *): it matches
    maybe ||= el.hasAttributes();
  }
  return maybe && el.matches(selector);
}

/**
 * Apply `rules` in order to the children of `root`, mutating it. `source` (the HTML it was
 * parsed from) lets rules whose hints are absent be skipped without querying the DOM.
 */
export function applyRules(
  root: Element,
  rules: readonly BoilerplateRule[],
  source?: string,
  hits: Record<string, number> = {},
): RuleEffects {
  const effects: RuleEffects = { editor: null, hits };
  const hit = (rule: BoilerplateRule): void => {
    effects.hits[rule.id] = (effects.hits[rule.id] ?? 0) + 1;
  };
  // Elements removed or unwrapped by a rule stay in the list (matches are checked for still being
  // under root); a rename makes new elements, so the list is made again after one.
  let elements: Element[] | null = null;
  for (const rule of rules) {
    if (source !== undefined && !ruleMayApply(rule, source)) continue;
    if (rule.comments) {
      const comments: Node[] = [];
      collectComments(root, comments);
      for (const c of comments) {
        c.parentNode?.removeChild(c);
        hit(rule);
      }
      continue;
    }
    const selector = rule.selector ?? (rule.text ? TEXT_RULE_DEFAULT_SELECTOR : null);
    if (!selector) continue;
    elements ??= elementsIn(root);
    const prefilter = prefilterOf(selector);
    const found = elements.filter((el) => matchesSelector(el, selector, prefilter));
    // Text rules go innermost first, so a notice inside a wrapper removes the notice, not the
    // wrapper with the paragraph next to it (once the inner one is gone, the wrapper no longer matches).
    if (rule.text) found.reverse();
    for (const el of found) {
      if (!root.contains(el)) continue;
      if (rule.labelsLinks) {
        const tooLong = rule.maxTextLength !== undefined && trimmedText(el).length > rule.maxTextLength;
        const block = tooLong || !rule.text ? [] : relatedLinksBlock(el, rule.text);
        if (block.length > 0) hit(rule);
        for (const part of block) part.remove();
        continue;
      }
      if (!matches(rule, el)) continue;
      hit(rule);
      switch (rule.action) {
        case 'remove': {
          const next = rule.withNextSibling ? el.nextElementSibling : null;
          if (next?.matches(rule.withNextSibling as string)) next.remove();
          el.remove();
          break;
        }
        case 'unwrap':
          unwrap(el);
          break;
        case 'rename':
          rename(el, rule.renameTo ?? 'span');
          elements = null;
          break;
        case 'strip-attrs':
          for (const name of rule.attrs ?? []) el.removeAttribute(name);
          break;
        case 'to-meta': {
          const m = rule.meta?.pattern.exec(trimmedText(el));
          const value = m?.[1]?.trim();
          // Every distinct credit is kept, in rule order ("张亚楠、王鹏"): some articles credit two
          // editors, and some repeat one credit in an ad block.
          if (value && rule.meta?.field === 'editor') effects.editor = addName(effects.editor, value);
          el.remove();
          break;
        }
      }
    }
  }
  return effects;
}
