/**
 * Colour and redrawing in a terminal: one set of rules for every command of the kit (`pnpm train`'s
 * progress bar, `pnpm grade`'s reporter, class grading), with Node's own `util.styleText` for the
 * escape codes. In order, as Node decides for its own output:
 *  1. FORCE_COLOR set: colour, unless it is `0` or `false` (then none), wherever the output goes;
 *  2. NO_COLOR set and not empty (https://no-color.org): no colour;
 *  3. TERM=dumb: no colour, and no redrawing in place (a dumb terminal has no cursor codes);
 *  4. not a TTY (a pipe, a file, a CI log): no colour, no redrawing;
 *  5. a TTY: colour when the terminal has colours (`stream.hasColors()`).
 */
import { styleText } from 'node:util';

/** An output stream as far as these rules look at it: process.stdout, process.stderr, or a test's fake. */
export interface TerminalStream {
  isTTY?: boolean;
  /** tty.WriteStream's: whether the terminal shows colours, given the environment. */
  hasColors?: (env?: object) => boolean;
}

/** The environment read (process.env by default). */
export type TerminalEnv = Readonly<Record<string, string | undefined>>;

/** Whether output to `stream` should be coloured (see the rules above). */
export function useColor(stream: TerminalStream, env: TerminalEnv = process.env): boolean {
  const force = env.FORCE_COLOR;
  if (force !== undefined) return force !== '0' && force !== 'false';
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  if (env.TERM === 'dumb') return false;
  if (stream.isTTY !== true) return false;
  return stream.hasColors === undefined ? true : stream.hasColors(env);
}

/** Whether a status line may be redrawn in place (`\r` and erase-line): a TTY that is not TERM=dumb. */
export function canRedraw(stream: TerminalStream, env: TerminalEnv = process.env): boolean {
  return stream.isTTY === true && env.TERM !== 'dumb';
}

/** A style of `util.styleText`: 'green', 'bold', 'gray', … or a list of them. */
export type TextStyle = Parameters<typeof styleText>[0];

/** Styles text, or leaves it as it is. */
export type Paint = (style: TextStyle, text: string) => string;

/**
 * `paint(style, text)` with colour on or off: decide once with {@link useColor}, then paint freely.
 * (The decision is ours, so styleText is told not to second-guess it from process.stdout.)
 */
export function painter(color: boolean): Paint {
  return color ? (style, text) => styleText(style, text, { validateStream: false }) : (_style, text) => text;
}
