/**
 * Stand-ins for the engine functions an exercise asks the student to write. Calling one records a
 * violation (kept even if the student catches the error) and throws, so the reference never computes
 * the student's answer.
 */
const seen: string[] = [];

export class ReferenceViolation extends Error {
  constructor(name: string) {
    super(`called the engine's reference ${name}: write your own (calling the reference is not allowed in this exercise)`);
    this.name = 'ReferenceViolation';
  }
}

export function tripwire(name: string): (...args: unknown[]) => never {
  return function tripped(): never {
    seen.push(name);
    throw new ReferenceViolation(name);
  };
}

/** The violations since the last call, emptied. */
export function takeViolations(): string[] {
  return seen.splice(0, seen.length);
}
