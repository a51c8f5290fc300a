/** `npm run simulate` in-process for tests: the arguments in, the exit code and lines out. */
import { simulate } from '../../../scripts/simulate';

export interface Outcome {
  code: number;
  out: string[];
  err: string[];
}

/** Runs the simulate CLI with `argv` against the existing dist/ (no build). */
export async function cli(...argv: string[]): Promise<Outcome> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await simulate(
    argv,
    { out: (l) => out.push(l), err: (l) => err.push(l) },
    { build: false },
  );
  return { code, out, err };
}
