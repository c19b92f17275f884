/**
 * Turns a drawing into an MNIST-like 28×28 image, the way MNIST itself was made: the digit's bounding box is
 * scaled to fit a 20×20 box (keeping its aspect ratio), then placed in the 28×28 frame so that its centre of
 * mass is at the centre. Without this a digit drawn small or off-centre looks nothing like the training data.
 */

/** Brightness 0..1 of each pixel of an RGBA image (white ink on black). */
function brightness(img: ImageData): Float32Array {
  const out = new Float32Array(img.width * img.height);
  for (let i = 0; i < out.length; i++) out[i] = img.data[i * 4] / 255;
  return out;
}

/** 784 values in 0..1, or undefined if nothing has been drawn. */
export function toMnist(canvas: HTMLCanvasElement): Float32Array | undefined {
  const ctx = canvas.getContext('2d', { willReadFrequently: true });
  if (!ctx) return undefined;
  const { width, height } = canvas;
  const ink = brightness(ctx.getImageData(0, 0, width, height));
  let [x0, y0, x1, y1] = [width, height, -1, -1];
  for (let y = 0; y < height; y++)
    for (let x = 0; x < width; x++)
      if (ink[y * width + x] > 0.1) {
        x0 = Math.min(x0, x);
        x1 = Math.max(x1, x);
        y0 = Math.min(y0, y);
        y1 = Math.max(y1, y);
      }
  if (x1 < 0) return undefined;
  const bw = x1 - x0 + 1;
  const bh = y1 - y0 + 1;
  const scale = 20 / Math.max(bw, bh);
  const [sw, sh] = [Math.max(1, Math.round(bw * scale)), Math.max(1, Math.round(bh * scale))];

  // Step 1: the bounding box scaled into a 20×20 box (smoothing averages the pixels, like anti-aliasing).
  const box = document.createElement('canvas');
  box.width = 28;
  box.height = 28;
  const bctx = box.getContext('2d', { willReadFrequently: true })!;
  bctx.imageSmoothingEnabled = true;
  bctx.imageSmoothingQuality = 'high';
  bctx.fillStyle = '#000';
  bctx.fillRect(0, 0, 28, 28);
  bctx.drawImage(canvas, x0, y0, bw, bh, 0, 0, sw, sh);
  const small = brightness(bctx.getImageData(0, 0, 28, 28));

  // Step 2: shift so the centre of mass lands on (14, 14).
  let mass = 0;
  let mx = 0;
  let my = 0;
  for (let y = 0; y < sh; y++)
    for (let x = 0; x < sw; x++) {
      const v = small[y * 28 + x];
      mass += v;
      mx += v * x;
      my += v * y;
    }
  const dx = Math.round(14 - (mass > 0 ? mx / mass : sw / 2) - 0.5);
  const dy = Math.round(14 - (mass > 0 ? my / mass : sh / 2) - 0.5);
  const out = new Float32Array(784);
  for (let y = 0; y < sh; y++)
    for (let x = 0; x < sw; x++) {
      const tx = x + dx;
      const ty = y + dy;
      if (tx >= 0 && tx < 28 && ty >= 0 && ty < 28) out[ty * 28 + tx] = small[y * 28 + x];
    }
  return out;
}
