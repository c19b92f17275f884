/**
 * The error every untouched exercise stub throws. The grader recognises it and reports the exercise
 * as "not started" instead of as a crash, so throw it only from functions you have not written yet.
 */
export class NotImplemented extends Error {
  /** The function whose body is still the stub, e.g. `'conv2dForward'`. */
  readonly functionName: string;

  constructor(functionName: string) {
    super(`${functionName} is not implemented yet: replace the \`throw new NotImplemented(...)\` line with your code`);
    this.name = 'NotImplemented';
    this.functionName = functionName;
  }
}

/** True for a {@link NotImplemented} error, also across module copies (it checks the name, not the class). */
export function isNotImplemented(error: unknown): boolean {
  return error instanceof NotImplemented || (error instanceof Error && error.name === 'NotImplemented');
}
