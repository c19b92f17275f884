/**
 * The in-browser workbench under an exercise's instructions: an editor preloaded with the stub (or the code
 * kept in this browser), Run tests, Hint, Reset, Download, and export / import of all work. The grade is
 * computed in this page from the exercise's recorded expected outputs, the code running in a Web Worker
 * that is ended at the time limit. The editor (CodeMirror) and the grader load only when this mounts, so
 * chapter pages never pay for them. Nothing leaves the page: the kit comes from this site, work stays in
 * localStorage.
 */
import React, { useCallback, useEffect, useRef, useState, type ReactNode } from 'react';
import useBaseUrl from '@docusaurus/useBaseUrl';
import type { BrowserGrade, ExerciseResult } from '@convkit/grader/browser';
import { kitExercise, kitIndex, type KitExercise, type KitIndex } from './kit.ts';
import { download, exportWork, importWork, readWork, writeWork } from './storage.ts';
import { Report } from './Report.tsx';
import type { Editor } from './editor.ts';
import './workbench.css';

type Run =
  | { kind: 'idle' }
  | { kind: 'running'; partial: ExerciseResult; total: number }
  | { kind: 'done'; grade: BrowserGrade }
  | { kind: 'failed'; error: string };

export function Workbench({ id }: { id: string }): ReactNode {
  const base = useBaseUrl('/');
  const host = useRef<HTMLDivElement>(null);
  const editor = useRef<Editor | null>(null);
  const [kit, setKit] = useState<{ exercise: KitExercise; index: KitIndex } | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [run, setRun] = useState<Run>({ kind: 'idle' });
  const [hints, setHints] = useState(0);
  const [notice, setNotice] = useState<string | null>(null);

  useEffect(() => {
    let alive = true;
    Promise.all([kitExercise(base, id), kitIndex(base), import('./editor.ts')])
      .then(([exercise, index, { createEditor }]) => {
        if (!alive || !host.current) return;
        const work = readWork(base, id);
        setHints(Math.min(work.hints ?? 0, exercise.hints.length));
        editor.current = createEditor(
          host.current,
          work.code ?? exercise.stub,
          (code) => writeWork(base, id, { code }),
          () => document.getElementById('convkit-run')?.click(),
        );
        setKit({ exercise, index });
      })
      .catch((error: unknown) => alive && setLoadError(error instanceof Error ? error.message : String(error)));
    return () => {
      alive = false;
      editor.current?.destroy();
      editor.current = null;
    };
  }, [base, id]);

  const runTests = useCallback(async () => {
    if (!kit || !editor.current || run.kind === 'running') return;
    const { exercise, index } = kit;
    const code = editor.current.getCode();
    writeWork(base, id, { code });
    const empty: ExerciseResult = { id, title: exercise.title, score: 0, maxScore: exercise.points, status: 'not-started', tests: [] };
    setRun({ kind: 'running', partial: empty, total: exercise.recorded?.tests.length ?? 0 });
    try {
      const { runTests: grade } = await import('./grading.ts');
      const result = await grade(base, exercise, index, code, (t, _i, n) =>
        setRun((r) => (r.kind === 'running' ? { kind: 'running', partial: { ...r.partial, tests: [...r.partial.tests, t] }, total: n } : r)),
      );
      writeWork(base, id, { status: result.result.status === 'passed' ? 'passed' : 'failing', score: `${result.result.score}/${result.result.maxScore}` });
      setRun({ kind: 'done', grade: result });
    } catch (error) {
      setRun({ kind: 'failed', error: error instanceof Error ? error.message : String(error) });
    }
  }, [base, id, kit, run.kind]);

  const showHint = (): void => {
    if (!kit) return;
    const next = Math.min(hints + 1, kit.exercise.hints.length);
    setHints(next);
    writeWork(base, id, { hints: next });
  };

  const reset = (): void => {
    if (!kit || !editor.current) return;
    if (!window.confirm('Replace your code with the stub? (Download it first to keep a copy.)')) return;
    editor.current.setCode(kit.exercise.stub);
    writeWork(base, id, { code: kit.exercise.stub, status: undefined, score: undefined });
    setRun({ kind: 'idle' });
  };

  const fileName = kit ? kit.exercise.file.slice(kit.exercise.file.lastIndexOf('/') + 1) : '';
  const ids = kit ? kit.index.exercises.map((e) => e.id) : [];

  const importFile = async (file: File | undefined): Promise<void> => {
    if (!file || !kit || !editor.current) return;
    try {
      const imported = importWork(base, ids, await file.text());
      const mine = readWork(base, id);
      if (imported.includes(id)) editor.current.setCode(mine.code ?? kit.exercise.stub);
      setNotice(`imported the work of ${imported.length} exercise(s)${imported.length ? `: ${imported.join(', ')}` : ''}`);
    } catch (error) {
      setNotice(error instanceof Error ? error.message : String(error));
    }
  };

  // recorded checks the browser can run (the capstone's training runs only under pnpm grade)
  const graded = kit === null || (kit.exercise.recorded?.tests.some((t) => t.kind !== 'capstone') ?? false);
  return (
    <section className="convkit-workbench" data-exercise={id} aria-label="solve this exercise in the browser">
      <h2 id="solve-in-the-browser">Solve it in the browser</h2>
      <p className="convkit-quiet">
        Write <code>{kit?.exercise.file ? `exercises/${kit.exercise.file}` : 'the stub'}</code> here and run the tests in this page; your code stays in this
        browser. This is practice:{' '}
        <b>
          official marks come from <code>pnpm grade</code> or your course&apos;s autograder
        </b>
        , which run more cases. Download the file to drop it into <code>exercises/{id}/</code>. In the editor, Tab indents; press Escape then Tab to move on,
        and Ctrl+Enter (⌘+Enter) runs the tests.
      </p>
      {loadError && <p className="convkit-error">The editor could not load: {loadError}</p>}
      <div className="convkit-toolbar">
        <button
          id="convkit-run"
          type="button"
          className="button button--primary"
          disabled={!kit || !graded || run.kind === 'running'}
          onClick={() => void runTests()}
        >
          {run.kind === 'running' ? 'Running…' : 'Run tests'}
        </button>
        <button type="button" className="button button--secondary" disabled={!kit || hints >= (kit?.exercise.hints.length ?? 0)} onClick={showHint}>
          Hint{kit ? ` (${hints}/${kit.exercise.hints.length})` : ''}
        </button>
        <button type="button" className="button button--secondary" disabled={!kit} onClick={reset}>
          Reset
        </button>
        <button
          type="button"
          className="button button--secondary"
          disabled={!kit}
          onClick={() => editor.current && download(fileName, editor.current.getCode(), 'text/typescript')}
        >
          Download {fileName}
        </button>
        <span className="convkit-spacer" />
        <button
          type="button"
          className="button button--link"
          disabled={!kit}
          onClick={() => download('convkit-work.json', JSON.stringify(exportWork(base, ids), null, 2), 'application/json')}
        >
          Export all work
        </button>
        <label className="button button--link">
          Import work
          <input
            type="file"
            accept=".json,application/json"
            className="convkit-visually-hidden"
            disabled={!kit}
            onChange={(e) => void importFile(e.target.files?.[0])}
          />
        </label>
      </div>
      {notice && (
        <p className="convkit-quiet" role="status">
          {notice}
        </p>
      )}
      <div ref={host} className="convkit-editor">
        {!kit && !loadError && <p className="convkit-quiet">loading the editor…</p>}
      </div>
      {kit && !graded && (
        <p className="convkit-hidden-tests">
          {kit.exercise.recorded === null
            ? 'The tests of this exercise are hidden in this course: your instructor grades it. Download your file and hand it in as the course says.'
            : "The tests of this exercise run only with pnpm grade (it trains a network on MNIST under the grader's limits). Download your file and grade it in your copy of the course."}
        </p>
      )}
      {hints > 0 && kit && (
        <ol className="convkit-hints">
          {kit.exercise.hints.slice(0, hints).map((h, i) => (
            <li key={i}>{h}</li>
          ))}
        </ol>
      )}
      {run.kind === 'running' && <Report result={run.partial} notRun={[]} running={{ done: run.partial.tests.length, total: run.total }} />}
      {run.kind === 'done' && <Report result={run.grade.result} notRun={run.grade.notRun} />}
      {run.kind === 'failed' && <p className="convkit-error">The grader could not run: {run.error}</p>}
    </section>
  );
}
