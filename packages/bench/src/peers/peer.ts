/**
 * What each library implements for the benchmark. Every method prepares its
 * inputs (layout conversion included) OUTSIDE the timed region and returns
 * the closure that is timed; a null closure means the library cannot do it.
 */
import type { ConvCase, PoolCase, TrainCase } from '../workloads.ts';
import type { ConvData, MnistData, PoolData } from '../data.ts';

export interface TrainResult {
  /** Images actually trained on (fewer than the epoch when extrapolated). */
  images: number;
  seconds: number;
  imagesPerSecond: number;
  /** Test accuracy after the epoch, or null when the peer trained on a subset only. */
  testAccuracy: number | null;
  note?: string;
}

export interface Peer {
  name: string;
  /** One-line description of the configuration (backend, SIMD, threads). */
  describe(): Promise<string>;
  convForward(c: ConvCase, data: ConvData): (() => void) | null;
  /** Gradients with respect to the input and the filters (and bias where the library computes it anyway). */
  convBackward(c: ConvCase, data: ConvData): (() => void) | null;
  poolForward(p: PoolCase, data: PoolData): (() => void) | null;
  poolBackward(p: PoolCase, data: PoolData): (() => void) | null;
  train(t: TrainCase, data: MnistData): TrainResult | null;
}
