/** TypeScript → CommonJS in the browser, with sucrase: types stripped, imports turned into require(), line numbers kept. */
import { transform } from 'sucrase';
import type { Compile } from './modules.ts';

export const compileTypeScript: Compile = (source, path) =>
  transform(source, { transforms: ['typescript', 'imports'], filePath: path, disableESTransforms: true, production: true }).code;
