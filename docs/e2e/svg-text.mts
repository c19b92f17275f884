/**
 * The contrast of text inside SVG figures (Plot's axes and cell values, hand-drawn labels), which axe-core's
 * color-contrast rule does not check. For each visible `<text>` the page reports its fill and what is painted
 * at its centre: the page's and the figure's background colours (HTML ancestors), the SVG shapes under it
 * (those before it in document order whose fill contains the point) and over it (after it: a translucent
 * highlight tints text and background alike). The colours are composited here and the ratio is checked
 * against WCAG's 4.5:1 (3:1 for large text: 24px, or 18.66px bold).
 */
import type { Page } from 'playwright-core';
import { contrast, over, parseColor, type Rgba } from '../src/lib/contrast.ts';

interface Layer {
  color: string;
  opacity: number;
}

export interface SvgText {
  /** Where: the figure's data-figure (or the svg's label) and the text. */
  where: string;
  fill: string;
  opacity: number;
  /** HTML background colours from the page down to the svg, then the SVG shapes under the text, bottom first. */
  below: Layer[];
  above: Layer[];
  /** Rendered size in CSS pixels and weight. */
  fontPx: number;
  bold: boolean;
}

export interface SvgTextResult {
  where: string;
  ratio: number;
  needed: number;
  text: string;
  background: string;
}

/** Collects every visible SVG text of the page with what is painted around it (runs in the page). */
export async function collect(page: Page): Promise<SvgText[]> {
  // tsx keeps function names by wrapping them in __name(), which the page does not have
  await page.evaluate('globalThis.__name ??= (f) => f');
  return page.evaluate(() => {
    const shown = (el: Element): boolean => {
      const s = getComputedStyle(el);
      return s.display !== 'none' && s.visibility !== 'hidden' && el.getClientRects().length > 0;
    };
    /** Product of `opacity` from el up to (not including) stop. */
    const opacityChain = (el: Element | null, stop: Element | null): number => {
      let o = 1;
      for (let e = el; e && e !== stop; e = e.parentElement) o *= Number(getComputedStyle(e).opacity);
      return o;
    };
    const out: SvgText[] = [];
    for (const text of document.querySelectorAll<SVGTextElement>('svg text')) {
      const content = (text.textContent ?? '').trim();
      if (!content || text.closest('defs, title, desc, .sr-only') || !shown(text)) continue;
      const style = getComputedStyle(text);
      if (style.fill === 'none' || style.fill.startsWith('url(')) continue;
      let root = text.closest('svg')!;
      for (let s = root.parentElement?.closest('svg'); s; s = s.parentElement?.closest('svg')) root = s;
      const box = text.getBoundingClientRect();
      const [cx, cy] = [box.left + box.width / 2, box.top + box.height / 2];
      const below: { color: string; opacity: number }[] = [];
      const above: { color: string; opacity: number }[] = [];
      // HTML backgrounds, page first
      const html: { color: string; opacity: number }[] = [];
      for (let e: Element | null = root; e; e = e.parentElement) {
        const bg = getComputedStyle(e).backgroundColor;
        if (bg && bg !== 'rgba(0, 0, 0, 0)' && bg !== 'transparent') html.unshift({ color: bg, opacity: opacityChain(e, null) });
      }
      below.push(...html);
      for (const shape of root.querySelectorAll<SVGGeometryElement>('rect, circle, ellipse, polygon, path')) {
        if (shape.closest('defs, marker, clipPath, mask, pattern') || !shown(shape)) continue;
        const s = getComputedStyle(shape);
        if (s.fill === 'none' || s.fill.startsWith('url(')) continue;
        const m = shape.getScreenCTM();
        if (!m) continue;
        const p = new DOMPoint(cx, cy).matrixTransform(m.inverse());
        if (!shape.isPointInFill(p)) continue;
        const layer = { color: s.fill, opacity: Number(s.fillOpacity) * opacityChain(shape, root.parentElement) };
        // painted before the text (under it) or after (over it)
        if (shape.compareDocumentPosition(text) & Node.DOCUMENT_POSITION_FOLLOWING) below.push(layer);
        else above.push(layer);
      }
      const m = text.getScreenCTM();
      const scale = m ? Math.sqrt(Math.abs(m.a * m.d - m.b * m.c)) : 1;
      const figure = text.closest('[data-figure]')?.getAttribute('data-figure') ?? root.getAttribute('aria-label') ?? 'svg';
      out.push({
        where: `${figure}: "${content.slice(0, 40)}"`,
        fill: style.fill,
        opacity: Number(style.fillOpacity) * opacityChain(text, null),
        below,
        above,
        fontPx: parseFloat(style.fontSize) * scale,
        bold: Number(style.fontWeight) >= 700 || style.fontWeight === 'bold',
      });
    }
    return out;
  });
}

const WHITE: Rgba = [255, 255, 255, 1];
const hex = (c: Rgba): string =>
  `#${c
    .slice(0, 3)
    .map((v) => Math.round(v).toString(16).padStart(2, '0'))
    .join('')}`;

/** The contrast of one text as painted: its fill over what is under it, both under what is over it. */
export function measure(t: SvgText): SvgTextResult {
  let background = t.below.reduce<Rgba>((acc, l) => over(parseColor(l.color), acc, l.opacity), WHITE);
  let ink = over(parseColor(t.fill), background, t.opacity);
  for (const l of t.above) {
    background = over(parseColor(l.color), background, l.opacity);
    ink = over(parseColor(l.color), ink, l.opacity);
  }
  const large = t.fontPx >= 24 || (t.bold && t.fontPx >= 18.66);
  return { where: t.where, ratio: contrast(ink, background), needed: large ? 3 : 4.5, text: hex(ink), background: hex(background) };
}

/** Every SVG text of the page with its contrast, the failing ones first. */
export async function svgTextContrast(page: Page): Promise<SvgTextResult[]> {
  return (await collect(page)).map(measure).sort((a, b) => a.ratio / a.needed - b.ratio / b.needed);
}
