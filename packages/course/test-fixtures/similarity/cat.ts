import { Tensor, index4, type ConvParams } from '@convkit/engine';

// Pad the input once, then slide each filter over the padded copy with flat offsets.
export function conv2dForward(x: Tensor, w: Tensor, b: Tensor, params: ConvParams): Tensor {
  const { stride, pad } = params;
  const [N, C, H, W] = x.shape;
  const [F, , HH, WW] = w.shape;
  const Hp = H + 2 * pad;
  const Wp = W + 2 * pad;
  const padded = new Float64Array(N * C * Hp * Wp);
  x.data.forEach((v, at) => {
    const col = at % W;
    const row = Math.floor(at / W) % H;
    const plane = Math.floor(at / (W * H));
    padded[plane * Hp * Wp + (row + pad) * Wp + col + pad] = v;
  });
  if (HH > Hp || WW > Wp || (Hp - HH) % stride || (Wp - WW) % stride) throw new RangeError('the window does not tile the padded input');
  const outH = (Hp - HH) / stride + 1;
  const outW = (Wp - WW) / stride + 1;
  const out = new Tensor([N, F, outH, outW], undefined, x.dtype);
  let k = 0;
  for (const n of Array.from({ length: N }, (_, i) => i)) {
    for (const f of Array.from({ length: F }, (_, i) => i)) {
      for (let top = 0; top + HH <= Hp; top += stride) {
        for (let left = 0; left + WW <= Wp; left += stride) {
          let total = b.data[f];
          for (let c = 0; c < C; c++) {
            const base = (n * C + c) * Hp * Wp;
            for (let p = 0; p < HH; p++) {
              for (let q = 0; q < WW; q++) total += padded[base + (top + p) * Wp + left + q] * w.data[index4(w.shape, f, c, p, q)];
            }
          }
          out.data[k++] = total;
        }
      }
    }
  }
  return out;
}
