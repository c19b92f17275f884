/**
 * Ending `pnpm grade` ends everything it started. Ctrl+C, SIGTERM and SIGHUP close every sandbox
 * process (their whole process groups) before the grader exits; and since pnpm passes a SIGTERM to
 * its direct child only, the grader also ends itself when its parent goes away (it becomes an orphan).
 */
import { closeAllSandboxes } from './sandbox/sandbox.ts';

const CODES: Partial<Record<NodeJS.Signals, number>> = { SIGINT: 130, SIGTERM: 143, SIGHUP: 129 };

let installed = false;
const onExits: (() => void)[] = [];

/** Installs the handlers (once); each `onExit` given runs before the end (stop watchers, say goodbye). */
export function endWithParent(onExit?: () => void): void {
  if (onExit) onExits.push(onExit);
  if (installed) return;
  installed = true;
  const end = (code: number): void => {
    try {
      for (const f of onExits.splice(0)) f();
    } finally {
      closeAllSandboxes();
      process.exit(code);
    }
  };
  for (const [signal, code] of Object.entries(CODES) as [NodeJS.Signals, number][]) process.on(signal, () => end(code));
  const parent = process.ppid;
  // Polling is the only portable way to notice that the parent died (Linux's PR_SET_PDEATHSIG is not exposed).
  const timer = setInterval(() => {
    if (process.ppid !== parent) end(143);
  }, 250);
  timer.unref();
}
