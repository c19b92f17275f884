/**
 * Saving and loading a model as JSON: the input shape, each layer's config
 * (enough to rebuild it) and its weights as plain number arrays. float32
 * values survive the trip exactly (JSON writes the shortest decimal that
 * reads back to the same number), so a loaded model predicts identically.
 */
import { fmtShape } from '../check.ts';
import type { DType } from '../tensor.ts';
import type { Layer, LayerConfig } from '../layers/layer.ts';
import { Conv2D, type Conv2DOptions } from '../layers/conv2d.ts';
import { Dense, type DenseOptions } from '../layers/dense.ts';
import { AvgPool2D, MaxPool2D, type Pool2DOptions } from '../layers/pool2d.ts';
import { Flatten } from '../layers/flatten.ts';
import { ReLU, Sigmoid, Tanh } from '../layers/activations.ts';
import type { Sequential } from './sequential.ts';

export const MODEL_FORMAT = 'convkit.sequential/1';

export interface WeightJSON {
  name: string;
  shape: number[];
  values: number[];
}

export interface ModelJSON {
  format: typeof MODEL_FORMAT;
  inputShape: number[];
  dtype: DType;
  layers: { config: LayerConfig; weights: WeightJSON[] }[];
}

/** How each layer type is rebuilt from its config (the constructors check the options). */
const LAYER_TYPES: Record<string, (config: LayerConfig) => Layer> = {
  Conv2D: (c) => new Conv2D(c as unknown as Conv2DOptions),
  Dense: (c) => new Dense(c as unknown as DenseOptions),
  MaxPool2D: (c) => new MaxPool2D(c as unknown as Pool2DOptions),
  AvgPool2D: (c) => new AvgPool2D(c as unknown as Pool2DOptions),
  Flatten: () => new Flatten(),
  ReLU: () => new ReLU(),
  Sigmoid: () => new Sigmoid(),
  Tanh: () => new Tanh(),
};

export function modelToJSON(model: Sequential): ModelJSON {
  return {
    format: MODEL_FORMAT,
    inputShape: [...model.inputShape],
    dtype: model.dtype,
    layers: model.layers.map((layer) => ({
      config: layer.config(),
      weights: layer.params().map((p) => ({ name: p.name, shape: [...p.value.shape], values: Array.from(p.value.data) })),
    })),
  };
}

function checkFormat(op: string, json: ModelJSON): void {
  if (json === null || typeof json !== 'object' || json.format !== MODEL_FORMAT || !Array.isArray(json.layers)) {
    const got = json !== null && typeof json === 'object' ? `format ${JSON.stringify(json.format)}` : String(json);
    throw new Error(`${op}: expected a model saved by toJSON (format "${MODEL_FORMAT}"), got ${got}`);
  }
}

/** The layers described by a saved model, unbuilt. */
export function layersFromJSON(json: ModelJSON): Layer[] {
  checkFormat('Sequential.fromJSON', json);
  return json.layers.map(({ config }, i) => {
    const make = config && LAYER_TYPES[config.type];
    if (!make) {
      throw new Error(`Sequential.fromJSON: expected layer ${i} of a known type (${Object.keys(LAYER_TYPES).join(', ')}), got ${JSON.stringify(config?.type)}`);
    }
    return make(config);
  });
}

/** Copies saved weights into `model`, after checking that the architecture matches layer by layer. */
export function loadWeights(model: Sequential, json: ModelJSON): void {
  const op = 'Sequential.loadWeights';
  checkFormat(op, json);
  if (json.layers.length !== model.layers.length) {
    throw new Error(`${op}: expected a model with ${model.layers.length} layers, got ${json.layers.length}`);
  }
  if (fmtShape(json.inputShape ?? []) !== fmtShape(model.inputShape)) {
    throw new Error(`${op}: expected inputShape ${fmtShape(model.inputShape)}, got ${fmtShape(json.inputShape ?? [])}`);
  }
  // Check everything before copying anything, so a failed load leaves the model untouched.
  const copies: (() => void)[] = [];
  model.layers.forEach((layer, i) => {
    const saved = json.layers[i];
    const where = `layer ${i} (${layer.name})`;
    if (saved.config?.type !== layer.name) {
      throw new Error(`${op}: expected ${where} to be a ${layer.name}, got ${JSON.stringify(saved.config?.type)}`);
    }
    const params = layer.params();
    if (!Array.isArray(saved.weights) || saved.weights.length !== params.length) {
      throw new Error(`${op}: expected ${params.length} weight tensors for ${where}, got ${saved.weights?.length}`);
    }
    params.forEach((p, k) => {
      const w = saved.weights[k];
      if (w.name !== p.name || fmtShape(w.shape ?? []) !== fmtShape(p.value.shape)) {
        throw new Error(`${op}: expected ${where} ${p.name} of shape ${fmtShape(p.value.shape)}, got ${w.name} of shape ${fmtShape(w.shape ?? [])}`);
      }
      if (!Array.isArray(w.values) || w.values.length !== p.value.size || !w.values.every(Number.isFinite)) {
        throw new Error(
          `${op}: expected ${p.value.size} finite numbers in ${where} ${p.name}, got ${Array.isArray(w.values) ? `${w.values.length} values, not all finite` : typeof w.values}`,
        );
      }
      copies.push(() => p.value.data.set(w.values));
    });
  });
  copies.forEach((copy) => copy());
}
