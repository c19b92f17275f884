/**
 * A small YAML writer for the Classroom workflow: block mappings and sequences, numbers and booleans
 * as they are, strings either plain (only when nothing in them can change their meaning), as JSON
 * strings (valid YAML double-quoted scalars) or, when they span lines, as literal block scalars (`|`).
 * The workflow is built as a plain object and written with this, so what the tests check on the object
 * is what GitHub reads.
 */

export type YamlValue = string | number | boolean | null | YamlValue[] | { [key: string]: YamlValue | undefined };

/** Words that YAML 1.1 (which GitHub's and many other parsers still honour) reads as booleans or null. */
const RESERVED = /^(true|false|yes|no|y|n|on|off|null|~)$/i;

const plainKey = (key: string): boolean => /^[A-Za-z_][A-Za-z0-9_-]*$/.test(key) && !RESERVED.test(key);
/** Plain scalars: letters first, then letters, digits, spaces and `_ . / @ -` (no `: `, no `#`, no quotes). */
const plainString = (s: string): boolean => /^[A-Za-z_][A-Za-z0-9_ ./@-]*$/.test(s) && !/ $/.test(s) && !RESERVED.test(s);

function scalar(value: string | number | boolean | null): string {
  if (value === null) return 'null';
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new Error(`toYaml: expected a finite number, got ${value}`);
    return String(value);
  }
  if (typeof value === 'boolean') return String(value);
  return plainString(value) ? value : JSON.stringify(value);
}

const isScalar = (v: YamlValue): v is string | number | boolean | null => v === null || typeof v !== 'object';
const isMultiline = (v: YamlValue): v is string => typeof v === 'string' && v.includes('\n');

function blockScalar(text: string, indent: string): string {
  if (/^[ \t]/.test(text)) throw new Error('toYaml: a multi-line string must not start with white space');
  if (/[ \t]\n|\t/.test(text)) throw new Error('toYaml: a multi-line string must have no tabs and no trailing white space');
  const chomp = text.endsWith('\n') ? '' : '-';
  const body = text.endsWith('\n') ? text.slice(0, -1) : text;
  return `|${chomp}\n${body
    .split('\n')
    .map((line) => (line === '' ? '' : indent + line))
    .join('\n')}`;
}

/** `key: value` lines (or `- item` lines) at `indent`, each ending with a newline. */
function lines(value: YamlValue, indent: string): string {
  if (Array.isArray(value)) {
    if (value.length === 0) throw new Error('toYaml: empty sequences are not written (use a flow value instead)');
    return value
      .map((item) => {
        if (isMultiline(item)) return `${indent}- ${blockScalar(item, `${indent}  `)}\n`;
        if (isScalar(item)) return `${indent}- ${scalar(item)}\n`;
        // The first line of a nested block goes on the dash's line.
        const nested = lines(item, `${indent}  `);
        return `${indent}- ${nested.slice(indent.length + 2)}`;
      })
      .join('');
  }
  if (isScalar(value)) throw new Error('toYaml: expected a mapping or a sequence at the top of a block');
  const entries = Object.entries(value).filter((e): e is [string, YamlValue] => e[1] !== undefined);
  if (entries.length === 0) throw new Error('toYaml: empty mappings are not written');
  return entries
    .map(([key, v]) => {
      const k = plainKey(key) ? key : JSON.stringify(key);
      if (isMultiline(v)) return `${indent}${k}: ${blockScalar(v, `${indent}  `)}\n`;
      if (isScalar(v)) return `${indent}${k}: ${scalar(v)}\n`;
      return `${indent}${k}:\n${lines(v, `${indent}  `)}`;
    })
    .join('');
}

/** The YAML text of a mapping, ending with a newline. */
export function toYaml(value: { [key: string]: YamlValue | undefined }): string {
  return lines(value, '');
}
