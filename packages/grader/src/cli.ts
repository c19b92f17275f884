/** `pnpm grade`'s entry point (the command line itself is in grade-cli.ts, `@convkit/grader/cli`). */
import { runCommandLine } from '@convkit/engine/node';
import { gradeCli } from './grade-cli.ts';

runCommandLine('pnpm grade', gradeCli);
