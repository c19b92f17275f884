import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { describe, expect, it } from 'vitest';
import { commandLineError, parseCommandLine } from './command-line.ts';

const options = { out: { type: 'string' }, quick: { type: 'boolean' } } as const;
const errorOf = (args: string[]): unknown => {
  try {
    parseArgs({ args, options, strict: true });
  } catch (error) {
    return error;
  }
  throw new Error('expected parseArgs to throw');
};

describe('commandLineError', () => {
  it('one line naming the command and the option', () => {
    expect(commandLineError('pnpm bench', errorOf(['--quik']))).toBe("pnpm bench: unknown option '--quik'");
    expect(commandLineError('pnpm bench', errorOf(['--out']))).toBe("pnpm bench: option '--out <value>' argument missing");
    expect(commandLineError('pnpm bench', errorOf(['now']))).toBe("pnpm bench: unexpected argument 'now'");
    expect(commandLineError('x', new Error('bad --runs'))).toBe('x: bad --runs');
  });
});

describe('parseCommandLine', () => {
  it('returns the parsed values of good arguments', () => {
    expect(parseCommandLine('t', { options }, ['--out', 'dir', '--quick']).values).toEqual({ out: 'dir', quick: true });
  });
  it('a leading -- (pnpm <script> -- --flag) only separates: the options after it are parsed', () => {
    expect(parseCommandLine('t', { options }, ['--', '--out', 'dir']).values).toEqual({ out: 'dir' });
  });
  it('an unknown option: the one-line error and --help pointer on stderr, exit code 2', () => {
    const dir = mkdtempSync(join(tmpdir(), 'convkit-cli-'));
    const file = join(dir, 'demo.mts');
    writeFileSync(
      file,
      `import { parseCommandLine } from ${JSON.stringify(new URL('./command-line.ts', import.meta.url).href)};
parseCommandLine('pnpm demo', { options: { help: { type: 'boolean' } } });
console.log('not reached');\n`,
    );
    const r = spawnSync(process.execPath, ['--import', 'tsx', file, '--nope'], { encoding: 'utf8' });
    rmSync(dir, { recursive: true, force: true });
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe("pnpm demo: unknown option '--nope'\nRun pnpm demo --help for the options.\n");
  }, 30_000);
});

describe('runCommandLine', () => {
  const runScript = (body: string, args: string[] = []) => {
    const dir = mkdtempSync(join(tmpdir(), 'convkit-cli-'));
    const file = join(dir, 'demo.mts');
    writeFileSync(
      file,
      `import { runCommandLine, UsageError } from ${JSON.stringify(new URL('./command-line.ts', import.meta.url).href)};
class ConfigError extends Error {}
runCommandLine('pnpm demo', async (argv) => { ${body} }, { explain: (e) => (e instanceof ConfigError ? 'course.config.ts: bad' : null) });\n`,
    );
    const r = spawnSync(process.execPath, ['--import', 'tsx', file, ...args], { encoding: 'utf8' });
    rmSync(dir, { recursive: true, force: true });
    return r;
  };
  it('returns the exit code the command returns; a leading -- is dropped', () => {
    const r = runScript("console.log(argv.join(' ')); return 4;", ['--', '--x', 'y']);
    expect(r.status).toBe(4);
    expect(r.stdout).toBe('--x y\n');
  }, 30_000);
  it('a UsageError: its whole message (two sentences) and the --help pointer, exit 2', () => {
    const r = runScript('throw new UsageError(\'unknown exercise "99". The exercises are: 01, 02\');');
    expect(r.status).toBe(2);
    expect(r.stderr).toBe('pnpm demo: unknown exercise "99". The exercises are: 01, 02\nRun pnpm demo --help for the options.\n');
  }, 30_000);
  it('an error explain() knows: its message alone, exit 1; any other: an internal error with its stack, exit 3', () => {
    const known = runScript('throw new ConfigError();');
    expect([known.status, known.stderr]).toEqual([1, 'course.config.ts: bad\n']);
    const bug = runScript("throw new TypeError('x is undefined');");
    expect(bug.status).toBe(3);
    expect(bug.stderr).toMatch(/^pnpm demo: internal error: TypeError: x is undefined\n\s+at /);
  }, 30_000);
});
