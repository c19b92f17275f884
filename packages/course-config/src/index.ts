/**
 * `@convkit/course-config`: what a course is made of, browser-safe (the docs sidebar reads it too).
 * `defineCourse` is what an instructor's `course.config.ts` calls; Node-only loading is in `./node`.
 */
export { defineCourse, validateCourse, CourseConfigError, siteAddress, DEFAULT_SITE_URL } from './config.ts';
export type { CourseConfig, CourseExercise, KnownIds, LatePolicy, SimilarityPolicy } from './config.ts';
export type { Exercise } from './manifest.ts';
