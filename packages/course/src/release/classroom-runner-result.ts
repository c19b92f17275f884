/**
 * The script the Classroom workflow runs once per exercise to turn a grade report into the runner
 * result that `classroom-resources/autograding-grading-reporter@v1` reads.
 *
 * What the reporter reads (its src/main.js and src/notify-classroom.js): for every runner id listed in
 * its `runners` input, the environment variable `<ID IN CAPITALS>_RESULTS` holds base64 of a JSON
 * object `{ version: 1, status, max_score, tests: [{ name, status, score, message, test_code,
 * filename, line_no, duration }] }` (the shape the command and io graders write). Its points are, per
 * runner with a non-zero `max_score`, that `max_score` towards the maximum and the SUM OF THE TESTS'
 * `score`s towards the total, so per-test points are honoured, and a test without a numeric `score`
 * would make the total NaN. The reporter fails the job when a runner's `status` is `fail` or `error`.
 *
 * Input: either convkit's `pnpm grade --reporter json` report (`exercises[].tests[]`) or Gradescope's
 * `results.json` as the pinned autograder writes it (`tests[]` named `<exercise id>: <test name>`).
 * Per-test points are the grader's test weights scaled so that they add up to the exercise's points
 * exactly (in hundredths). The points earned add up to the grader's score for the exercise (convkit
 * report) or to the shares of the tests passed (results.json, whose per-test scores are rounded); all
 * of the points when every test passed. A missing or unreadable report, or an exercise that is not in it,
 * gives an `error` runner worth 0 that says why: never a silent zero.
 *
 * It is plain JavaScript (Node 20, no dependencies) kept in this string, so the workflow can write it
 * out and run it before anything is installed, and the tests run exactly this text.
 *
 *   node convkit-runner-result.mjs REPORT EXERCISE_ID POINTS
 *     appends `result=<base64>` to $GITHUB_OUTPUT (stdout when unset), prints each test with its
 *     points and message, appends the exercise's row to $GITHUB_STEP_SUMMARY when set; exits 0.
 */

