/**
 * A chart on screen as files: the standalone SVG text (core/charts), and a PNG at print
 * resolution, drawn by the browser from that SVG as a `data:` image (the CSP's img-src allows
 * data: URLs, not blob: ones) onto a canvas SCALE times the chart's size.
 */
import { svgFileText } from '../../../../core/charts/index.js';
import { UiError } from '../../ui-error.js';

/** 300 dpi for a chart printed at its CSS size (96 px per inch). */
export const PNG_SCALE = 300 / 96;

export function chartSvgText(svg: SVGSVGElement): string {
  return svgFileText(svg);
}

function loadImage(url: string): Promise<HTMLImageElement> {
  return new Promise((resolve, reject) => {
    const image = new Image();
    image.onload = () => resolve(image);
    image.onerror = () => reject(new UiError('chartImage'));
    image.src = url;
  });
}

/** The chart as PNG bytes, SCALE times its size. */
export async function chartPng(svg: SVGSVGElement, scale = PNG_SCALE): Promise<Blob> {
  const width = Number(svg.getAttribute('width'));
  const height = Number(svg.getAttribute('height'));
  const url = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(chartSvgText(svg))}`;
  const image = await loadImage(url);
  const canvas = document.createElement('canvas');
  canvas.width = Math.round(width * scale);
  canvas.height = Math.round(height * scale);
  const context = canvas.getContext('2d');
  if (!context) throw new UiError('noCanvas');
  context.scale(scale, scale);
  context.drawImage(image, 0, 0, width, height);
  return new Promise((resolve, reject) =>
    canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new UiError('noPng'))), 'image/png'),
  );
}

/** Base64 of a blob's bytes (the desktop save call carries text). */
export async function base64Of(blob: Blob): Promise<string> {
  const bytes = new Uint8Array(await blob.arrayBuffer());
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000)
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}
