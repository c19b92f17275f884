/** Messages between the playground page and its training worker (train.worker.ts). */

export type Architecture = 'tiny' | 'small';

export interface TrainConfig {
  architecture: Architecture;
  /** Filters of the first convolutional layer. */
  filters: number;
  learningRate: number;
  batchSize: number;
  seed: number;
}

export type ToWorker =
  | { type: 'init'; dataUrl: string; config: TrainConfig }
  | { type: 'start' }
  | { type: 'pause' }
  | { type: 'predict'; pixels: Float32Array };

export interface Views {
  /** First conv layer's filters [F, 1, k, k]. */
  filters: { shape: number[]; data: Float32Array };
  /** The fixed test digit [1, 1, 28, 28] (0..1) and its first-layer activation maps after ReLU [1, F, h, w]. */
  input: { shape: number[]; data: Float32Array };
  maps: { shape: number[]; data: Float32Array };
}

export type FromWorker =
  | { type: 'ready'; train: number; test: number; summary: string; params: number }
  | { type: 'progress'; step: number; epoch: number; loss: number; accuracy: number; examplesPerSecond: number }
  | { type: 'eval'; step: number; loss: number; accuracy: number; confusion: number[][] }
  | { type: 'views'; step: number; views: Views }
  | { type: 'prediction'; probabilities: number[]; label: number }
  | { type: 'error'; message: string };
