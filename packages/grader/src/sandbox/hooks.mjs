// Module hooks of the sandbox (run in Node's hooks thread, registered by child.ts before any student code
// loads). They replace each engine function the exercise asks for by a tripwire, everywhere: an import
// of `@convkit/engine`, of `functional.ts`, of the op file itself, and the engine's own layers all reach
// the op file, which resolves to a generated wrapper:
//   export * from '<op file>?convkit-real';             every other export, untouched
//   export const conv2dForward = tripwire('conv2dForward');  explicit exports win over `export *`
// Only a wrapper may import the `?convkit-real` original. Which modules define which guarded exports
// comes from the engine's kernel registry (`@convkit/engine/kernels`, read by child.ts): the reference
// op, the dispatcher and the fast kernels that compute an asked-for op (`fastConv2dForward`, …) are all
// replaced by the same tripwire, named after the asked-for op.

const REAL = 'convkit-real';
const WRAPPED = 'convkit-tripwire';
/** file: URL of each guarded module → [exported name, asked-for name it trips as] @type {Map<string, [string, string][]>} */
let guardedIn = new Map();
let engineDir = '';
let tripwireUrl = '';

/** @param {{ modules: [string, string, string][], engineDir: string, tripwireUrl: string }} data */
export function initialize(data) {
  engineDir = data.engineDir;
  tripwireUrl = data.tripwireUrl;
  guardedIn = new Map();
  for (const [file, name, asked] of data.modules) {
    const url = new URL(file, engineDir).href;
    const list = guardedIn.get(url) ?? [];
    if (!list.some(([n]) => n === name)) list.push([name, asked]);
    guardedIn.set(url, list);
  }
}

/** The guarded exports that the module at `url` defines (`conv2dForward`, …), with what they trip as. */
function definitions(url) {
  return guardedIn.get(url) ?? [];
}

export async function resolve(specifier, context, nextResolve) {
  const resolved = await nextResolve(specifier, context);
  if (guardedIn.size === 0 || !resolved.url.startsWith(engineDir)) return resolved;
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
