/**
 * What the sandbox can observe of a child process from outside, on Linux through /proc: its
 * resident memory and its CPU time; and how to end it together with anything it started.
 */
import type { ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';

/** Resident memory of a process in bytes (0 when unknown: the V8 heap limit still applies). */
export function readRssBytes(pid: number): number {
  try {
    const pages = Number(readFileSync(`/proc/${pid}/statm`, 'utf8').split(' ')[1]);
    return pages * 4096;
  } catch {
    return 0; // not Linux, or the process is gone: the heap limit still applies
  }
}

/** CPU time (user + system, all threads) of a process in ms, or null without /proc. */
export function readCpuMs(pid: number): number | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command name (which may hold spaces) start with field 3; utime and stime are 14 and 15.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const ticks = Number(fields[11]) + Number(fields[12]);
    return Number.isFinite(ticks) ? ticks * 10 : null; // USER_HZ is 100 on Linux
  } catch {
    return null;
  }
}

/** SIGKILL to the child's process group (the child and what it spawned), or to the child alone. */
export function killGroup(child: ChildProcess): void {
  if (child.pid === undefined) return;
  try {
    process.kill(-child.pid, 'SIGKILL');
  } catch {
    child.kill('SIGKILL'); // the group is gone already, or this OS has no process groups
  }
}
