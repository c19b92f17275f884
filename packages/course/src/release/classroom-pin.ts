/**
 * Pins the starter kit's Classroom workflow to the instructor's autograder zip: rewrites
 * `<kit>/.github/workflows/classroom.yml` so that it fetches the zip from the instructor's private
 * repository at a commit SHA, checks its sha256 and grades with it (see classroom.ts, mode `pinned`).
 * Run it from the course repository: it reads the course as `pnpm course build` does.
 *
 *   pnpm exec tsx packages/course/src/release/classroom-pin.ts \
 *     --repository my-org/my-course-autograder --ref <40-hex commit SHA> \
 *     [--zip release/gradescope-autograder.zip] [--path gradescope-autograder.zip] \
 *     [--kit release/starter-kit] [--root .] [--token-secret CONVKIT_AUTOGRADER_TOKEN]
 *
 * The sha256 is computed from the local zip, which must be the very file committed at `--ref`.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { loadCourse, type Course } from '@convkit/course-config/node';
import { classroomWorkflow, type PinnedAutograder } from './classroom.ts';

export const sha256Of = (file: string): string => createHash('sha256').update(readFileSync(file)).digest('hex');

/** Rewrites the kit's workflow for the pinned autograder; returns the workflow's path. */
export function pinClassroomWorkflow(course: Course, kitDir: string, pin: PinnedAutograder): string {
  const pkg = JSON.parse(readFileSync(join(kitDir, 'package.json'), 'utf8')) as { packageManager?: string };
  if (!pkg.packageManager) throw new Error(`classroom-pin: ${join(kitDir, 'package.json')} has no packageManager`);
  const file = join(kitDir, '.github', 'workflows', 'classroom.yml');
  writeFileSync(file, classroomWorkflow(course, pkg.packageManager, { autograder: pin }));
  return file;
}

async function main(argv: string[]): Promise<void> {
  const { values } = parseArgs({
    args: argv,
    options: {
      root: { type: 'string', default: '.' },
      kit: { type: 'string', default: 'release/starter-kit' },
      zip: { type: 'string', default: 'release/gradescope-autograder.zip' },
      repository: { type: 'string' },
      ref: { type: 'string' },
      path: { type: 'string' },
      'token-secret': { type: 'string' },
    },
  });
  if (!values.repository || !values.ref) throw new Error('classroom-pin: --repository OWNER/NAME and --ref COMMIT_SHA are required');
  const zip = resolve(values.zip);
  if (!existsSync(zip)) throw new Error(`classroom-pin: expected the autograder zip at ${zip}, got no such file (run pnpm course build first)`);
  const pin: PinnedAutograder = {
    repository: values.repository,
    ref: values.ref,
    path: values.path ?? basename(zip),
    sha256: sha256Of(zip),
    ...(values['token-secret'] ? { tokenSecret: values['token-secret'] } : {}),
  };
  // The course as `pnpm course build` read it (CONVKIT_COURSE_CONFIG or <root>/course.config.ts).
  const course = await loadCourse(resolve(values.root));
  const file = pinClassroomWorkflow(course, resolve(values.kit), pin);
  process.stdout.write(`${file}: grades with ${pin.repository}@${pin.ref} ${pin.path} (sha256 ${pin.sha256})\n`);
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) {
  main(process.argv.slice(2)).catch((error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  });
}
