/** `@convkit/course/node`: loading a repository's course (Node-only). */
export { loadCourse, resolveExercises, docsPageIds, manifestExercises, DEFAULT_TOLERANCE } from './load.ts';
export type { Course, CourseExerciseResolved } from './load.ts';
