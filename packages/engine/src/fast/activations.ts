/** Fast float32 ReLU: plain loops over the typed arrays, no per-element callback. */
import { Tensor } from '../tensor.ts';

export function fastReluForward(x: Tensor): Tensor {
  const out = new Tensor(x.shape);
  const xs = x.data, o = out.data;
  for (let i = 0; i < xs.length; i++) o[i] = xs[i] > 0 ? xs[i] : 0;
  return out;
}

export function fastReluBackward(dout: Tensor, x: Tensor): Tensor {
  const dx = new Tensor(x.shape);
  const xs = x.data, up = dout.data, d = dx.data;
  for (let i = 0; i < xs.length; i++) d[i] = xs[i] > 0 ? up[i] : 0;
  return dx;
}
