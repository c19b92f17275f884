/**
 * The contrast arithmetic (src/lib/contrast.ts) against published values, and the colours chosen with it:
 * the exercise editor's palettes and the ink written on coloured cells. No browser needed.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { contrast, inkOn, luminance, over, parseColor } from '../src/lib/contrast.ts';
import { editorPalettes } from '../src/lib/code-themes.ts';

test('WCAG contrast matches published values: black/white 21:1, #777 on white 4.48:1 (fails AA), #767676 4.54:1 (passes)', () => {
  // WebAIM's contrast checker and the WCAG 2.1 definition of relative luminance
  assert.equal(contrast('#000', '#fff'), 21);
  assert.equal(contrast('#fff', '#fff'), 1);
  assert.equal(contrast('#777777', '#ffffff').toFixed(2), '4.48');
  assert.equal(contrast('#767676', '#ffffff').toFixed(2), '4.54');
  assert.equal(contrast('#0000ff', '#ffffff').toFixed(2), '8.59');
  assert.equal(luminance('#808080').toFixed(4), '0.2159');
  assert.deepEqual(parseColor('rgba(10, 20, 30, 0.5)'), [10, 20, 30, 0.5]);
  assert.deepEqual(parseColor('rgb(10 20 30 / 50%)'), [10, 20, 30, 0.5]);
  assert.deepEqual(over([255, 255, 255, 1], [0, 0, 0, 1], 0.5), [127.5, 127.5, 127.5, 1]);
  assert.throws(() => parseColor('hsl(0, 0%, 0%)'), /parseColor: expected #rgb, #rrggbb, rgb\(\) or rgba\(\), got "hsl\(0, 0%, 0%\)"/);
});

test('the exercise editor: every token colour is at least 4.5:1 on the background, the cursor line and the selection, light and dark', () => {
  const low: string[] = [];
  for (const [mode, p] of Object.entries(editorPalettes))
    for (const surface of ['background', 'activeLine', 'selection'] as const) {
      for (const [token, color] of Object.entries({ ...p.tokens, gutter: p.gutterText })) {
        if (token === 'gutter' && surface === 'selection') continue; // the gutter is never selected
        const r = contrast(color, p[surface]);
        if (r < 4.5) low.push(`${mode} ${token} ${color} on ${surface} ${p[surface]}: ${r.toFixed(2)}:1`);
      }
    }
  assert.deepEqual(low, []);
  // and the cursor line and selection are visible against the background (not the background itself)
  for (const p of Object.values(editorPalettes)) assert.ok(contrast(p.selection, p.background) > 1.1 && p.activeLine !== p.background);
});

test('the ink on a coloured cell is black or white, whichever reads better: at least 4.58:1 on any cell colour', () => {
  // BuRd's ends (dark blue, dark red) take white; Blues' pale end and the middle grey take black
  assert.equal(inkOn('#053061'), '#fff');
  assert.equal(inkOn('#67001f'), '#fff');
  assert.equal(inkOn('#f7fbff'), '#000');
  assert.equal(inkOn('#808080'), '#000');
  // the worst case over every grey and a sweep of hues: luminance 0.179, where black and white tie at 4.58:1
  let worst = Infinity;
  for (let r = 0; r < 256; r += 15)
    for (let g = 0; g < 256; g += 15)
      for (let b = 0; b < 256; b += 15) {
        const bg = `rgb(${r}, ${g}, ${b})`;
        worst = Math.min(worst, contrast(inkOn(bg), bg));
      }
  assert.ok(worst >= 4.58, `worst ${worst}`);
});
