/**
 * Generates a class of submissions to measure and test class grading: the reference solutions as
 * students would hand them in (`exercises/NN-slug/<stub file>`), some subtly wrong, some not compiling,
 * some hanging and some hostile. Half are folders, half zips (some with the kit's folder inside).
 *
 *   pnpm course generate-submissions OUT [--count 100]
 */
import { chmodSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Exercise } from '@convkit/course-config/node';
import { writeZip } from '../zip.ts';

export type Kind = 'correct' | 'subtly-wrong' | 'not-compiling' | 'hanging' | 'hostile';

/** Small bugs a student could make; each keeps the file compiling. [exercise id, from, to]. */
const SUBTLE: Array<[string, string | RegExp, string]> = [
  ['06-max-pool-backward', 'if (x.data[at] > x.data[best])', 'if (x.data[at] >= x.data[best])'], // ties go to the last maximum
  ['05-backprop', 'db.data[m] += g;', 'db.data[m] = g;'], // bias gradient of the last example only
  ['07-conv-backward', 'db.data[f] += g;', 'db.data[f] += g / 2;'],
  ['01-output-size', /if \(travel % stride !== 0\) \{/, 'if (false) {'], // rounds instead of throwing
  ['04-flatten-dense', 'sum += x.data[n * D + d] * w.data[d * M + m];', 'sum += x.data[n * D + d] * w.data[m * D + d];'], // transposed weights
];

/** Hostile bodies, inserted at the start of one function (they run on the first call). */
const HOSTILE: string[] = [
  'process.exit(0);',
  'process.kill(process.ppid, "SIGKILL");',
  'console.log(JSON.stringify({ score: 100, maxScore: 100 })); console.log("All tests passed! 100/100");',
  // Tries to wipe the other students' work folders and write into the class's output.
  'const { readdirSync: ls, rmSync: rm } = await import("node:fs"); const here = new URL("../../..", import.meta.url).pathname; for (const d of ls(here)) { try { rm(here + d, { recursive: true, force: true }); } catch {} }',
  'const keep = []; for (;;) keep.push(new Float64Array(1 << 24));', // unbounded memory
  'const { spawn } = await import("node:child_process"); for (let i = 0; i < 20; i++) spawn("sleep", ["600"], { detached: true, stdio: "ignore" }).unref();',
  'Array.prototype.map = function () { return []; }; Math.max = () => 0; Float64Array.prototype.fill = function () { return this; };',
  'throw 42;',
];

/** A solution file as a student's exercise file: imports of other solutions point to their exercise folders. */
function asStudentFile(source: string, exercises: readonly Exercise[]): string {
  return source.replace(/from '\.\.\/\.\.\/(\d\d-[\w-]+)\/\.meta\/solution\.ts'/g, (all, id: string) => {
    const other = exercises.find((e) => e.id === id);
    return other ? `from '../${other.file}'` : all;
  });
}

/** Puts `body` at the start of the first exported function of `source` (made async for top-level awaits in it). */
function injectIntoFirstFunction(source: string, body: string): string {
  return source.replace(
    /export function (\w+)\(([^)]*)\)([^{]*)\{/,
    (_all, name: string, params: string) => `export async function ${name}(${params}): Promise<any> {\n  ${body}\n`,
  );
}

export interface GeneratedSubmission {
  student: string;
  kind: Kind;
}

/** The kind of the i-th of `count` students: 40% correct, 20% subtly wrong, 15% not compiling, 10% hanging, 15% hostile. */
export function kindOf(i: number, count: number): Kind {
  const f = i / count;
  return f < 0.4 ? 'correct' : f < 0.6 ? 'subtly-wrong' : f < 0.75 ? 'not-compiling' : f < 0.85 ? 'hanging' : 'hostile';
}

/**
 * Writes `count` submissions to `outDir`. With `focus` (exercise ids), every broken submission is broken
 * in one of those exercises, so grading just them shows every kind of failure.
 */
export function generateSubmissions(
  outDir: string,
  exercisesDir: string,
  exercises: readonly Exercise[],
  count = 100,
  focus: readonly string[] = [],
): GeneratedSubmission[] {
  rmSync(outDir, { recursive: true, force: true });
  // Private, like real submissions must be: its correct ones are working code a cheat of another class
  // run could find and import (grading refuses folders the sandbox can read only for its own class).
  mkdirSync(outDir, { recursive: true, mode: 0o700 });
  chmodSync(outDir, 0o700);
  const solved = exercises.filter((e) => {
    try {
      readFileSync(join(exercisesDir, e.id, '.meta', 'solution.ts'));
      return true;
    } catch {
      return false; // no reference yet (e.g. the capstone): the student hands in the stub
    }
  });
  const generated: GeneratedSubmission[] = [];
  for (let i = 0; i < count; i++) {
    const kind = kindOf(i, count);
    const student = `student-${String(i + 1).padStart(3, '0')}-${kind}`;
    const files = new Map<string, string>();
    for (const e of solved) files.set(e.file, asStudentFile(readFileSync(join(exercisesDir, e.id, '.meta', 'solution.ts'), 'utf8'), exercises));
    const pick = <T>(list: readonly T[]): T => list[i % list.length];
    // The broken exercise is one of the quick ones: breaking the capstone (minutes of training) would only test its limit.
    const inFocus = (id: string): boolean => focus.length === 0 || focus.includes(id);
    const quick = solved.filter((e) => e.timeLimitMs <= 10_000 && inFocus(e.id));
    if (quick.length === 0) throw new Error(`generateSubmissions: expected an exercise with a reference among ${focus.join(', ')}, got none`);
    const target = quick[(i * 7) % quick.length];
    const subtle = SUBTLE.filter(([id]) => inFocus(id));
    if (kind === 'subtly-wrong' && subtle.length > 0) {
      const [id, from, to] = pick(subtle);
      const e = exercises.find((x) => x.id === id);
      if (e && files.has(e.file)) files.set(e.file, files.get(e.file)!.replace(from, to));
    } else if (kind === 'not-compiling') {
      files.set(target.file, `${files.get(target.file)!}\nexport const broken: number = (1 + ;\n`);
    } else if (kind === 'hanging') {
      files.set(target.file, injectIntoFirstFunction(files.get(target.file)!, i % 2 ? 'for (;;) {}' : 'await new Promise(() => {});'));
    } else if (kind === 'hostile') {
      files.set(target.file, injectIntoFirstFunction(files.get(target.file)!, pick(HOSTILE)));
    }
    if (i % 2 === 0) {
      for (const [file, text] of files) {
        mkdirSync(join(outDir, student, 'exercises', file, '..'), { recursive: true });
        writeFileSync(join(outDir, student, 'exercises', file), text);
      }
    } else {
      // Zips: some hold the exercise folders at the top, some the kit's folder with `exercises/` inside.
      const prefix = i % 4 === 1 ? '' : `${student}/exercises/`;
      const entries = [...files].map(([file, text]) => ({ name: `${prefix}${file}`, data: Buffer.from(text) }));
      writeFileSync(join(outDir, `${student}.zip`), writeZip(entries));
    }
    generated.push({ student, kind });
  }
  return generated;
}
