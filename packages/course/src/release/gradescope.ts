/**
 * The Gradescope autograder zip (https://gradescope-autograders.readthedocs.io/en/latest/specs/):
 * `setup.sh` and `run_autograder` at the top, the grading workspace (with the answer key) in `grader/`
 * and the student kit in `runtime/` (Gradescope unzips it all into /autograder/source). setup.sh
 * installs Node, pnpm, both workspaces and a `student` user, and makes `grader/` root's alone;
 * run_autograder grades /autograder/submission with grader/packages/course/src/autograder/run.ts. Both honour
 * AUTOGRADER_ROOT (instead of /autograder), and setup.sh CONVKIT_SETUP_SKIP_SYSTEM=1 (no apt, no
 * Node download, no new user), which is how the tests run them in a temporary folder.
 */
import { lstatSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { writeZip, type ZipEntry } from '../zip.ts';

const SETUP = (nodeVersion: string, pnpmVersion: string): string => `#!/usr/bin/env bash
# Gradescope runs this once, as root, when it builds the autograder's image. Two workspaces:
#   grader/   the official grader WITH the answer key (real engine, every exercise's .meta/): root only
#   runtime/  the student kit (answer-free engine, the sandbox script): what student code runs on
set -euo pipefail
SOURCE="\${AUTOGRADER_ROOT:-/autograder}/source"
NODE_VERSION=${nodeVersion}
PNPM_VERSION=${pnpmVersion}
if [ -z "\${CONVKIT_SETUP_SKIP_SYSTEM:-}" ]; then
  if ! command -v node >/dev/null || [ "$(node -p 'process.versions.node.split(".")[0]')" -lt 20 ]; then
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends curl ca-certificates xz-utils
    curl -fsSL "https://nodejs.org/dist/v$NODE_VERSION/node-v$NODE_VERSION-linux-x64.tar.xz" | tar -xJ -C /usr/local --strip-components=1
  fi
  [ "$(pnpm --version 2>/dev/null || true)" = "$PNPM_VERSION" ] || npm install -g "pnpm@$PNPM_VERSION"
  # Student code runs as this unprivileged user (see run_autograder).
  id -u student >/dev/null 2>&1 || useradd --no-create-home --shell /usr/sbin/nologin student
fi
for workspace in grader runtime; do
  (cd "$SOURCE/$workspace" && CI=true pnpm install --frozen-lockfile --prefer-offline)
done
# The key stays root's alone; the runtime is open to everyone.
chmod 755 "$SOURCE"
chmod -R go-rwx "$SOURCE/grader"
chmod -R a+rX "$SOURCE/runtime"
# The canary: the reference solutions, graded exactly like a submission (as "student", on the runtime).
# Anything short of full marks fails this build, instead of marking every student's correct work wrong.
(cd "$SOURCE/grader" && CONVKIT_SANDBOX_RUNTIME="$SOURCE/runtime" CONVKIT_STUDENT_USER="\${CONVKIT_STUDENT_USER:-student}" CI=true NO_COLOR=1 \
  ./node_modules/.bin/tsx packages/course/src/autograder/run.ts --canary)
`;

const RUN = `#!/usr/bin/env bash
# Gradescope runs this for every submission, as root: it grades /autograder/submission and writes
# /autograder/results/results.json. The student's code runs as the user "student" on the runtime
# (the answer-free student kit); before grading, a probe run as that user must fail to read the key.
set -uo pipefail
ROOT="\${AUTOGRADER_ROOT:-/autograder}"
export AUTOGRADER_ROOT="$ROOT" CI=true NO_COLOR=1 CONVKIT_STUDENT_USER="\${CONVKIT_STUDENT_USER:-student}"
export CONVKIT_SANDBOX_RUNTIME="$ROOT/source/runtime"
mkdir -p "$ROOT/results"
chmod 700 "$ROOT/results"
rm -f "$ROOT/results/results.json"
cd "$ROOT/source/grader" && ./node_modules/.bin/tsx packages/course/src/autograder/run.ts
status=$?
if [ ! -s "$ROOT/results/results.json" ]; then
  # The grader itself could not run: say so instead of leaving Gradescope without results.
  printf '%s\\n' '{"score": 0, "output": "The autograder failed to run; please tell your instructor.", "tests": []}' > "$ROOT/results/results.json"
  status=1
fi
exit $status
`;

/** Every file under `dir` as zip entries named relative to it, without node_modules and .github. */
function entriesOf(dir: string, prefix = ''): ZipEntry[] {
  const out: ZipEntry[] = [];
  for (const name of readdirSync(dir).sort()) {
    if (name === 'node_modules' || name === '.github') continue;
    const path = join(dir, name);
    const stat = lstatSync(path);
    if (stat.isDirectory()) out.push(...entriesOf(path, `${prefix}${name}/`));
    else if (stat.isFile()) out.push({ name: `${prefix}${name}`, data: readFileSync(path), mode: stat.mode & 0o777 });
  }
  return out;
}

/**
 * Writes the autograder zip: the grading workspace (with the key) under `grader/`, the student kit
 * (the runtime student code runs on) under `runtime/`; both must have their lockfiles.
 */
export function buildGradescopeZip(gradingDir: string, kitDir: string, zipFile: string): { entries: number; bytes: number } {
  const pkg = JSON.parse(readFileSync(join(gradingDir, 'package.json'), 'utf8')) as { packageManager: string };
  const pnpmVersion = pkg.packageManager.replace(/^pnpm@/, '');
  const entries: ZipEntry[] = [
    { name: 'setup.sh', data: Buffer.from(SETUP(process.versions.node, pnpmVersion)), mode: 0o755 },
    { name: 'run_autograder', data: Buffer.from(RUN), mode: 0o755 },
    ...entriesOf(gradingDir, 'grader/'),
    ...entriesOf(kitDir, 'runtime/'),
  ];
  const zip = writeZip(entries);
  writeFileSync(zipFile, zip);
  return { entries: entries.length, bytes: zip.length };
}
