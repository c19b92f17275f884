/**
 * The kernel registry (`@convkit/engine/kernels`): for each op an exercise may ask students to write,
 * every export of the engine that computes it, and the module that defines that export. The grader
 * reads it to keep the answer key out of graded code: in its sandbox, each of these exports becomes
 * a tripwire for the exercise's op (calling the engine's own conv2dForward, or its fast kernel
 * fastConv2dForward, is not writing conv2dForward), and the course's release build reads it to leave
 * all of them out of the student kit. kernels.test.ts keeps it complete: every module of the engine
 * that defines one of these ops, and every fast-path function, is listed.
 *
 * Plain data with no imports, so that it can be read before the rest of the engine is loaded.
 */

/** One export of the engine that computes an op. */
export interface KernelSite {
  /** The module that defines it, relative to the engine's src/ folder: `ops/conv2d.ts`. */
  readonly file: string;
  /** Its export name there: `conv2dForward`, `fastConv2dForward`, … */
  readonly name: string;
  /**
   * `reference`: the readable op (ops/, optim/); `dispatch`: the public function that picks the fast
   * kernel or the reference; `fast`: a kernel of the float32 fast path (fast/); `stub`: in the student
   * kit's engine, a stand-in that throws and says which exercise the op is.
   */
  readonly role: 'reference' | 'dispatch' | 'fast' | 'stub';
}

const reference = (file: string, name: string): KernelSite => ({ file, name, role: 'reference' });
const dispatch = (name: string): KernelSite => ({ file: 'fast/dispatch.ts', name, role: 'dispatch' });
const fast = (file: string, name: string): KernelSite => ({ file: `fast/${file}`, name, role: 'fast' });

/** Every op of the engine and the exports that compute it. */
export const KERNELS = {
  outputSize: [reference('ops/output-size.ts', 'outputSize')],
  conv2dForward: [
    reference('ops/conv2d.ts', 'conv2dForward'),
    dispatch('conv2dForward'),
    fast('conv2d.ts', 'fastConv2dForward'),
    fast('direct-conv.ts', 'directConv2dForward'),
  ],
  conv2dBackward: [
    reference('ops/conv2d.ts', 'conv2dBackward'),
    dispatch('conv2dBackward'),
    fast('conv2d.ts', 'fastConv2dBackward'),
    fast('direct-conv.ts', 'directConv2dBackward'),
  ],
  maxPool2dForward: [
    reference('ops/pool2d.ts', 'maxPool2dForward'),
    dispatch('maxPool2dForward'),
    fast('pool2d.ts', 'fastMaxPool2dForward'),
    fast('staged.ts', 'stagedMaxPool'),
  ],
  maxPool2dBackward: [
    reference('ops/pool2d.ts', 'maxPool2dBackward'),
    dispatch('maxPool2dBackward'),
    fast('pool2d.ts', 'fastMaxPool2dBackward'),
    fast('staged.ts', 'stagedMaxPoolBackward'),
  ],
  avgPool2dForward: [reference('ops/pool2d.ts', 'avgPool2dForward')],
  avgPool2dBackward: [reference('ops/pool2d.ts', 'avgPool2dBackward')],
  flattenForward: [reference('ops/flatten.ts', 'flattenForward')],
  flattenBackward: [reference('ops/flatten.ts', 'flattenBackward')],
  denseForward: [reference('ops/dense.ts', 'denseForward'), dispatch('denseForward'), fast('dense.ts', 'fastDenseForward')],
  denseBackward: [reference('ops/dense.ts', 'denseBackward'), dispatch('denseBackward'), fast('dense.ts', 'fastDenseBackward')],
  reluForward: [
    reference('ops/activations.ts', 'reluForward'),
    dispatch('reluForward'),
    fast('activations.ts', 'fastReluForward'),
    fast('staged.ts', 'stagedReluForward'),
  ],
  reluBackward: [
    reference('ops/activations.ts', 'reluBackward'),
    dispatch('reluBackward'),
    fast('activations.ts', 'fastReluBackward'),
    fast('staged.ts', 'stagedReluBackward'),
  ],
  sigmoidForward: [reference('ops/activations.ts', 'sigmoidForward')],
  sigmoidBackward: [reference('ops/activations.ts', 'sigmoidBackward')],
  tanhForward: [reference('ops/activations.ts', 'tanhForward')],
  tanhBackward: [reference('ops/activations.ts', 'tanhBackward')],
  softmax: [reference('ops/softmax.ts', 'softmax')],
  softmaxCrossEntropy: [reference('ops/softmax-cross-entropy.ts', 'softmaxCrossEntropy'), fast('softmax-cross-entropy.ts', 'fastSoftmaxCrossEntropy')],
  /** The optimizers' update steps (the capstone must use the student's own). */
  SGD: [reference('optim/sgd.ts', 'SGD')],
  Adam: [reference('optim/adam.ts', 'Adam')],
} as const satisfies Record<string, readonly KernelSite[]>;

export type OpName = keyof typeof KERNELS;

/** The sites that compute `op` (none for a name the engine does not compute, e.g. an exercise's own `trainAndPredict`). */
export function kernelsOf(op: string, registry: Readonly<Record<string, readonly KernelSite[]>> = KERNELS): readonly KernelSite[] {
  return Object.hasOwn(registry, op) ? registry[op] : [];
}

/**
 * The exports to guard when graded code must not use the ops `asked`: each as [export name, the op
 * it computes], the op's own name first, each name once (`conv2dForward` → conv2dForward,
 * fastConv2dForward, directConv2dForward, all as conv2dForward).
 */
export function guardedExports(asked: readonly string[], registry: Readonly<Record<string, readonly KernelSite[]>> = KERNELS): [string, string][] {
  const out = new Map<string, string>();
  for (const op of asked) for (const name of [op, ...kernelsOf(op, registry).map((s) => s.name)]) if (!out.has(name)) out.set(name, op);
  return [...out];
}

/** The sites of the ops `asked`, each with the op it computes: what the grader's module hooks replace, file by file. */
export function guardedSites(
  asked: readonly string[],
  registry: Readonly<Record<string, readonly KernelSite[]>> = KERNELS,
): (KernelSite & { readonly op: string })[] {
  return [...new Set(asked)].flatMap((op) => kernelsOf(op, registry).map((s) => ({ ...s, op })));
}
