/**
 * For the class-grading tests: separate grading users need, as root, student code that they can read.
 * - A checkout that every user can read (a developer's) is graded as it is.
 * - A private checkout (CI's `mktemp -d` clone, 0700) gets what official grading uses instead: the
 *   answer-free student runtime of the course, built in a temp folder the grading users can reach, with
 *   the checkout as the key they must not read (the probe in grade-class.ts checks both).
 * - Not root (or not Linux): no separate users; the tests say which case they ran.
 */
import { chmodSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Course } from '@convkit/course-config/node';
import type { ClassOptions } from './grade-class.ts';
import { detectIsolation } from './isolation.ts';
import { prepareRuntime, runtimeFiles } from './runtime.ts';

export interface TestIsolation {
  /** Whether student code will run as separate users. */
  isolated: boolean;
  /** What to add to gradeClass's options for that: a runtime and the key's root, or nothing. */
  options: Pick<ClassOptions, 'runtimeDir' | 'keyRoot'>;
}

export async function isolationForTests(course: Course): Promise<TestIsolation> {
  if (detectIsolation().uidFor(0) !== null) return { isolated: true, options: {} };
  if (process.getuid?.() !== 0) return { isolated: false, options: {} };
  const dir = mkdtempSync(join(tmpdir(), 'convkit-test-runtime-'));
  chmodSync(dir, 0o711); // the grading users reach the runtime below, and cannot list what is beside it
  const runtime = await prepareRuntime(course, join(dir, 'runtime'));
  const isolated = detectIsolation(true, runtimeFiles(runtime)).uidFor(0) !== null;
  return { isolated, options: isolated ? { runtimeDir: runtime, keyRoot: course.root } : {} };
}
