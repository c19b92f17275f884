/**
 * The course this repository publishes: read by the docs sidebar, the grader, `pnpm course build`
 * (site, starter kit, Gradescope and GitHub Classroom autograders) and class grading.
 * Change it, then check it with `pnpm course check`.
 */
import { defineCourse } from '@convkit/course-config';

export default defineCourse({
  title: 'Convolutional neural networks from scratch',
  chapters: [
    'index',
    'notation',
    'volumes',
    'local-connectivity',
    'stride-and-padding',
    'depth-and-filters',
    'pooling',
    'flattening',
    'architecture',
    'backpropagation',
    'gradient-descent',
    'playground',
  ],
  tolerance: 1e-6,
  visibleTests: true,
  exercises: [
    { id: '01-output-size', points: 5, timeLimitMs: 2000, memoryLimitMb: 256 },
    { id: '02-conv-forward', points: 15 },
    { id: '03-max-pool-forward', points: 10 },
    { id: '04-flatten-dense', points: 10 },
    { id: '05-backprop', points: 15 },
    { id: '06-max-pool-backward', points: 10 },
    { id: '07-conv-backward', points: 20 },
    { id: '08-sgd-momentum', points: 5 },
    { id: '09-capstone', points: 10, visibleTests: false }, // limits from exercises/manifest.ts
  ],
});
