/**
 * The same function, callable with arguments of any type: how untyped
 * (JavaScript) student code can call an op, so tests can pass it wrong types.
 */
export function loose<F extends (...args: never[]) => unknown>(fn: F): (...args: unknown[]) => unknown {
  return fn as unknown as (...args: unknown[]) => unknown;
}
