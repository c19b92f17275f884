/** Reading the instructor's CSV files (rosters, timestamps, overrides): RFC 4180, a header row, any line ending. */

/** The rows of `text` as arrays of cells (quoted cells may hold commas, quotes and line breaks). */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  const s = text.replace(/^\uFEFF/, ''); // the byte-order mark Excel writes
  const first = s.split(/\r?\n/, 1)[0];
  const sep = !first.includes(',') && first.includes(';') ? ';' : ','; // a European Excel's CSV
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (quoted) {
      if (c === '"' && s[i + 1] === '"') (cell += '"'), i++;
      else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"' && cell === '') quoted = true;
    else if (c === sep) row.push(cell), (cell = '');
    else if (c === '\n' || c === '\r') {
      if (c === '\r' && s[i + 1] === '\n') i++;
      row.push(cell);
      if (row.some((x) => x.trim() !== '')) rows.push(row);
      row = [];
      cell = '';
    } else cell += c;
  }
  row.push(cell);
  if (row.some((x) => x.trim() !== '')) rows.push(row);
  return rows;
}

/** A header's key for matching: `"SIS User ID"`, `sis_user_id` and `sisUserId` are all `sisuserid`. */
export const headerKey = (h: string): string => h.toLowerCase().replace(/[^a-z0-9]/g, '');

/** A CSV with a header: each row as header key → cell, and which column a name maps to. */
export interface Table {
  file: string;
  headers: string[];
  rows: Array<{ line: number; get(...names: string[]): string }>;
  /** The first of `names` (as header keys) that is a column, or null. */
  column(...names: string[]): string | null;
}

export function readTable(text: string, file: string): Table {
  const [header, ...body] = parseCsv(text);
  if (!header) throw new Error(`${file}: expected a header row, got an empty file`);
  const keys = header.map(headerKey);
  const column = (...names: string[]): string | null => names.map(headerKey).find((n) => keys.includes(n)) ?? null;
  return {
    file,
    headers: header,
    column,
    rows: body.map((cells, i) => ({
      line: i + 2,
      get: (...names: string[]) => {
        const at = names.map((n) => keys.indexOf(headerKey(n))).find((k) => k >= 0);
        return at === undefined ? '' : (cells[at] ?? '').trim();
      },
    })),
  };
}
