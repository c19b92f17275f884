/**
 * `@convkit/grader/spec`: what an exercise's `.meta/spec.ts` builds its checks from. A spec lives in
 * its exercise's folder (`exercises/NN-slug/.meta/spec.ts`, graders only) and imports only this.
 */
export * from './kit.ts';
export * from './shapes.ts';
/** The numerical gradient a backward pass is judged against: the engine's one (central differences, float64). */
export { numericalGradient } from '@convkit/engine/testing';
export { compareResult, describeValue, fmt } from '../compare.ts';
/** Sentences naming common mistakes that a spec recognises from the inputs (`mistakes` of a case). */
export { FLIPPED_KERNEL } from '../diagnose.ts';
export { isWireTensor, type WireValue } from '../sandbox/protocol.ts';
export type { CallResult } from '../sandbox/sandbox.ts';
export { accuracyTest, trainOnce, type CapstoneData, type TrainOnce } from './capstone.ts';
