// Module hooks of the sandbox (run in Node's hooks thread, registered by child.ts before any student code
// loads). They replace each engine function the exercise asks for by a tripwire, everywhere: an import
// of `@convkit/engine`, of `functional.ts`, of the op file itself, and the engine's own layers all reach
// the op file, which resolves to a generated wrapper:
//   export * from '<op file>?convkit-real';             every other export, untouched
//   export const conv2dForward = tripwire('conv2dForward');  explicit exports win over `export *`
// Only a wrapper may import the `?convkit-real` original.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const REAL = 'convkit-real';
const WRAPPED = 'convkit-tripwire';
/** @type {string[]} */
let names = [];
let engineDir = '';
let tripwireUrl = '';
/** @type {Map<string, string[]>} */
const definedIn = new Map();

/** @param {{ names: string[], engineDir: string, tripwireUrl: string }} data */
export function initialize(data) {
  names = data.names;
  engineDir = data.engineDir;
  tripwireUrl = data.tripwireUrl;
}

/** The asked-for names that the module at `url` defines (`export function conv2dForward`, …). */
function definitions(url) {
  let found = definedIn.get(url);
  if (found === undefined) {
    let source = '';
    try {
      source = readFileSync(fileURLToPath(url), 'utf8');
    } catch {
      source = '';
    }
    found = names.filter((name) =>
      new RegExp(`export\\s+(?:async\\s+)?(?:function\\*?|const|let|var|class)\\s+${name}\\b`).test(source),
    );
    definedIn.set(url, found);
  }
  return found;
}

export async function resolve(specifier, context, nextResolve) {
  const resolved = await nextResolve(specifier, context);
  if (names.length === 0 || !resolved.url.startsWith(engineDir)) return resolved;
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
    ...definitions(base).map((name) => `export const ${name} = tripwire(${JSON.stringify(name)});`),
  ];
  return { format: 'module', source: lines.join('\n'), shortCircuit: true };
}
