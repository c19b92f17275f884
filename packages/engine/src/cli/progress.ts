/**
 * The training progress line: epoch, batch, loss, accuracy and images/s.
 * On a terminal it redraws in place (`\r`); in a log (not a TTY) it prints a
 * plain line every few seconds instead, so CI logs stay readable. Colour only
 * on a terminal, and never when NO_COLOR is set (https://no-color.org).
 */
export interface Progress {
  epoch: number;
  epochs: number;
  batch: number;
  batches: number;
  loss: number;
  accuracy: number;
  imagesPerSecond: number;
}

export interface Output {
  write(text: string): unknown;
  isTTY?: boolean;
}

const WIDTH = 24;

export class ProgressBar {
  private readonly tty: boolean;
  private readonly color: boolean;
  private lastPlain = -Infinity;

  constructor(private readonly out: Output, env: Record<string, string | undefined> = {}, private readonly plainEveryMs = 5000) {
    this.tty = out.isTTY === true;
    this.color = this.tty && !env.NO_COLOR;
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
      this.paint('36', bar),
      `batch ${count}`,
      `loss ${p.loss.toFixed(4)}`,
      `acc ${this.paint('32', acc)}`,
      `${p.imagesPerSecond.toFixed(0)} img/s`,
    ].join('  ');
  }

  private paint(code: string, text: string): string {
    return this.color ? `\x1b[${code}m${text}\x1b[0m` : text;
  }
}
