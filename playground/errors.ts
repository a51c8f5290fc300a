/** Errors the playground and the CLI show as they are: one line, Japanese first, no stack trace. */
export class PokkeInputError extends Error {
  constructor(
    readonly ja: string,
    readonly en: string,
  ) {
    super(`${ja} / ${en}`);
    this.name = 'PokkeInputError';
  }
}

/**
 * The message of anything thrown, including errors from the bundle's own realm (a node:vm
 * context, where `instanceof Error` does not hold). Never the stack.
 */
export function messageOf(e: unknown): string {
  if (typeof e === 'object' && e !== null && 'message' in e) {
    const m = (e as { message: unknown }).message;
    if (typeof m === 'string' && m !== '') return m;
  }
  return String(e);
}
