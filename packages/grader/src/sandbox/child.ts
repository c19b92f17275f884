/**
 * The sandbox process: loads ONE student module and runs the calls the grader sends, one at a time.
 * It never sees an expected value, only inputs. Everything it needs from the global environment is
 * captured before student code loads, so a student who patches `Array.prototype`, `Math` or typed
 * arrays can break their own results but not the way results are described to the grader.
 */
import { register } from 'node:module';
import { pathToFileURL } from 'node:url';
import type { ChildConfig, FromChild, ToChild } from './protocol.ts';
import { callRunner } from './call.ts';
import { guardedModules } from './fast-paths.ts';
import { guardRequire } from './require-guard.ts';

// --- primordials, captured before any student code runs ---
const send = process.send!.bind(process) as (message: FromChild) => boolean;
const onMessage = process.on.bind(process);
const exit = process.exit.bind(process);
const { keys } = Object;
// When the grader goes away (it finished, or crashed), so does the sandbox.
process.on('disconnect', () => exit(0));

const config = JSON.parse(process.argv[2]) as ChildConfig;
const tripwireUrl = new URL('./tripwire.ts', import.meta.url).href;
// The engine graded code gets is the one `@convkit/engine` resolves to from here (in official grading,
// the student kit's): its source folder is the tripwires' scope, and its kernel registry (read through
// fast-paths.ts, plain data that loads none of the engine's code) says which of its modules to wrap.
const engineDir = new URL('.', import.meta.resolve('@convkit/engine')).href;
register(new URL('./hooks.mjs', import.meta.url), {
  data: { modules: guardedModules(config.tripwires), engineDir, tripwireUrl },
});

// Imported only now, so that they see the tripwired engine exactly as the student does.
const engine = await import('@convkit/engine');
const { Tensor } = engine;
const { takeViolations } = (await import(tripwireUrl)) as typeof import('./tripwire.ts');
guardRequire(engineDir, engine);

const { describeThrown, runCall } = callRunner(Tensor, takeViolations);

let student: Record<string, unknown>;
try {
  student = (await import(pathToFileURL(config.file).href)) as Record<string, unknown>;
} catch (error) {
  send({ type: 'load-error', error: describeThrown(error), violations: takeViolations() });
  process.exitCode = 0;
  await new Promise(() => {}); // stay alive until the grader ends us; it has what it needs
  throw error;
}
send({ type: 'ready', exports: keys(student) });

onMessage('message', async (raw: unknown) => {
  const message = raw as ToChild;
  if (message.type !== 'call') return;
  // `await`, not `.then`: a patched Promise.prototype.then cannot intercept it.
  const outcome = await runCall(student, message);
  send({ type: 'result', id: message.id, outcome });
});
