/**
 * Grades the code in the editor with @convkit/grader/browser: the exercise's recorded checks, the student's
 * code in a fresh Web Worker (ended at the time limit), the other exercises' files as the student keeps them.
 */
import { gradeInBrowser, type BrowserGrade, type TestResult, type WorkerLike } from '@convkit/grader/browser';
import type { KitExercise, KitIndex } from './kit.ts';
import { readWork } from './storage.ts';

export function runTests(
  base: string,
  kit: KitExercise,
  index: KitIndex,
  code: string,
  onTest: (t: TestResult, i: number, n: number) => void,
): Promise<BrowserGrade> {
  if (!kit.recorded) throw new Error(`grade: ${kit.id} has no checks on this site`);
  // the files the student's code may import: the shared ones, every exercise's file as kept here, this one as in the editor
  const files: Record<string, string> = { ...index.shared };
  for (const e of index.exercises) files[e.file] = readWork(base, e.id).code ?? e.stub;
  files[kit.file] = code;
  return gradeInBrowser({
    exercise: kit,
    recorded: kit.recorded,
    files,
    entry: kit.file,
    spawn: () => {
      const worker = new Worker(new URL('./sandbox.worker.ts', import.meta.url), { type: 'module', name: `grader ${kit.id}` });
      const like: WorkerLike = { postMessage: (m) => worker.postMessage(m), terminate: () => worker.terminate(), onmessage: null, onerror: null };
      worker.onmessage = (event) => like.onmessage?.({ data: event.data });
      worker.onerror = (event) => {
        event.preventDefault();
        like.onerror?.({ message: event.message });
      };
      return like;
    },
    onEvent: (event) => {
      if (event.type === 'test') onTest(event.test, event.index, event.total);
    },
  });
}
