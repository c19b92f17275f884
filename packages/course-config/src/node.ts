/**
 * `@convkit/course-config/node`: reading a workspace's exercises (their `exercise.json` folders) and
 * its `course.config.ts`. One home for both, used by the grader, the course build and the docs build.
 */
export { exercises, findExercise, readExercises, repoRoot, type Exercise } from './manifest.ts';
export { loadCourse, resolveExercises, docsPageIds, manifestExercises, DEFAULT_TOLERANCE } from './load.ts';
export type { Course, CourseExerciseResolved } from './load.ts';
export { gradedExercises } from './graded.ts';
