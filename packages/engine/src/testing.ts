/**
 * @convkit/engine/testing: what tests of an engine's ops need, for the engine's own tests, the grader's
 * specs and the exercises' visible tests: the numerical gradient and the error measures that judge it.
 * Browser-safe; computes none of the course's exercises.
 */
export { GRADIENT_STEP, numericalGradient, relError, scaledMaxError } from './testing/gradcheck.ts';
