/**
 * The training progress line: epoch, batch, loss, accuracy and images/s.
 * On a terminal it redraws in place (`\r`); in a log (not a TTY, or TERM=dumb)
 * it prints a plain line every few seconds instead, so CI logs stay readable.
 * Colour and redrawing follow the kit's terminal rules (terminal.ts: NO_COLOR,
 * FORCE_COLOR, TERM=dumb, TTY).
 */
import { canRedraw, painter, useColor, type Paint, type TerminalEnv, type TerminalStream } from './terminal.ts';

export interface Progress {
  epoch: number;
  epochs: number;
  batch: number;
  batches: number;
  loss: number;
  accuracy: number;
  imagesPerSecond: number;
}

export interface Output extends TerminalStream {
  write(text: string): unknown;
}

const WIDTH = 24;

export class ProgressBar {
  private readonly tty: boolean;
  private readonly paint: Paint;
  private lastPlain = -Infinity;

  constructor(
    private readonly out: Output,
    env: TerminalEnv = {},
    private readonly plainEveryMs = 5000,
  ) {
    this.tty = canRedraw(out, env);
    this.paint = painter(useColor(out, env));
  }

  update(p: Progress, now = Date.now()): void {
    const last = p.batch + 1 === p.batches;
    if (this.tty) {
      this.out.write(`\r${this.format(p)}\x1b[K${last ? '\n' : ''}`);
    } else if (last || now - this.lastPlain >= this.plainEveryMs) {
      this.lastPlain = now;
      this.out.write(`${this.format(p)}\n`);
    }
  }

  format(p: Progress): string {
    const done = Math.round((WIDTH * (p.batch + 1)) / p.batches);
    const bar = '█'.repeat(done) + '░'.repeat(WIDTH - done);
    const count = `${String(p.batch + 1).padStart(String(p.batches).length)}/${p.batches}`;
    const acc = `${(100 * p.accuracy).toFixed(1)}%`;
    return [
      `epoch ${p.epoch + 1}/${p.epochs}`,
      this.paint('cyan', bar),
      `batch ${count}`,
      `loss ${p.loss.toFixed(4)}`,
      `acc ${this.paint('green', acc)}`,
      `${p.imagesPerSecond.toFixed(0)} img/s`,
    ].join('  ');
  }
}
