/**
 * `@convkit/course`: what an instructor's `course.config.ts` imports (`defineCourse`, from
 * `@convkit/course-config`), and (Node-only, see the other modules) publishing and class grading.
 */
export { defineCourse, validateCourse, CourseConfigError, siteAddress, DEFAULT_SITE_URL } from '@convkit/course-config';
export type { CourseConfig, CourseExercise, KnownIds, LatePolicy, SimilarityPolicy } from '@convkit/course-config';
