/** `@convkit/course/node`: loading a repository's course (Node-only), from `@convkit/course-config/node`. */
export { loadCourse, resolveExercises, docsPageIds, manifestExercises, DEFAULT_TOLERANCE } from '@convkit/course-config/node';
export type { Course, CourseExerciseResolved } from '@convkit/course-config/node';
