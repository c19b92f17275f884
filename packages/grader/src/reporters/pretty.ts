/**
 * The terminal reporter: a live progress line (on a terminal only), one block per exercise as it
 * finishes, and a summary that points to the next exercise. Colour and the live line follow the kit's
 * terminal rules (@convkit/engine/node: a TTY, NO_COLOR, FORCE_COLOR, TERM=dumb).
 */
import type { Writable } from 'node:stream';
import { canRedraw, painter, useColor, type Paint, type TextStyle } from '@convkit/engine/node';
import { exercises } from '@convkit/course-config/node';
import type { ExerciseResult, GradeReport, Status, TestResult } from '../report.ts';
import type { GradeEvent } from '../run.ts';

export interface PrettyOptions {
  /** Where to write (process.stdout by default). */
  stream?: Writable & { isTTY?: boolean };
  /** Force colour on or off; by default the kit's terminal rules decide (see useColor). */
  color?: boolean;
  /** Show every test of exercises that passed too. */
  verbose?: boolean;
}

export { useColor };

const SYMBOL: Record<Status, string> = { passed: '✓', failed: '✗', 'not-started': '·', error: '!', timeout: '⏱' };
const COLOR: Record<Status, TextStyle> = { passed: 'green', failed: 'red', 'not-started': 'gray', error: 'magenta', timeout: 'yellow' };
const LABEL: Record<Status, string> = { passed: 'passed', failed: 'failed', 'not-started': 'not started', error: 'error', timeout: 'timed out' };

export class PrettyReporter {
  private readonly stream: Writable & { isTTY?: boolean };
  private readonly paint: Paint;
  private readonly live: boolean;
  private readonly progress = new Map<string, string>();
  private done = 0;
  private total = 0;
  /** Course order of the exercises being graded: blocks wait for the ones before them. */
  private order: string[] = [];
  private readonly finished = new Map<string, ExerciseResult>();

  constructor(private readonly options: PrettyOptions = {}) {
    this.stream = options.stream ?? process.stdout;
    this.paint = painter(options.color ?? useColor(this.stream));
    this.live = canRedraw(this.stream);
  }

  private write(text: string): void {
    if (this.live) this.stream.write('\r\x1b[K');
    this.stream.write(text);
    this.status();
  }

  private status(): void {
    if (!this.live || this.progress.size === 0) return;
    const running = [...this.progress.entries()].map(([id, p]) => `${id} ${p}`).join(' · ');
    this.stream.write(this.paint('gray', `grading ${this.done}/${this.total} done · ${running}`));
  }

  /**
   * Call before grading, with the number of exercises and, to print the blocks in course order
   * whatever order they finish in, their ids in that order.
   */
  start(count: number, heading: string, order: readonly string[] = []): void {
    this.total = count;
    this.order = [...order];
    this.finished.clear();
    this.stream.write(`${this.paint('bold', heading)}\n\n`);
  }

  /** Prints a finished exercise's block once every exercise before it in course order has been printed. */
  private finish(result: ExerciseResult): void {
    if (!this.order.includes(result.id)) {
      this.write(this.exerciseBlock(result));
      return;
    }
    this.finished.set(result.id, result);
    while (this.order.length > 0 && this.finished.has(this.order[0])) {
      const id = this.order.shift()!;
      this.write(this.exerciseBlock(this.finished.get(id)!));
      this.finished.delete(id);
    }
  }

  /** Progress: feed it the grader's events. */
  onEvent = (event: GradeEvent): void => {
    if (event.type === 'exercise-start') this.progress.set(event.exercise.id, `0/${event.tests}`);
    else if (event.type === 'test') this.progress.set(event.exercise.id, `${event.index + 1}/${event.total}`);
    else {
      this.progress.delete(event.result.id);
      this.done++;
      this.finish(event.result);
    }
    if (this.live && event.type !== 'exercise-done') {
      this.stream.write('\r\x1b[K');
      this.status();
    }
  };

  /** One test as the exercise blocks print it: its symbol, name and (unless it passed quietly) its message. */
  testLine(t: TestResult): string {
    const head = `   ${this.paint(COLOR[t.status], SYMBOL[t.status])} ${t.name}`;
    if (t.status === 'passed') {
      const [first, ...rest] = t.message.split('\n');
      const more = rest.map((l) => `\n       ${l}`).join('');
      return `${head}${t.message ? this.paint('gray', ` — ${first}${more}`) : ''}\n`;
    }
    const body = t.message
      .split('\n')
      .map((l) => `       ${l}`)
      .join('\n');
    return `${head}\n${this.paint(COLOR[t.status], body)}\n`;
  }

  exerciseBlock(e: ExerciseResult): string {
    const passedCount = e.tests.filter((t) => t.status === 'passed').length;
    // The count is always of PASSED tests; a status other than passed/failed is said after it.
    const status = e.status === 'passed' || e.status === 'failed' ? '' : ` (${LABEL[e.status]})`;
    const head = `${this.paint(COLOR[e.status], SYMBOL[e.status])} ${this.paint('bold', e.id)}  ${e.title}  ${e.score}/${e.maxScore} · ${passedCount}/${e.tests.length} tests passed${status}\n`;
    // A passed exercise takes one line, plus any test that has something to say (the capstone's accuracy).
    if (e.status === 'passed' && !this.options.verbose)
      return (
        head +
        e.tests
          .filter((t) => t.message)
          .map((t) => this.testLine(t))
          .join('')
      );
    if (e.status === 'not-started') return `${head}   start with exercises/${e.id}/README.md, stuck? pnpm hint ${e.id}\n`;
    return head + e.tests.map((t) => this.testLine(t)).join('') + '\n';
  }

  /** The closing summary: one line per exercise, the total, and what to do next. */
  summary(report: GradeReport): void {
    const lines = ['', this.paint('bold', 'Summary')];
    for (const e of report.exercises) {
      const score = `${e.score.toFixed(2).padStart(6)} / ${String(e.maxScore).padEnd(3)}`;
      lines.push(`  ${this.paint(COLOR[e.status], SYMBOL[e.status])} ${e.id.padEnd(22)} ${score} ${LABEL[e.status]}`);
    }
    lines.push(`  ${'Total'.padEnd(24)} ${report.score.toFixed(2).padStart(6)} / ${report.maxScore}`);
    const next = nextExercise(report);
    if (next) {
      const info = exercises.find((x) => x.id === next.id);
      lines.push(
        '',
        `Next up: ${this.paint('bold', next.id)} — edit exercises/${info?.file ?? next.id}, then run pnpm grade ${next.id} (stuck? pnpm hint ${next.id})`,
      );
    } else if (report.exercises.length > 0) {
      lines.push('', this.paint('green', 'Everything graded here passes.'));
    }
    this.write(`${lines.join('\n')}\n`);
    if (this.live) this.stream.write('\r\x1b[K');
  }
}

/** The first exercise, in teaching order, that does not pass yet. */
export function nextExercise(report: GradeReport): ExerciseResult | undefined {
  return report.exercises.find((e) => e.status !== 'passed');
}
