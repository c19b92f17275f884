// Module hooks of the sandbox (run in Node's hooks thread, registered by child.ts before any student code
// loads). They replace each engine function the exercise asks for by a tripwire, everywhere: an import
// of `@convkit/engine`, of `functional.ts`, of the op file itself, and the engine's own layers all reach
// the op file, which resolves to a generated wrapper:
//   export * from '<op file>?convkit-real';             every other export, untouched
//   export const conv2dForward = tripwire('conv2dForward');  explicit exports win over `export *`
// Only a wrapper may import the `?convkit-real` original. The fast kernels that compute an asked-for op
// (fast-paths.ts: `fastConv2dForward`, …) are replaced by the same tripwire, named after the asked-for op.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const REAL = 'convkit-real';
const WRAPPED = 'convkit-tripwire';
/** [exported name, asked-for name it trips as] @type {[string, string][]} */
let guards = [];
let engineDir = '';
let tripwireUrl = '';
/** @type {Map<string, [string, string][]>} */
const definedIn = new Map();

/** @param {{ guards: [string, string][], engineDir: string, tripwireUrl: string }} data */
export function initialize(data) {
  guards = data.guards;
  engineDir = data.engineDir;
  tripwireUrl = data.tripwireUrl;
}

/** The guarded names that the module at `url` defines (`export function conv2dForward`, …), with what they trip as. */
function definitions(url) {
  let found = definedIn.get(url);
  if (found === undefined) {
    let source = '';
    try {
      source = readFileSync(fileURLToPath(url), 'utf8');
    } catch {
      source = '';
    }
    found = guards.filter(([name]) =>
      new RegExp(`export\\s+(?:async\\s+)?(?:function\\*?|const|let|var|class)\\s+${name}\\b`).test(source),
    );
    definedIn.set(url, found);
  }
  return found;
}

export async function resolve(specifier, context, nextResolve) {
  const resolved = await nextResolve(specifier, context);
  if (guards.length === 0 || !resolved.url.startsWith(engineDir)) return resolved;
  const [base, query] = resolved.url.split('?');
  const fromWrapper = (context.parentURL ?? '').endsWith(`?${WRAPPED}`);
  if (query === REAL && fromWrapper) return resolved;
  if (definitions(base).length === 0) return { ...resolved, url: base };
  return { ...resolved, url: `${base}?${WRAPPED}`, shortCircuit: true };
}

export async function load(url, context, nextLoad) {
  if (!url.endsWith(`?${WRAPPED}`)) return nextLoad(url, context);
  const base = url.slice(0, -WRAPPED.length - 1);
  const lines = [
    `export * from ${JSON.stringify(`${base}?${REAL}`)};`,
    `import { tripwire } from ${JSON.stringify(tripwireUrl)};`,
    ...definitions(base).map(([name, asked]) => `export const ${name} = tripwire(${JSON.stringify(asked)});`),
  ];
  return { format: 'module', source: lines.join('\n'), shortCircuit: true };
}
