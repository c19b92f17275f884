/**
 * @convkit/grader as a library: the pipeline `pnpm grade` runs — plan → run → report — for other
 * tools (class grading, Gradescope and GitHub Classroom autograders, a course config) to reuse.
 */
export { planGrade, fileFor, repoRoot, solutionFile, UsageError, type PlanOptions } from './plan.ts';
export { grade, gradeExercise, type GradeTarget, type GradeEvent, type GradeOptions } from './run.ts';
export { exerciseStatus, totals, round2, type GradeReport, type ExerciseResult, type TestResult, type Status } from './report.ts';
export {
  PrettyReporter,
  nextExercise,
  useColor,
  jsonReport,
  junitReport,
  gradescopeReport,
  gradescopeResults,
  type PrettyOptions,
  type GradescopeResults,
  type GradescopeTest,
  type GradescopeOptions,
  type Visibility,
} from './reporters/index.ts';
export { Sandbox, type SandboxOptions, type CallResult } from './sandbox/sandbox.ts';
export { specs, loadSpecs, type ExerciseSpec, type TestSpec, type Verdict, type SpecContext } from './spec/index.ts';
export { recordExercise, writeExpected, expectedFile, type RecordExerciseOptions } from './record/recorder.ts';
export { replaySpec } from './record/replay.ts';
export { EXPECTED_FORMAT, type RecordedExercise, type RecordedTest, type RecordedCase, type RecordedRandomCase } from './record/format.ts';
export { compareResult, compareTensor, relativeError, TOLERANCE } from './compare.ts';
export { nextHint, readProgress, progressFile, type HintProgress } from './hint.ts';
export { exercises, findExercise, type Exercise } from '@convkit/course-config/node';
