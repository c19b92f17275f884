/**
 * The GitHub Classroom autograding workflow of the starter kit (`.github/workflows/classroom.yml`).
 *
 * Points: `classroom-resources/autograding-grading-reporter@v1` adds up, per runner, the `score` of
 * each test in the runner's result (see classroom-runner-result.ts). So the workflow grades once,
 * then has one step per exercise (its id is the runner id) that turns the grade report into that
 * exercise's runner result: partial credit per exercise, with per-test points, adding up to the
 * exercise's points. The workflow and job names are the ones the reporter's README requires for
 * Classroom to pick up the points ("Autograding Tests", `run-autograding-tests`).
 *
 * Two ways to grade, chosen by the instructor:
 * - `kit` (default): the kit's own `pnpm grade`, i.e. the grader and expected outputs in the student's
 *   repository. Feedback; it trusts that repository, which the student can edit.
 * - `pinned`: the instructor's Gradescope autograder zip, fetched from the instructor's private
 *   repository at a commit SHA, checked against its sha256, installed and run as root exactly as
 *   Gradescope does (`setup.sh`, `run_autograder`, student code as the unprivileged user `student`),
 *   its results.json turned into runner results. Nothing from the student's repository runs before or
 *   outside that sandbox; only `exercises/` is copied in, without symbolic links.
 * Exercises whose tests are hidden (`visibleTests: false`) are not scored here in either mode: the
 * student can read every log of their repository, so a score per push would be an oracle for the
 * hidden tests. Grade those with Gradescope or `pnpm grade --submissions`.
 */
import type { Course } from '@convkit/course-config/node';
import { RUNNER_RESULT_SCRIPT } from './classroom-runner-result.ts';
import { toYaml, type YamlValue } from './classroom-yaml.ts';

/** The instructor's autograder zip at a fixed version. */
export interface PinnedAutograder {
  /** `owner/name` of the instructor's private repository holding the zip. */
  repository: string;
  /** The full 40-hex commit SHA to fetch (a branch or tag can move: it is not a pin). */
  ref: string;
  /** Path of the zip inside that repository. */
  path: string;
  /** sha256 of the zip (64 hex): the workflow refuses any other file. */
  sha256: string;
  /** Actions secret with read access to `repository` (default CONVKIT_AUTOGRADER_TOKEN). */
  tokenSecret?: string;
}

export interface ClassroomOptions {
  /** Grade with the instructor's pinned autograder instead of the kit's own grader. */
  autograder?: PinnedAutograder;
}

/** A step id GitHub accepts: `ex02-conv-forward`. It is also the reporter's runner id. */
export const stepId = (exerciseId: string): string => `ex${exerciseId.replace(/[^\w-]/g, '-')}`;

/** The reporter's environment variable for a runner: `EX02-CONV-FORWARD_RESULTS` (its main.js upper-cases the id as it is). */
export const resultsEnv = (runner: string): string => `${runner.toUpperCase()}_RESULTS`;

/** Minutes one exercise may take: its time limit with room for install noise and many calls. */
const minutesFor = (timeLimitMs: number): number => Math.max(5, Math.ceil((4 * timeLimitMs) / 60_000) + 2);

export function checkPin(pin: PinnedAutograder): void {
  const fail = (field: string, expected: string, got: string): never => {
    throw new Error(`classroom workflow: autograder.${field}: expected ${expected}, got ${JSON.stringify(got)}`);
  };
  if (!/^[\w.-]+\/[\w.-]+$/.test(pin.repository)) fail('repository', 'owner/name', pin.repository);
  if (!/^[0-9a-f]{40}$/.test(pin.ref)) fail('ref', 'a full 40-hex commit SHA (a branch or tag can move)', pin.ref);
  if (!/^[0-9a-f]{64}$/.test(pin.sha256)) fail('sha256', '64 lower-case hex digits', pin.sha256);
  if (!/^[\w./-]+\.zip$/.test(pin.path) || pin.path.split('/').includes('..')) fail('path', 'a relative path to a .zip', pin.path);
  if (pin.tokenSecret !== undefined && !/^[A-Z_][A-Z0-9_]*$/.test(pin.tokenSecret)) fail('tokenSecret', 'an Actions secret name', pin.tokenSecret);
}

const REPORT = '${{ runner.temp }}/convkit-report.json';
const SCRIPT = '${{ runner.temp }}/convkit-runner-result.mjs';

/** The shell script that writes the runner-result script out (a quoted here-document: nothing in it is expanded). */
function writeScript(): string {
  if (RUNNER_RESULT_SCRIPT.split('\n').includes('CONVKIT_EOF')) throw new Error('classroom workflow: the script contains its own end marker');
  return `cat > "${SCRIPT}" <<'CONVKIT_EOF'\n${RUNNER_RESULT_SCRIPT.replace(/\n$/, '')}\nCONVKIT_EOF\nprintf '| exercise | points | status |\\n|---|---|---|\\n' >> "$GITHUB_STEP_SUMMARY"\n`;
}

function kitSteps(packageManager: string, ids: string[], minutes: number): YamlValue[] {
  return [
    { name: 'Check out the repository', uses: 'actions/checkout@v4', with: { 'persist-credentials': false } },
    { uses: 'actions/setup-node@v4', with: { 'node-version': 20 } },
    { name: 'Install pnpm', run: `npm install -g ${packageManager}` },
    { name: 'Install', run: 'pnpm install --frozen-lockfile' },
    {
      name: "Grade (the kit's grader and expected outputs, as in this repository)",
      'timeout-minutes': minutes,
      run: `pnpm --silent grade ${ids.join(' ')} --reporter json --output-file "${REPORT}" || true\n`,
    },
  ];
}

