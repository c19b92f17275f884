/**
 * Browser side of docs/scripts/mnist-data.mts: fetches the packed digits from the same origin and unpacks
 * them into the per-class arrays (values 0..1) that the engine's `mnistFromDigits` takes.
 */

export interface MnistSample {
  label: number;
  pixels: number[];
}

/** Parses the "CKM2" format; accepts the gzip file as fetched, or already decoded by the server. */
export async function parseMnist(bytes: Uint8Array): Promise<Float32Array[]> {
  let raw = bytes;
  if (raw[0] === 0x1f && raw[1] === 0x8b) {
    const stream = new Blob([raw as BlobPart]).stream().pipeThrough(new DecompressionStream('gzip'));
    raw = new Uint8Array(await new Response(stream).arrayBuffer());
  }
  const magic = String.fromCharCode(raw[0], raw[1], raw[2], raw[3]);
  if (magic !== 'CKM2') throw new Error(`mnist.bin.gz: expected the CKM2 format, got "${magic}"`);
  const view = new DataView(raw.buffer, raw.byteOffset, raw.byteLength);
  const digits: Float32Array[] = [];
  let offset = 44;
  for (let label = 0; label < 10; label++) {
    const count = view.getUint32(4 + label * 4, true) * 784;
    digits.push(Float32Array.from(raw.subarray(offset, offset + count), (v) => v / 255));
    offset += count;
  }
  return digits;
}

export async function fetchMnist(url: string): Promise<Float32Array[]> {
  const res = await fetch(url);
  if (!res.ok) throw new Error(`fetching ${url}: HTTP ${res.status}`);
  return parseMnist(new Uint8Array(await res.arrayBuffer()));
}