export const RUNNER_RESULT_SCRIPT = String.raw`// convkit: one exercise of a grade report as a GitHub Classroom runner result (see classroom-runner-result.ts).
import { appendFileSync, existsSync, readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';

let positionals = [];
try {
  ({ positionals } = parseArgs({ allowPositionals: true, strict: true }));
} catch (error) {
  console.error(String(error.message));
}
const [file, id, pointsText] = positionals;
const points = Number(pointsText);
if (positionals.length !== 3 || !Number.isFinite(points) || points < 0) {
  console.error('usage: node convkit-runner-result.mjs REPORT EXERCISE_ID POINTS');
  process.exit(2);
}
const toCents = (v) => Math.round(v * 100);

// Splits totalCents over the weights in proportion (largest remainders get the leftover cents).
function allocate(totalCents, weights) {
  const sum = weights.reduce((s, w) => s + w, 0);
  if (sum <= 0 || totalCents <= 0) return weights.map(() => 0);
  const raw = weights.map((w) => (totalCents * w) / sum);
  const out = raw.map(Math.floor);
  let left = totalCents - out.reduce((s, c) => s + c, 0);
  const order = raw.map((r, i) => [r - Math.floor(r), i]).filter(([, i]) => weights[i] > 0).sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  for (let k = 0; left > 0 && order.length > 0; k = (k + 1) % order.length, left--) out[order[k][1]]++;
  return out;
}

// The exercise in a report, as { score, tests: [{ name, passed, weight, message }] } (score null: from the tests'
// fractions), or a string saying why not.
function exerciseIn(report) {
  if (report && Array.isArray(report.exercises)) {
    const e = report.exercises.find((x) => x && x.id === id);
    if (!e) return 'the grade report has no exercise ' + id;
    const tests = (Array.isArray(e.tests) ? e.tests : []).map((t) => ({
      name: String(t.name), passed: t.status === 'passed', status: String(t.status), weight: Number(t.maxScore) || 0, message: t.message ? String(t.message) : '',
    }));
    return { score: Number(e.score) || 0, tests };
  }
  if (report && Array.isArray(report.tests)) {
    const prefix = id + ': ';
    const found = report.tests.filter((t) => t && typeof t.name === 'string' && t.name.startsWith(prefix));
    if (found.length === 0) return report.tests.length === 0 && report.output ? String(report.output) : 'the autograder reported no test of exercise ' + id;
    const tests = found.map((t) => {
      const passed = t.status ? t.status === 'passed' : Number(t.score) >= Number(t.max_score);
      const output = t.output ? String(t.output) : '';
      const max = Number(t.max_score) || 0;
      const fraction = max > 0 ? Math.max(0, Math.min(1, (Number(t.score) || 0) / max)) : passed ? 1 : 0;
      return { name: t.name.slice(prefix.length), passed, status: passed ? 'passed' : 'failed', weight: max, fraction, message: output };
    });
    // Gradescope's per-test scores are rounded: each test earns its fraction of its share instead.
    return { score: null, tests };
  }
  return 'the report is neither a convkit grade report nor a Gradescope results.json';
}

let exercise;
try {
  exercise = existsSync(file) ? exerciseIn(JSON.parse(readFileSync(file, 'utf8'))) : 'no grade report at ' + file + ' (the grading step did not finish: see its log)';
} catch (error) {
  exercise = 'the grade report could not be read: ' + (error instanceof Error ? error.message : String(error));
}

const maxCents = toCents(points);
let result;
if (typeof exercise === 'string') {
  result = { version: 1, status: 'error', max_score: points, tests: [
    { name: id + ': not graded', status: 'error', score: 0, message: exercise, test_code: '', filename: '', line_no: 0, duration: 0 },
  ] };
} else {
  const tests = exercise.tests.length > 0 ? exercise.tests : [{ name: 'all tests', passed: false, status: 'failed', weight: 1, message: 'the grader reported no tests' }];
  const weights = tests.map((t) => t.weight);
  const even = weights.every((w) => w <= 0);
  const share = allocate(maxCents, even ? tests.map(() => 1) : weights);
  const allPassed = tests.every((t) => t.passed);
  const earnedCents = allPassed || exercise.score === null ? maxCents : Math.max(0, Math.min(maxCents, toCents(exercise.score)));
  const earned = allPassed
    ? share
    : exercise.score === null
      ? share.map((c, i) => Math.round(c * tests[i].fraction))
      : allocate(earnedCents, tests.map((t, i) => (t.passed ? share[i] || (even ? 1 : 0) : 0)));
  result = { version: 1, status: allPassed ? 'pass' : 'fail', max_score: points, tests: tests.map((t, i) => ({
    name: t.name + ' (' + earned[i] / 100 + '/' + share[i] / 100 + ')',
    status: t.passed ? 'pass' : 'fail',
    score: earned[i] / 100,
    message: t.message || null,
    test_code: '',
    filename: '',
    line_no: 0,
    duration: 0,
  })) };
}

const score = result.tests.reduce((s, t) => s + toCents(t.score), 0) / 100;
console.log(id + ': ' + score + '/' + points + (result.status === 'error' ? ' (not graded)' : ''));
for (const t of result.tests) console.log('  ' + (t.status === 'pass' ? 'PASS' : t.status === 'fail' ? 'FAIL' : 'ERROR') + ' ' + t.name + (t.message ? '\n      ' + t.message.split('\n').join('\n      ') : ''));
const line = 'result=' + Buffer.from(JSON.stringify(result)).toString('base64') + '\n';
if (process.env.GITHUB_OUTPUT) appendFileSync(process.env.GITHUB_OUTPUT, line);
else process.stdout.write(line);
if (process.env.GITHUB_STEP_SUMMARY) {
  const status = result.status === 'pass' ? 'passed' : result.status === 'error' ? 'not graded: ' + result.tests[0].message.split('\n')[0].replace(/\|/g, '\\|') : 'failed';
  appendFileSync(process.env.GITHUB_STEP_SUMMARY, '| ' + id + ' | ' + score + ' / ' + points + ' | ' + status + ' |\n');
}
`;
