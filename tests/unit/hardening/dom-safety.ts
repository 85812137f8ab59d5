/**
 * The DOM walk behind the XSS tests: parses HTML the way a browser would (jsdom, in a fresh
 * document), then lists every construct that could run script, load from the network, take over
 * the page or restyle it. String matching alone misses entity-encoded and re-parsed forms.
 */
import { JSDOM } from 'jsdom';

/** Elements that run script, load something, embed, submit or restyle: never allowed in a body. */
const DANGEROUS_ELEMENTS = new Set([
  'script',
  'style',
  'link',
  'meta',
  'base',
  'iframe',
  'frame',
  'frameset',
  'object',
  'embed',
  'applet',
  'form',
  'input',
  'button',
  'textarea',
  'select',
  'option',
  'isindex',
  'svg',
  'math',
  'template',
  'noscript',
  'noembed',
  'noframes',
  'xmp',
  'audio',
  'video',
  'source',
  'track',
  'picture',
  'portal',
  'img',
  'image',
  'area',
  'map',
  'marquee',
  'details',
  'dialog',
  'slot',
  'canvas',
  'body',
  'html',
  'head',
  'title',
  'plaintext',
  'listing',
]);

/** Attributes that load something or change behaviour, whatever their value. */
const DANGEROUS_ATTRS = new Set([
  'style',
  'srcset',
  'srcdoc',
  'background',
  'poster',
  'action',
  'formaction',
  'ping',
  'xlink:href',
  'xmlns',
  'autofocus',
  'http-equiv',
  'content',
  'id',
  'name',
  'form',
  'is',
  'data',
  'codebase',
  'dynsrc',
  'lowsrc',
  'integrity',
]);

const URL_ATTRS = new Set(['href', 'src', 'data-src', 'cite', 'longdesc', 'usemap']);

/** What each URL attribute may point at: the web, mail, in-page anchors and relative paths. */
function urlProblem(value: string): string | null {
  let url: URL;
  try {
    url = new URL(value, 'https://base.invalid/dir/');
  } catch {
    return null; // unparseable: a browser would not follow it either
  }
  return ['http:', 'https:', 'mailto:'].includes(url.protocol) ? null : `scheme ${url.protocol}`;
}

export interface DomFinding {
  element: string;
  problem: string;
}

/** Findings in `root` (an element or a fragment); empty means safe. `loadsAllowed` lets https src stay. */
export function findDangers(
  root: ParentNode,
  opts: { allowedTags?: ReadonlySet<string> } = {},
): DomFinding[] {
  const findings: DomFinding[] = [];
  const doc = (root as Node).ownerDocument ?? (root as unknown as Document);
  const walker = doc.createTreeWalker(root as Node, 1 /* SHOW_ELEMENT */);
  for (let node = walker.nextNode() as Element | null; node; node = walker.nextNode() as Element | null) {
    const tag = node.localName;
    const where = `<${node.tagName.toLowerCase()}>`;
    if (node.namespaceURI !== 'http://www.w3.org/1999/xhtml')
      findings.push({ element: where, problem: `namespace ${node.namespaceURI}` });
    if (DANGEROUS_ELEMENTS.has(tag)) findings.push({ element: where, problem: 'dangerous element' });
    if (opts.allowedTags && !opts.allowedTags.has(tag))
      findings.push({ element: where, problem: 'element not in the allow-list' });
    for (const attr of Array.from(node.attributes)) {
      const name = attr.name.toLowerCase();
      if (name.startsWith('on')) findings.push({ element: where, problem: `event handler ${name}` });
      else if (DANGEROUS_ATTRS.has(name)) findings.push({ element: where, problem: `attribute ${name}` });
      else if (name === 'target' && attr.value !== '_blank')
        findings.push({ element: where, problem: `target ${attr.value}` });
      else if (URL_ATTRS.has(name)) {
        const problem = urlProblem(attr.value);
        if (problem) findings.push({ element: where, problem: `${name}: ${problem}` });
        if (name === 'src') findings.push({ element: where, problem: 'src would load' });
      }
    }
  }
  return findings;
}

let shared: JSDOM | null = null;

/** Parse `html` as a body fragment in a fresh element (as the renderer does) and walk it. */
export function dangersInHtml(html: string, opts: { allowedTags?: ReadonlySet<string> } = {}): DomFinding[] {
  shared ??= new JSDOM('<!doctype html><html><body></body></html>');
  const doc = shared.window.document;
  const host = doc.createElement('div');
  host.innerHTML = html;
  const findings = findDangers(host, opts);
  // Mutation XSS: what a second parse of the serialized tree makes of it must be safe too.
  const again = doc.createElement('div');
  again.innerHTML = host.innerHTML;
  findings.push(...findDangers(again, opts).map((f) => ({ ...f, problem: `after re-parse: ${f.problem}` })));
  return findings;
}
