import { describe, expect, it } from 'vitest';
import { parseTrainArgs } from './args.ts';
import { ProgressBar, type Progress } from './progress.ts';
import { formatConfusionMatrix } from './report.ts';

const p: Progress = { epoch: 0, epochs: 3, batch: 4, batches: 10, loss: 0.25, accuracy: 0.9, imagesPerSecond: 812.4 };

function sink(isTTY: boolean) {
  const chunks: string[] = [];
  return { chunks, out: { isTTY, write: (s: string) => chunks.push(s) } };
}

describe('train CLI flags', () => {
  it('defaults and parsed values', () => {
    expect(parseTrainArgs([])).toMatchObject({ epochs: 10, batchSize: 32, lr: 2e-3, lrDecay: 0.85, shift: 1, seed: 1, limit: undefined });
    expect(parseTrainArgs(['--epochs', '2', '--batch-size', '64', '--lr', '0.01', '--limit', '500', '--save', 'w.json'])).toMatchObject({
      epochs: 2,
      batchSize: 64,
      lr: 0.01,
      limit: 500,
      save: 'w.json',
    });
  });
  it('rejects bad values with the flag named', () => {
    expect(() => parseTrainArgs(['--epochs', '0'])).toThrow('expected --epochs to be an integer ≥ 1, got 0');
    expect(() => parseTrainArgs(['--lr', 'fast'])).toThrow('expected --lr to be a number > 0, got fast');
    expect(() => parseTrainArgs(['--lr-decay', '1.5'])).toThrow('expected --lr-decay to be a number in (0, 1], got 1.5');
    expect(() => parseTrainArgs(['--shift=-1'])).toThrow('expected --shift to be an integer ≥ 0, got -1');
    expect(() => parseTrainArgs(['--batchsize', '3'])).toThrow(/batchsize/);
  });
});

describe('ProgressBar', () => {
  it('on a TTY redraws in place with \\r and colours unless NO_COLOR', () => {
    const tty = sink(true);
    new ProgressBar(tty.out, {}).update(p);
    expect(tty.chunks[0].startsWith('\r')).toBe(true);
    expect(tty.chunks[0]).toContain('\x1b[32m90.0%\x1b[39m');
    const plain = sink(true);
    new ProgressBar(plain.out, { NO_COLOR: '1' }).update(p);
    expect(plain.chunks[0]).not.toContain('\x1b[32m');
    expect(plain.chunks[0].startsWith('\r')).toBe(true);
    expect(plain.chunks[0]).toContain('epoch 1/3  ████████████░░░░░░░░░░░░  batch  5/10  loss 0.2500  acc 90.0%  812 img/s');
  });
  it('with TERM=dumb on a TTY prints plain lines, without colour or cursor codes', () => {
    const dumb = sink(true);
    new ProgressBar(dumb.out, { TERM: 'dumb' }).update({ ...p, batch: 9 });
    expect(dumb.chunks).toEqual(['epoch 1/3  ████████████████████████  batch 10/10  loss 0.2500  acc 90.0%  812 img/s\n']);
  });
  it('in a log prints plain lines at most every 5 s, and always the last batch of an epoch', () => {
    const log = sink(false);
    const bar = new ProgressBar(log.out, {});
    bar.update(p, 0);
    bar.update({ ...p, batch: 5 }, 1000);
    bar.update({ ...p, batch: 6 }, 6000);
    bar.update({ ...p, batch: 9 }, 6500);
    expect(log.chunks.map((c) => c.match(/batch\s+(\d+)/)![1])).toEqual(['5', '7', '10']);
    expect(log.chunks.every((c) => !c.includes('\r') && !c.includes('\x1b') && c.endsWith('\n'))).toBe(true);
  });
});

describe('formatConfusionMatrix', () => {
  it('labels rows as true digits and columns as predictions', () => {
    // biome-ignore format: a tensor literal, kept on one line
    expect(formatConfusionMatrix([[5, 1], [0, 12]])).toBe(['true\\pred   0   1', '        0   5   1', '        1   0  12'].join('\n'));
  });
});
