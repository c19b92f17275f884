/**
 * The `@convkit/engine` that student code imports inside the browser's sandbox (a Web Worker). Like the
 * Node sandbox's module hooks, it replaces the functions the exercise asks for, and the fast kernels that
 * compute them, by tripwires (calling one is a violation, with the same message as `pnpm grade`). The
 * engine's layers, models and optimizers compute those functions inside, where no namespace swap can
 * reach: in the browser they trip as the exercise's function too (the Node hooks trip them from inside).
 */
import * as engine from '@convkit/engine';
import { guardedNames } from '../sandbox/fast-paths.ts';
import { tripwire } from '../sandbox/tripwire.ts';

/** Engine classes that run ops internally: a student who uses one is using the reference. */
const COMPUTING_CLASSES = ['Conv2D', 'MaxPool2D', 'AvgPool2D', 'Flatten', 'Dense', 'ReLU', 'Sigmoid', 'Tanh', 'Sequential', 'SGD', 'Adam'] as const;

/** The engine namespace for student code, with `asked` (the exercise's functions, or its spec's tripwires) tripwired. */
export function studentEngine(asked: readonly string[]): Record<string, unknown> {
  const guards = new Map(guardedNames(asked));
  const out: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(engine)) {
    const trips = guards.get(name);
    if (trips !== undefined) out[name] = tripwire(trips);
    else if (asked.length > 0 && (COMPUTING_CLASSES as readonly string[]).includes(name)) out[name] = tripwire(asked[0]);
    else if (typeof value === 'object' && value !== null && !Array.isArray(value) && Object.keys(value).some((k) => guards.has(k))) {
      // a table of ops (the engine's `reference`): its guarded entries trip too
      out[name] = Object.fromEntries(Object.entries(value).map(([k, v]) => [k, guards.has(k) ? tripwire(guards.get(k)!) : v]));
    } else out[name] = value;
  }
  return Object.freeze(out);
}
