/**
 * WCAG 2.1 contrast (success criterion 1.4.3): the relative luminance of an sRGB colour and the ratio
 * (L1 + 0.05) / (L2 + 0.05) of two colours, 4.5:1 needed for text (3:1 for large text). Used to pick the
 * ink of a number written on a coloured cell, and by the browser tests to check text inside SVG figures
 * (which axe-core does not check).
 */

/** r, g, b in 0..255 and alpha in 0..1. */
export type Rgba = [number, number, number, number];

/** `#rgb`, `#rrggbb`, `rgb(r, g, b)`, `rgba(r, g, b, a)` (also space-separated, as CSS Color 4 prints) to [r, g, b, a]. */
export function parseColor(color: string): Rgba {
  const c = color.trim().toLowerCase();
  const hex = /^#([0-9a-f]{3}|[0-9a-f]{6})$/.exec(c);
  if (hex) {
    const h = hex[1].length === 3 ? [...hex[1]].map((d) => d + d).join('') : hex[1];
    return [parseInt(h.slice(0, 2), 16), parseInt(h.slice(2, 4), 16), parseInt(h.slice(4, 6), 16), 1];
  }
  const fn = /^rgba?\(\s*([\d.]+)[\s,]+([\d.]+)[\s,]+([\d.]+)(?:\s*[,/]\s*([\d.]+%?))?\s*\)$/.exec(c);
  if (fn) {
    const a = fn[4] === undefined ? 1 : fn[4].endsWith('%') ? parseFloat(fn[4]) / 100 : parseFloat(fn[4]);
    return [Number(fn[1]), Number(fn[2]), Number(fn[3]), a];
  }
  if (c === 'transparent') return [0, 0, 0, 0];
  if (c === 'black') return [0, 0, 0, 1];
  if (c === 'white') return [255, 255, 255, 1];
  throw new Error(`parseColor: expected #rgb, #rrggbb, rgb() or rgba(), got ${JSON.stringify(color)}`);
}

/** `top` painted with its alpha (times `opacity`) over the opaque colour `below`. */
export function over(top: Rgba, below: Rgba, opacity = 1): Rgba {
  const a = top[3] * opacity;
  return [0, 1, 2].map((i) => top[i] * a + below[i] * (1 - a)).concat(1) as Rgba;
}

/** WCAG relative luminance of an opaque colour, 0 (black) to 1 (white). */
export function luminance(color: string | Rgba): number {
  const [r, g, b] = (typeof color === 'string' ? parseColor(color) : color).map((v) => {
    const s = v / 255;
    return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** The WCAG contrast ratio of two opaque colours, 1 to 21. */
export function contrast(a: string | Rgba, b: string | Rgba): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}

/** Black or white, whichever contrasts more with `background`: the ink for a number written on a coloured cell. */
export function inkOn(background: string): '#000' | '#fff' {
  return contrast('#000', background) >= contrast('#fff', background) ? '#000' : '#fff';
}
