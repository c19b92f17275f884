export { PrettyReporter, nextExercise, useColor, type PrettyOptions } from './pretty.ts';
export { jsonReport } from './json.ts';
export { junitReport } from './junit.ts';
export { gradescopeReport, gradescopeResults, type GradescopeResults, type GradescopeTest, type GradescopeOptions, type Visibility } from './gradescope.ts';
