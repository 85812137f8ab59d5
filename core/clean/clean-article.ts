/**
 * The one cleaning pipeline every article goes through, whatever its site or file format:
 * cut source-level boilerplate, hostile nesting and elements past the budget, parse the body HTML
 * into the shared jsdom window, apply the boilerplate rules, sanitize with the allow-list, replace
 * images by placeholders, tidy blocks, then compute the canonical text.
 * Bump CLEANER_VERSION whenever the output for some input may change: annotations record it.
 */
import type { CleanDocument } from '../model.js';
import { applyRules, prefilterSource } from './apply-rules.js';
import { BOILERPLATE_RULES, type BoilerplateRule } from './boilerplate-rules.js';
import { createContainer, releaseContainer } from './dom-window.js';
import { limitElements } from './limit-elements.js';
import { limitNesting } from './limit-nesting.js';
import { replaceImages } from './remote-images.js';
import { sanitizeInPlace } from './sanitize.js';
import { textOfDom } from './text-of-html.js';
import {
  collapseBlockWhitespace,
  removeEmptyElements,
  secureLinks,
  stripBlockIndent,
  wrapLooseText,
} from './tidy-blocks.js';

export const CLEANER_VERSION = 4;

export interface CleanResult {
  doc: CleanDocument;
  /** Editor credits found in the body (责任编辑：…), removed from the HTML; several are joined by 、. */
  editor: string | null;
  /** Boilerplate rule ids that fired, with counts. */
  ruleHits: Record<string, number>;
  /** True when the body had more elements than the cleaner takes and its rest became plain text. */
  simplified: boolean;
}

export interface CleanOptions {
  rules?: readonly BoilerplateRule[];
  /** Element budget (see limit-elements.ts); tests lower it. */
  maxElements?: number;
  /** Paragraphs the rest past the element budget is split into, at most; tests lower it. */
  maxRestParagraphs?: number;
}

/** Clean an HTML body fragment (not a whole page: see extract-page.ts for those). */
export function cleanHtml(html: string, options: CleanOptions = {}): CleanResult {
  const rules = options.rules ?? BOILERPLATE_RULES;
  const hits: Record<string, number> = {};
  const limited = limitElements(
    limitNesting(prefilterSource(html, rules, hits)),
    options.maxElements,
    options.maxRestParagraphs,
  );
  const source = limited.html;
  const container = createContainer(source);
  const effects = applyRules(container, rules, source, hits);
  sanitizeInPlace(container);
  const remoteImages = replaceImages(container);
  secureLinks(container);
  wrapLooseText(container);
  stripBlockIndent(container);
  removeEmptyElements(container);
  collapseBlockWhitespace(container);
  const out = container.innerHTML.trim();
  // The renderer parses `out` again. The text rules only care about block boundaries, which a
  // re-parse keeps even where it restructures (e.g. a figcaption closing a <p>), so the text of the
  // live tree equals the text of the re-parsed one; a corpus test checks this on every file.
  const text = textOfDom(container);
  releaseContainer(container);
  return {
    doc: { html: out, text, cleanerVersion: CLEANER_VERSION, remoteImages },
    editor: effects.editor,
    ruleHits: effects.hits,
    simplified: limited.cut,
  };
}
