/**
 * `@convkit/grader/browser`: grading an exercise in a web page, from its recorded expected outputs, with
 * the student's code in a Web Worker. Browser-safe (no Node API). The worker's entry is
 * `@convkit/grader/browser/worker`.
 */
export { gradeInBrowser, browserTests, type BrowserGradeOptions, type BrowserGrade } from './grade.ts';
export { BrowserSandbox, type BrowserSandboxOptions, type WorkerLike } from './sandbox.ts';
export type { FromWorker, ToWorker, LoadRequest } from './protocol.ts';
export type { RecordedExercise } from '../record/format.ts';
export type { ExerciseResult, TestResult, Status } from '../report.ts';
export type { GradeEvent } from '../score.ts';
