/** Text for the end of a training run: the confusion matrix as a table. */

/** Rows are the true digits, columns the predicted ones; the diagonal counts the correct answers. */
export function formatConfusionMatrix(counts: number[][]): string {
  const width = Math.max(4, ...counts.flat().map((c) => String(c).length + 1));
  const cell = (text: string | number) => String(text).padStart(width);
  const header = `true\\pred${counts.map((_, p) => cell(p)).join('')}`;
  const rows = counts.map((row, t) => `${String(t).padStart(9)}${row.map(cell).join('')}`);
  return [header, ...rows].join('\n');
}
