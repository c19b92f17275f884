/**
 * Data augmentation: each epoch, show the network slightly moved copies of the
 * training images. A digit shifted by a pixel or two is still the same digit,
 * so the model learns that position does not matter instead of memorising
 * where the strokes of its 8,000 examples happen to lie.
 */
import { checkInt, checkRank } from '../check.ts';
import type { Rng } from '../random.ts';
import { Tensor, index4 } from '../tensor.ts';

/**
 * Each image of x [N, C, H, W] moved by a random (dy, dx) in [−maxShift, maxShift]²
 * (one shift per image, the same for all its channels); uncovered pixels get `fill`
 * (the background value, e.g. what a 0 pixel becomes after normalisation).
 */
export function randomShift(x: Tensor, maxShift: number, rng: Rng, fill = 0): Tensor {
  checkRank('randomShift', 'x', x, 4, 'N, C, H, W');
  checkInt('randomShift', 'maxShift', maxShift, 0);
  const [N, C, H, W] = x.shape;
  const out = Tensor.full(x.shape, fill, x.dtype);
  for (let n = 0; n < N; n++) {
    const dy = rng.int(2 * maxShift + 1) - maxShift;
    const dx = rng.int(2 * maxShift + 1) - maxShift;
    for (let c = 0; c < C; c++) {
      for (let h = Math.max(0, dy); h < Math.min(H, H + dy); h++) {
        for (let w = Math.max(0, dx); w < Math.min(W, W + dx); w++) {
          out.data[index4(out.shape, n, c, h, w)] = x.data[index4(x.shape, n, c, h - dy, w - dx)];
        }
      }
    }
  }
  return out;
}
