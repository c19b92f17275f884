/** Node-only: saving a model's JSON to a file and loading it back (exported from `@convkit/engine/node`). */
import { readFileSync, writeFileSync } from 'node:fs';
import { Sequential } from './sequential.ts';
import type { ModelJSON } from './serialize.ts';

export function saveModel(model: Sequential, path: string): void {
  writeFileSync(path, JSON.stringify(model.toJSON()));
}

export function loadModel(path: string): Sequential {
  return Sequential.fromJSON(JSON.parse(readFileSync(path, 'utf8')) as ModelJSON);
}
