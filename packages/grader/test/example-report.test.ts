/**
 * The course site's "Reading the report" page shows a REAL report: examples/report-05.txt is what
 * `pnpm grade 05` prints for a backprop that forgets to divide dscores by the batch size
 * (test/fixtures/buggy/no-batch-mean.ts). This test grades that fixture and fails when the file is
 * stale; CONVKIT_UPDATE_EXAMPLES=1 rewrites it.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { gradeExercise } from '../src/run.ts';
import { PrettyReporter } from '../src/reporters/pretty.ts';
import { totals } from '../src/report.ts';
import { exercise, fixture } from './helpers.ts';

const file = new URL('../examples/report-05.txt', import.meta.url);

describe('the example report on the site', () => {
  it('is what the grader prints now for the no-batch-mean 05 (named mistake, error measure, replay command, matrices)', async () => {
    let text = '';
    const stream = Object.assign(
      new Writable({
        write(chunk, _e, done) {
          text += String(chunk);
          done();
        },
      }),
      { isTTY: false },
    );
    const pretty = new PrettyReporter({ stream, color: false });
    pretty.start(1, 'convkit grade: 1 exercise, your exercises', ['05-backprop']);
    const result = await gradeExercise({ exercise: exercise('05-backprop'), file: fixture('buggy/no-batch-mean.ts') }, { onEvent: pretty.onEvent });
    pretty.summary(totals([result]));
    expect(text).toContain('looks like: every value is exactly 2× the expected one');
    expect(text).toContain('max |a−b| = ');
    expect(text).toMatch(/replay exactly this case: pnpm grade 05 --case 13@506:[\d:]+/);
    expect(text).toContain('yours (first difference »marked«):');
    if (process.env.CONVKIT_UPDATE_EXAMPLES === '1' || !existsSync(file)) writeFileSync(file, text);
    expect(readFileSync(file, 'utf8'), 'examples/report-05.txt is stale: run this test with CONVKIT_UPDATE_EXAMPLES=1').toBe(text);
  });
});
