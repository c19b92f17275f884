/**
 * The module hooks (hooks.mjs) see ES imports only. A student who loads the
 * engine with CommonJS (`createRequire(import.meta.url)('@convkit/engine')`)
 * would get a second, untripped copy of it. So, in the sandbox, a require()
 * that resolves into the engine's source gets the ES namespace the sandbox
 * already imported (tripwires included) for the package itself, and an error
 * saying to use `import` for any file inside it.
 */
import Module from 'node:module';
import { fileURLToPath } from 'node:url';

interface ModuleStatics {
  _load(request: string, parent: unknown, isMain: boolean): unknown;
  _resolveFilename(request: string, parent: unknown, isMain: boolean): string;
}

export function guardRequire(engineDirUrl: string, engineNamespace: object): void {
  const engineDir = fileURLToPath(engineDirUrl);
  const statics = Module as unknown as ModuleStatics;
  const load = statics._load;
  statics._load = function guardedLoad(this: unknown, request: string, parent: unknown, isMain: boolean): unknown {
    let filename = '';
    try {
      filename = statics._resolveFilename(request, parent, isMain);
    } catch {
      // not resolvable: let require report it as usual
    }
    if (filename.startsWith(engineDir)) {
      if (request === '@convkit/engine') return engineNamespace;
      throw new Error(`require('${request}'): load the engine's files with import, not require(), in graded code`);
    }
    return load.call(this, request, parent, isMain);
  };
}
