/**
 * A chart as a file that looks the same outside the app: on the page its text and axes take the
 * theme's colour (`currentColor`) and its font from the stylesheet; a saved SVG (and the PNG drawn
 * from it) gets them as presentation attributes, on a white background, in print colours.
 */
import { CHART_FONT, CHART_FONT_SIZE } from './render-plot.js';

const SVG_NS = 'http://www.w3.org/2000/svg';
export const PRINT_TEXT = '#1f2328';
export const PRINT_BACKGROUND = '#ffffff';

/** A copy of `svg` with every colour, font and size spelled out, ready to be serialized. */
export function standaloneSvg(svg: SVGSVGElement): SVGSVGElement {
  const copy = svg.cloneNode(true) as SVGSVGElement;
  copy.removeAttribute('class');
  copy.setAttribute('font-family', CHART_FONT);
  copy.setAttribute('font-size', String(CHART_FONT_SIZE));
  copy.setAttribute('color', PRINT_TEXT);
  for (const el of [copy, ...copy.querySelectorAll('*')]) {
    for (const name of ['fill', 'stroke'])
      if (el.getAttribute(name) === 'currentColor') el.setAttribute(name, PRINT_TEXT);
  }
  const background = copy.ownerDocument.createElementNS(SVG_NS, 'rect');
  background.setAttribute('width', '100%');
  background.setAttribute('height', '100%');
  background.setAttribute('fill', PRINT_BACKGROUND);
  copy.insertBefore(background, copy.firstChild);
  return copy;
}

/**
 * The file's text: an XML declaration and the standalone SVG, serialized as XML (HTML
 * serialization would write `&nbsp;`, which is not XML).
 */
export function svgFileText(svg: SVGSVGElement): string {
  const Serializer = svg.ownerDocument.defaultView?.XMLSerializer ?? globalThis.XMLSerializer;
  const xml = new Serializer().serializeToString(standaloneSvg(svg));
  return `<?xml version="1.0" encoding="UTF-8"?>\n${xml}\n`;
}
