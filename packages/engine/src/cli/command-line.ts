/**
 * The kit's command lines: `node:util` parseArgs, strict, and one rule for bad arguments: a one-line
 * error that names the command and the option, a pointer to --help, and exit code 2 (as a usage error).
 * `pnpm train`, `pnpm bench`, `pnpm grade`, `pnpm hint` and `pnpm course` all report through here.
 */
import { parseArgs, type ParseArgsConfig } from 'node:util';

/** A command line that parses but makes no sense (an unknown exercise, a value out of range, a missing folder). */
export class UsageError extends Error {
  override name = 'UsageError';
}

const isParseArgsError = (error: unknown): error is Error => error instanceof Error && 'code' in error && String(error.code).startsWith('ERR_PARSE_ARGS');

/** `pnpm bench: unknown option '--quik'` from a parseArgs error (its first sentence), or the message of any other error. */
export function commandLineError(command: string, error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const first = message.split(/\.\s/)[0].replace(/\.$/, '');
  return `${command}: ${first.charAt(0).toLowerCase()}${first.slice(1)}`;
}

/** Our own usage errors are written whole; parseArgs' are cut to their first sentence (the rest explains `--`). */
const usageText = (command: string, error: unknown): string =>
  `${error instanceof UsageError ? `${command}: ${error.message}` : commandLineError(command, error)}\nRun ${command} --help for the options.\n`;

/**
 * parseArgs(config) on `argv` (the process's arguments by default); strict, as parseArgs is unless the
 * config says otherwise. On bad arguments writes {@link commandLineError} and `Run <command> --help for the options.`
 * to stderr and exits with code 2.
 */
export function parseCommandLine<T extends ParseArgsConfig>(
  command: string,
  config: T,
  argv: string[] = process.argv.slice(2),
): ReturnType<typeof parseArgs<T>> {
  // `pnpm <script> -- --flag` passes the `--` on: a leading one only separates pnpm's options from ours.
  const args = argv[0] === '--' ? argv.slice(1) : argv;
  try {
    return parseArgs<T>({ ...config, args });
  } catch (error) {
    process.stderr.write(usageText(command, error));
    process.exit(2);
  }
}

export interface RunCommandLineOptions {
  /** The arguments; the process's by default. */
  argv?: string[];
  /** The message of an error the user can fix that is not about the command line (a broken course config), else null. */
  explain?: (error: unknown) => string | null;
}

/**
 * Runs `command(argv)` and sets the process's exit code to what it returns (a leading `--`, which
 * `pnpm <script> -- --flag` passes on, is dropped as in {@link parseCommandLine}). When it fails:
 *  - a usage error ({@link UsageError}, or parseArgs' own): one line and the --help pointer, exit 2;
 *  - an error `explain` explains: its message, exit 1;
 *  - anything else: `<command>: internal error:` and the stack (a bug to report), exit 3.
 * Never an unhandled rejection.
 */
export function runCommandLine(command: string, run: (argv: string[]) => Promise<number>, options: RunCommandLineOptions = {}): void {
  const argv = options.argv ?? process.argv.slice(2);
  run(argv[0] === '--' ? argv.slice(1) : argv).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      if (error instanceof UsageError || isParseArgsError(error)) {
        process.stderr.write(usageText(command, error));
        process.exitCode = 2;
        return;
      }
      const explained = options.explain?.(error) ?? null;
      if (explained !== null) {
        process.stderr.write(`${explained}\n`);
        process.exitCode = 1;
      } else {
        process.stderr.write(`${command}: internal error: ${error instanceof Error ? error.stack : String(error)}\n`);
        process.exitCode = 3;
      }
    },
  );
}
