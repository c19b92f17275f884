import { describe, expect, it } from 'vitest';
import { canRedraw, painter, useColor } from './terminal.ts';

const tty = { isTTY: true };
const pipe = { isTTY: false };

describe('useColor(stream, env)', () => {
  it('a TTY with an empty environment: colour', () => {
    expect(useColor(tty, {})).toBe(true);
  });
  it('not a TTY (a pipe, a file, a CI log): no colour', () => {
    expect(useColor(pipe, {})).toBe(false);
    expect(useColor({}, {})).toBe(false);
  });
  it('NO_COLOR set and not empty: no colour, even on a TTY; NO_COLOR= (empty) does not count', () => {
    expect(useColor(tty, { NO_COLOR: '1' })).toBe(false);
    expect(useColor(tty, { NO_COLOR: 'yes' })).toBe(false);
    expect(useColor(tty, { NO_COLOR: '' })).toBe(true);
  });
  it('TERM=dumb: no colour, even on a TTY', () => {
    expect(useColor(tty, { TERM: 'dumb' })).toBe(false);
    expect(useColor(tty, { TERM: 'xterm-256color' })).toBe(true);
  });
  it('FORCE_COLOR wins over all of them, as in Node; FORCE_COLOR=0 or false turns colour off', () => {
    expect(useColor(pipe, { FORCE_COLOR: '1' })).toBe(true);
    expect(useColor(pipe, { FORCE_COLOR: '' })).toBe(true);
    expect(useColor(tty, { FORCE_COLOR: '1', NO_COLOR: '1', TERM: 'dumb' })).toBe(true);
    expect(useColor(tty, { FORCE_COLOR: '0' })).toBe(false);
    expect(useColor(tty, { FORCE_COLOR: 'false' })).toBe(false);
  });
  it('a TTY whose terminal has no colours (hasColors() false): no colour; it is asked with the same env', () => {
    const seen: unknown[] = [];
    expect(useColor({ isTTY: true, hasColors: (env) => (seen.push(env), false) }, { TERM: 'vt100' })).toBe(false);
    expect(seen).toEqual([{ TERM: 'vt100' }]);
  });
});

describe('canRedraw(stream, env)', () => {
  it('only on a TTY that is not TERM=dumb (colour settings do not matter)', () => {
    expect(canRedraw(tty, {})).toBe(true);
    expect(canRedraw(tty, { NO_COLOR: '1' })).toBe(true);
    expect(canRedraw(tty, { TERM: 'dumb' })).toBe(false);
    expect(canRedraw(pipe, { FORCE_COLOR: '1' })).toBe(false);
  });
});

describe('painter(color)', () => {
  it('on: the ANSI codes of util.styleText (green is 32 … 39, bold 1 … 22), whatever process.stdout is', () => {
    const paint = painter(true);
    expect(paint('green', 'ok')).toBe('\x1b[32mok\x1b[39m');
    expect(paint('bold', 'x')).toBe('\x1b[1mx\x1b[22m');
  });
  it('off: the text unchanged', () => {
    expect(painter(false)('green', 'ok')).toBe('ok');
  });
});
