/**
 * The kit's command lines: `node:util` parseArgs, strict, and one rule for bad arguments: a one-line
 * error that names the command and the option, a pointer to --help, and exit code 2 (as a usage error).
 */
import { parseArgs, type ParseArgsConfig } from 'node:util';

/** `pnpm bench: unknown option '--quik'` from a parseArgs error (its first sentence), or the message of any other error. */
export function commandLineError(command: string, error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const first = message.split(/\.\s/)[0].replace(/\.$/, '');
  return `${command}: ${first.charAt(0).toLowerCase()}${first.slice(1)}`;
}

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
    process.stderr.write(`${commandLineError(command, error)}\nRun ${command} --help for the options.\n`);
    process.exit(2);
  }
}