function pinnedSteps(pin: PinnedAutograder, minutes: number): YamlValue[] {
  const token = pin.tokenSecret ?? 'CONVKIT_AUTOGRADER_TOKEN';
  return [
    { name: 'Check out the repository', uses: 'actions/checkout@v4', with: { 'persist-credentials': false } },
    {
      name: "Fetch the instructor's autograder (pinned commit)",
      uses: 'actions/checkout@v4',
      with: { repository: pin.repository, ref: pin.ref, token: `\${{ secrets.${token} }}`, path: '.convkit-autograder', 'persist-credentials': false },
    },
    { uses: 'actions/setup-node@v4', with: { 'node-version': 20 } },
    {
      name: 'Check the autograder (sha256) and install it as Gradescope does',
      'timeout-minutes': 20,
      run: [
        'set -euo pipefail',
        `echo "${pin.sha256}  .convkit-autograder/${pin.path}" | sha256sum --check --strict`,
        'sudo rm -rf /autograder',
        'sudo mkdir -p /autograder/source /autograder/submission /autograder/results',
        `sudo unzip -q ".convkit-autograder/${pin.path}" -d /autograder/source`,
        'rm -rf .convkit-autograder',
        '# Only the exercises are handed in, without symbolic links (they could point at the autograder).',
        'sudo cp -R --no-dereference exercises /autograder/submission/',
        'sudo find /autograder/submission -type l -delete',
        'sudo env "PATH=$PATH" bash /autograder/source/setup.sh',
        '',
      ].join('\n'),
    },
    {
      name: 'Grade (student code runs as the unprivileged user "student")',
      'timeout-minutes': minutes,
      run: [
        '# The log stays with root: it would show the scores of hidden exercises.',
        'sudo env "PATH=$PATH" AUTOGRADER_ROOT=/autograder /autograder/source/run_autograder > /dev/null 2>&1 || true',
        'sudo pkill -KILL -u student || true',
        `sudo cat /autograder/results/results.json > "${REPORT}" || true`,
        '',
      ].join('\n'),
    },
  ];
}

/** `packageManager` as in package.json, e.g. `pnpm@12.4.2`. */
export function classroomWorkflow(course: Course, packageManager: string, options: ClassroomOptions = {}): string {
  const pin = options.autograder;
  if (pin) checkPin(pin);
  const scored = course.exercises.filter((e) => e.visibleTests);
  const hidden = course.exercises.filter((e) => !e.visibleTests);
  if (scored.length === 0) throw new Error('classroom workflow: every exercise hides its tests, so there is nothing the workflow may score');
  const runners = scored.map((e) => stepId(e.id));
  if (new Set(runners).size !== runners.length) throw new Error(`classroom workflow: two exercises share a step id: ${runners.join(', ')}`);
  const minutes = scored.reduce((s, e) => s + minutesFor(e.timeLimitMs), 0);
  const total = scored.reduce((s, e) => s + e.points, 0);

  const steps: YamlValue[] = [
    ...(pin
      ? pinnedSteps(pin, minutes)
      : kitSteps(
          packageManager,
          scored.map((e) => e.id),
          minutes,
        )),
    { name: 'Prepare the runner results', if: 'always()', run: writeScript() },
    ...scored.map((e) => ({
      name: `${e.id} (${e.points} points)`,
      id: stepId(e.id),
      if: 'always()',
      run: `node "${SCRIPT}" "${REPORT}" ${e.id} ${e.points}\n`,
    })),
    {
      name: 'Autograding Reporter',
      if: 'always()',
      uses: 'classroom-resources/autograding-grading-reporter@v1',
      env: Object.fromEntries(runners.map((r) => [resultsEnv(r), `\${{ steps.${r}.outputs.result }}`])),
      with: { runners: runners.join(',') },
    },
  ];
  if (hidden.length > 0) {
    steps.push({
      name: 'Exercises graded by the instructor only',
      if: 'always()',
      run: `echo "Not scored here (hidden tests): ${hidden.map((e) => e.id).join(', ')}. Your instructor grades them." | tee -a "$GITHUB_STEP_SUMMARY"\n`,
    });
  }
  if (!pin) {
    steps.push({
      name: 'Keep the grade report',
      if: 'always()',
      uses: 'actions/upload-artifact@v4',
      with: { name: 'grade-report', path: REPORT, 'if-no-files-found': 'warn' },
    });
  }

  const header = [
    '# Generated by `pnpm course build` from course.config.ts: edit that, not this file.',
    `# Autograding for "${course.config.title}": ${total} points over ${scored.length} exercises, partial credit per test.`,
    pin
      ? `# Grader: the instructor's autograder ${pin.repository}@${pin.ref} (${pin.path}, sha256 ${pin.sha256}).`
      : "# Grader: the kit's own (this repository's) grader and expected outputs: feedback, not a protected grade.",
    ...(hidden.length > 0 ? [`# Not scored here (hidden tests): ${hidden.map((e) => e.id).join(', ')}.`] : []),
    '',
  ].join('\n');

  return `${header}${toYaml({
    name: 'Autograding Tests',
    on: ['push', 'workflow_dispatch', 'repository_dispatch'],
    permissions: { checks: 'write', actions: 'read', contents: 'read' },
    jobs: {
      'run-autograding-tests': {
        'runs-on': 'ubuntu-latest',
        if: "github.actor != 'github-classroom[bot]'",
        'timeout-minutes': minutes + (pin ? 30 : 15),
        steps,
      },
    },
  })}`;
}
