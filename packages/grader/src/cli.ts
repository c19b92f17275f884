/** `pnpm grade`'s entry point (the command line itself is in grade-cli.ts, `@convkit/grader/cli`). */
import { gradeCli, runCli } from './grade-cli.ts';

runCli('pnpm grade', gradeCli);
