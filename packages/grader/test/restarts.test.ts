/**
 * The restart cap of the Node sandbox (the browser's shares its rule: src/sandbox/restarting.ts, and
 * test/browser/sandbox.test.ts checks it there): a child that dies on every call is started again at most
 * maxRestarts times, then every call fails at once instead of paying Node's start-up again.
 */
import { describe, expect, it } from 'vitest';
import { Sandbox } from '../src/sandbox/sandbox.ts';
import { fixture } from './helpers.ts';

describe('Sandbox restarts', () => {
  it('process.exit on every call, maxRestarts=1: two calls run (and crash), the third is not run', async () => {
    const s = new Sandbox({ file: fixture('hostile/process-exit.ts'), tripwires: [], timeLimitMs: 5000, memoryLimitMb: 256, maxRestarts: 1 });
    const results = [];
    for (let i = 0; i < 3; i++) results.push(await s.call('conv2dForward', [], []));
    s.close();
    expect(results.map((r) => r.kind)).toEqual(['crashed', 'crashed', 'crashed']);
    expect(results[0]).toMatchObject({ reason: expect.stringContaining('exited with code 0') });
    expect(results[1]).toMatchObject({ reason: expect.stringContaining('exited with code 0') });
    expect(results[2]).toEqual({ kind: 'crashed', reason: 'not run: the sandbox died 2 times already' });
  }, 60_000);
});
