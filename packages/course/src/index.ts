/** `@convkit/course`: the course config, and (Node-only, see the other modules) publishing and class grading. */
export { defineCourse, validateCourse, CourseConfigError, siteAddress, DEFAULT_SITE_URL } from './config.ts';
export type { CourseConfig, CourseExercise, KnownIds, LatePolicy, SimilarityPolicy } from './config.ts';
