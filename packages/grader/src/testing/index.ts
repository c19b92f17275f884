/**
 * `@convkit/grader/testing`: cheats and helpers for the tests of the grader and of class grading, kept
 * out of every release (the kit copies no `testing/` folder).
 */
export { lookupCheatSource } from './lookup-cheat.ts';
