/**
 * How one student's grading is walled off from the others' on a Linux machine where the class grader
 * runs as root (a container, a CI runner): each grading slot has its own unprivileged user id, which
 * runs the student's code (the grader's sandbox switches to it, see CONVKIT_SANDBOX_UID), owns that
 * student's work folder (mode 0700, so other students cannot read or change it) and is cleared of every
 * leftover process when the student is done. When available, `prlimit` caps processes and file sizes
 * and `unshare --net` takes the network away. Without root, or when the kit itself is not readable by
 * other users, all of this is skipped, and each student is still graded in separate processes with the
 * grader's time and memory limits.
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, chownSync, existsSync, lstatSync, mkdirSync, readdirSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * First user id of the grading slots; unassigned on usual systems. A run's slot i uses
 * FIRST_UID + UID_BLOCK·b + i, where b is a block of ids the run claims (claimUidBlock).
 */
export const FIRST_UID = 47000;
export const UID_BLOCK = 64;
const UID_BLOCKS = 16;
/** Where the runs on this machine claim their blocks (isolation is Linux-only, where /tmp always exists). */
const UID_LOCK_DIR = '/tmp/convkit-uid-blocks';

const alive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
};

let claimed: number | null = null;

/**
 * A block of grading user ids that no other class grading run on this machine is using, held by a
 * lock file naming this process (a dead process's block is taken over) and released at exit. Two runs
 * at once (two test files, two courses) would otherwise share user ids, and each run's clean-up after a
 * student (`clear`) would kill the other run's sandboxes. The locks live in /tmp, not $TMPDIR: runs with
 * different temp folders (`pnpm test` gives each run its own) are still on the same machine.
 */
export function claimUidBlock(): number {
  claimed ??= lockUidBlock(UID_LOCK_DIR);
  return claimed;
}

/** Locks the first free block in `dir` for this process (see claimUidBlock); returns its number. */
export function lockUidBlock(dir: string): number {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  for (let b = 0; b < UID_BLOCKS; b++) {
    const lock = join(dir, String(b));
    try {
      writeFileSync(lock, String(process.pid), { flag: 'wx' });
    } catch {
      const holder = Number(readFileSync(lock, 'utf8'));
      if (holder !== process.pid && alive(holder)) continue;
      try {
        unlinkSync(lock); // a dead run's block
        writeFileSync(lock, String(process.pid), { flag: 'wx' });
      } catch {
        continue; // another run took it over first
      }
    }
    process.once('exit', () => {
      try {
        if (readFileSync(lock, 'utf8') === String(process.pid)) unlinkSync(lock);
      } catch {
        /* gone already */
      }
    });
    return b;
  }
  throw new Error(`lockUidBlock: expected a free block of grading user ids in ${dir}, got all ${UID_BLOCKS} held by running processes`);
}

export interface Isolation {
  /** The user id of a slot, or null when not running as root. */
  uidFor(slot: number): number | null;
  /** The command prefix that starts a runner with limits and no network. */
  wrap(command: string, args: string[]): [string, string[]];
  /** Gives the work folder to `uid` (mode 0700). */
  handOver(dir: string, uid: number | null): void;
  /** Kills every process left running as `uid`. */
  clear(uid: number | null): void;
}

const works = (cmd: string, args: string[]): boolean => spawnSync(cmd, args, { stdio: 'ignore' }).status === 0;

function chownTree(path: string, uid: number): void {
  const stat = lstatSync(path);
  if (stat.isSymbolicLink()) return; // the link to the kit's node_modules stays the kit's
  chownSync(path, uid, uid);
  if (stat.isDirectory()) for (const name of readdirSync(path)) chownTree(join(path, name), uid);
}

/** Pids of the processes whose real user id is `uid`. */
function processesOf(uid: number): number[] {
  const pids: number[] = [];
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const line = readFileSync(`/proc/${name}/status`, 'utf8').match(/^Uid:\s+(\d+)/m);
      if (line && Number(line[1]) === uid) pids.push(Number(name));
    } catch {
      /* gone already */
    }
  }
  return pids;
}

/**
 * Files the sandbox must read as the slot's user: Node's tsx loader and the grader's child script.
 * A kit checked out under a private folder (mode 0700, as `mktemp -d` makes) is out of that user's
 * reach, and every student would then fail to load: such a machine grades without separate users.
 */
const kitFiles = [fileURLToPath(import.meta.resolve('tsx')), join(import.meta.dirname, '..', '..', '..', 'grader', 'src', 'sandbox', 'child.ts')];

/** Whether an unprivileged user id can read `files` (the kit's, by default; probed once, by that user). */
export function kitReadableBy(uid: number, files: readonly string[] = kitFiles): boolean {
  const probe = `for (const f of ${JSON.stringify(files)}) require('node:fs').accessSync(f, require('node:fs').constants.R_OK)`;
  return spawnSync(process.execPath, ['-e', probe], { stdio: 'ignore', uid, gid: uid }).status === 0;
}

/**
 * Separate users when root on Linux and the files student code runs with are readable by them:
 * `sandboxFiles`, the student runtime's in official grading (runtime.ts `runtimeFiles`), else the kit's.
 */
export function detectIsolation(enabled = true, sandboxFiles: readonly string[] = kitFiles): Isolation {
  const root = enabled && process.getuid?.() === 0 && existsSync('/proc') && kitReadableBy(FIRST_UID, sandboxFiles);
  const prlimit = root && works('prlimit', ['--nproc=512', 'true']);
  const unshare = root && works('unshare', ['--net', 'true']);
  const base = root ? FIRST_UID + UID_BLOCK * claimUidBlock() : 0;
  return {
    uidFor: (slot) => {
      if (!root) return null;
      if (slot >= UID_BLOCK) throw new Error(`detectIsolation: expected a slot below ${UID_BLOCK}, got ${slot}`);
      return base + slot;
    },
    wrap(command, args) {
      let full: [string, string[]] = [command, args];
      if (unshare) full = ['unshare', ['--net', full[0], ...full[1]]];
      // Per real user id: counts only the slot's processes, and 512 leaves room for Node's threads.
      if (prlimit) full = ['prlimit', ['--nproc=512', `--fsize=${64 * 1024 * 1024}`, full[0], ...full[1]]];
      return full;
    },
    handOver(dir, uid) {
      if (uid === null) return;
      chownTree(dir, uid);
      chmodSync(dir, 0o700);
    },
    clear(uid) {
      if (uid === null) return;
      for (let round = 0; round < 3; round++) {
        const pids = processesOf(uid);
        if (pids.length === 0) return;
        for (const pid of pids) {
          try {
            process.kill(pid, 'SIGKILL');
          } catch {
            /* gone already */
          }
        }
      }
    },
  };
}
