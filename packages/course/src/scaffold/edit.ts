/**
 * Small source edits the scaffolders make in files the instructor already has: appending an item to
 * an array or object literal found by the text before it. Brackets are matched outside strings and
 * comments, so `hints: ['[a]']` does not confuse it.
 */
import { UsageError } from '@convkit/engine/node';

/** Index of the bracket closing the one at `open`, skipping strings and comments. */
function closingBracket(source: string, open: number): number {
  const pairs: Record<string, string> = { '[': ']', '{': '}', '(': ')' };
  const stack: string[] = [];
  for (let i = open; i < source.length; i++) {
    const ch = source[i];
    if (ch === '"' || ch === "'" || ch === '`') {
      for (i++; i < source.length && source[i] !== ch; i++) if (source[i] === '\\') i++;
    } else if (ch === '/' && source[i + 1] === '/') i = source.indexOf('\n', i);
    else if (ch === '/' && source[i + 1] === '*') i = source.indexOf('*/', i) < 0 ? -1 : source.indexOf('*/', i) + 1;
    else if (pairs[ch]) stack.push(pairs[ch]);
    else if (ch === stack[stack.length - 1]) {
      stack.pop();
      if (stack.length === 0) return i;
    }
    if (i < 0) break;
  }
  throw new Error(`closingBracket: expected a closing bracket for the one at ${open}, got the end of the file`);
}

/**
 * Appends `item` (source lines, without indentation) as the last element of the literal that starts
 * at the end of, or else first after, the text matched by `anchor`, indented like the literal's elements.
 */
export function appendToLiteral(source: string, anchor: RegExp, item: string, file: string): string {
  const found = anchor.exec(source);
  if (!found) throw new Error(`${file}: expected to find ${anchor}, got no match; add the entry by hand`);
  const from = found.index + found[0].length;
  const open = /[[{]$/.test(found[0]) ? from - 1 : source.slice(from).search(/[[{]/) + from;
  const close = closingBracket(source, open);
  const body = source.slice(open + 1, close);
  const indent = (body.match(/\n([ \t]+)\S/) ?? [])[1] ?? '  ';
  const trimmed = body.replace(/\s*$/, '');
  const comma = trimmed === '' || trimmed.endsWith(',') ? '' : ',';
  const closingIndent = (body.match(/\n([ \t]*)$/) ?? [])[1] ?? '';
  const lines = item
    .split('\n')
    .map((l) => (l === '' ? l : `${indent}${l}`))
    .join('\n');
  return `${source.slice(0, open + 1)}${trimmed}${comma}\n${lines},\n${closingIndent}${source.slice(close)}`;
}

/** `leaky-relu` → `leakyRelu`. */
export const camelCase = (slug: string): string => slug.replace(/-([a-z0-9])/g, (_m, c: string) => c.toUpperCase());
/** `leaky-relu` → `Leaky relu`. */
export const titleCase = (slug: string): string => slug.charAt(0).toUpperCase() + slug.slice(1).replace(/-/g, ' ');

/** Throws unless `slug` is lowercase words joined by dashes. */
export function checkSlug(what: string, slug: string | undefined): string {
  if (slug === undefined || !/^[a-z][a-z0-9]*(-[a-z0-9]+)*$/.test(slug)) {
    throw new UsageError(
      `expected the ${what}'s slug to be lowercase words joined by dashes (leaky-relu), got ${slug === undefined ? 'nothing' : JSON.stringify(slug)}`,
    );
  }
  return slug;
}
