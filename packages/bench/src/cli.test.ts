import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const main = fileURLToPath(new URL('./main.ts', import.meta.url));
const bench = (...args: string[]) => spawnSync(process.execPath, ['--import', 'tsx', main, ...args], { encoding: 'utf8' });

describe('pnpm bench arguments (node:util parseArgs)', () => {
  it('an unknown option: one line that names it, the --help pointer, exit 2, nothing run', () => {
    const r = bench('--quik');
    expect(r.status).toBe(2);
    expect(r.stderr).toBe("pnpm bench: unknown option '--quik'\nRun pnpm bench --help for the options.\n");
    expect(r.stdout).toBe('');
  }, 30_000);
  it('-h prints the usage and exits 0 (other bad arguments: engine/src/cli/command-line.test.ts)', () => {
    const r = bench('-h');
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^Usage: pnpm bench \[options\]\n[\s\S]*--no-browser/);
  }, 30_000);
});
