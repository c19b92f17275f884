/**
 * The engine computes some ops twice: the readable reference (which the
 * tripwires replace) and the fast float32 kernels beside it in
 * `engine/src/fast/`, which the layers call directly when they train. An
 * exercise that asks for `conv2dForward` must also trip when the student
 * reaches those kernels, e.g. through `new Conv2D(…).forward(x, true)` or by
 * importing the kernel's file. Each asked-for name maps here to the kernels
 * that compute it; a test keeps this list complete (every `fast*`, `direct*`
 * and `staged*` function the engine's fast path exports must be listed).
 */
export const FAST_PATHS: Readonly<Record<string, readonly string[]>> = {
  conv2dForward: ['fastConv2dForward', 'directConv2dForward'],
  conv2dBackward: ['fastConv2dBackward', 'directConv2dBackward'],
  maxPool2dForward: ['fastMaxPool2dForward', 'stagedMaxPool'],
  maxPool2dBackward: ['fastMaxPool2dBackward', 'stagedMaxPoolBackward'],
  denseForward: ['fastDenseForward'],
  denseBackward: ['fastDenseBackward'],
  reluForward: ['fastReluForward', 'stagedReluForward'],
  reluBackward: ['fastReluBackward', 'stagedReluBackward'],
  softmaxCrossEntropy: ['fastSoftmaxCrossEntropy'],
};

/** Every engine export guarded for these asked-for names: [exported name, the asked-for name it trips as]. */
export function guardedNames(asked: readonly string[]): [string, string][] {
  return asked.flatMap((name) => [name, ...(FAST_PATHS[name] ?? [])].map((guard): [string, string] => [guard, name]));
}
