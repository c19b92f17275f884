/**
 * Which engine exports compute an op an exercise asks for: read from the engine's own kernel registry
 * (`@convkit/engine/kernels`), not guessed from names or file layout. The engine computes some ops more
 * than once: the readable reference in ops/, the public dispatcher, and the fast float32 kernels
 * (`fastConv2dForward`, `directConv2dForward`, …) that the layers call directly when they train. An
 * exercise that asks for `conv2dForward` must trip on all of them, e.g. through
 * `new Conv2D(…).forward(x, true)` or by importing a kernel's file.
 *
 * In the sandbox the registry comes from the engine that graded code loads: in official grading,
 * the student kit's engine, whose registry lists its stubs.
 */
import { KERNELS, guardedExports, guardedSites } from '@convkit/engine/kernels';

/** For each op, its fast-path kernels (the registry's `fast` sites): e.g. conv2dForward → fastConv2dForward, directConv2dForward. */
export const FAST_PATHS: Readonly<Record<string, readonly string[]>> = Object.fromEntries(
  Object.entries(KERNELS).map(([op, sites]) => [op, sites.filter((s) => s.role === 'fast').map((s) => s.name)]),
);

/** Every engine export guarded for these asked-for names: [exported name, the asked-for name it trips as]. */
export function guardedNames(asked: readonly string[]): [string, string][] {
  return guardedExports(asked);
}

/** The engine modules to wrap for these asked-for names: [module relative to the engine's src/, export name, asked-for name]. */
export function guardedModules(asked: readonly string[]): [string, string, string][] {
  return guardedSites(asked).map((s) => [s.file, s.name, s.op]);
}
