/** The ink of a number written on a cell that a Plot colour scale fills: black or white, whichever reads better. */
import * as Plot from '@observablehq/plot';
import { inkOn } from '../../lib/contrast.ts';

/**
 * For a value drawn with the colour scale `color`, black or white text, whichever contrasts more with the
 * cell's colour: at least 4.58:1 whatever the colour (the worst case is a cell of luminance 0.18), where one
 * fixed ink fails on one end of a scale (black on BuRd's dark blue, white on Blues' pale end).
 */
export function inkFor(color: Plot.ScaleOptions): (value: number) => '#000' | '#fff' {
  const scale = Plot.scale({ color });
  return (value) => inkOn(String(scale.apply(value)));
}
