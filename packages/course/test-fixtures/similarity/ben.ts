// My own work!!! convolution layer forward
import { Tensor, index4, type ConvParams } from '@convkit/engine';

export function conv2dForward(input: Tensor, filters: Tensor, bias: Tensor, { stride, pad }: ConvParams): Tensor {
  const [batch, channels, height, width] = input.shape;
  const [numFilters, , kh, kw] = filters.shape;
  const outputHeight = (height - kh + 2 * pad) / stride + 1; // output rows
  const outputWidth = (width - kw + 2 * pad) / stride + 1;   // output columns
  if (!Number.isInteger(outputHeight) || !Number.isInteger(outputWidth) || outputHeight < 1 || outputWidth < 1)
  {
    throw new Error(`bad geometry: ${outputHeight} x ${outputWidth}`);
  }
  const result = new Tensor([batch, numFilters, outputHeight, outputWidth], undefined, input.dtype);
  for (let img = 0; img < batch; img++) {
    for (let k = 0; k < numFilters; k++) {
      for (let y = 0; y < outputHeight; y++) {
        for (let xx = 0; xx < outputWidth; xx++) {
          let acc = bias.data[k];
          for (let ch = 0; ch < channels; ch++) {
            for (let dy = 0; dy < kh; dy++) {
              for (let dx = 0; dx < kw; dx++) {
                acc += pixel(input, img, ch, y * stride - pad + dy, xx * stride - pad + dx) * filters.data[index4(filters.shape, k, ch, dy, dx)];
              }
            }
          }
          result.data[index4(result.shape, img, k, y, xx)] = acc;
        }
      }
    }
  }
  return result;
}

// helper: zero outside the image
function pixel(t: Tensor, img: number, ch: number, r: number, s: number): number {
  const [, , h, w] = t.shape;
  if (r < 0 || r >= h || s < 0 || s >= w)   return 0;
  return t.data[index4(t.shape, img, ch, r, s)];
}
