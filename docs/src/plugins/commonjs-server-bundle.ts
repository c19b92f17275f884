/**
 * Makes the server bundle CommonJS wherever the site is built.
 *
 * `docusaurus build --out-dir DIR` writes its server bundle (CommonJS: `exports.…`) and its chunks as `.js`
 * files to `DIR/__server`, then renders every page by loading them with Node's `require()`. Node decides
 * between CommonJS and ES modules for a `.js` file from the nearest package.json. Under docs/ (docs/build)
 * that is docs/package.json, CommonJS; under the repository root (`pnpm course build` writes `release/site`)
 * it is the root package.json, `"type": "module"`. Each page's chunk then failed to load ("ReferenceError:
 * exports is not defined in ES module scope"), Docusaurus's loader rendered that error in place of the page,
 * and the build still succeeded. This plugin emits `__server/package.json` with `"type": "commonjs"`, so the
 * server bundle is CommonJS whatever folder holds it. Docusaurus deletes `__server` after rendering.
 */
import type { Plugin } from '@docusaurus/types';

interface Compiler {
  webpack: {
    sources: { RawSource: new (source: string) => unknown };
    Compilation: { PROCESS_ASSETS_STAGE_ADDITIONAL: number };
  };
  hooks: { thisCompilation: { tap(name: string, fn: (compilation: Compilation) => void): void } };
}
interface Compilation {
  hooks: { processAssets: { tap(options: { name: string; stage: number }, fn: () => void): void } };
  emitAsset(file: string, source: unknown): void;
}

const NAME = 'convkit-commonjs-server-bundle';

export default function commonjsServerBundle(): Plugin {
  return {
    name: NAME,
    configureWebpack(_config, isServer) {
      if (!isServer) return {};
      return {
        plugins: [
          {
            apply(compiler: Compiler) {
              compiler.hooks.thisCompilation.tap(NAME, (compilation) => {
                compilation.hooks.processAssets.tap({ name: NAME, stage: compiler.webpack.Compilation.PROCESS_ASSETS_STAGE_ADDITIONAL }, () => {
                  compilation.emitAsset('package.json', new compiler.webpack.sources.RawSource('{"type": "commonjs"}\n'));
                });
              });
            },
          },
        ],
      };
    },
  };
}
