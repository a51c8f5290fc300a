import * as z from 'zod/mini';
import { bilingual, UserError } from '../core/bilingual';

/** The schema of a call that takes no request (whatever the page passes is ignored). */
export const noRequest = z.optional(z.unknown());

/**
 * Wraps a function that google.script.run can reach. Any page that knows its name can call it,
 * so its arguments are validated first; what fails reaches withFailureHandler as a message the
 * user can read (Japanese first), never a stack trace.
 */
export function rpc<S extends z.ZodMiniType, R>(
  schema: S,
  handler: (input: z.infer<S>) => R,
): (raw: unknown) => R {
  return (raw: unknown) => {
    const parsed = schema.safeParse(raw);
    if (!parsed.success) {
      const fields = parsed.error.issues.map((i) => i.path.join('.') || '(root)').join(', ');
      throw new UserError(
        `入力内容が正しくありません(${fields})`,
        `The request was not valid (${fields})`,
      );
    }
    return guard(() => handler(parsed.data));
  };
}

/** Runs a user-facing action and turns unexpected failures into a readable message. */
export function guard<R>(action: () => R): R {
  try {
    return action();
  } catch (e) {
    throw toUserError(e);
  }
}

export function toUserError(e: unknown): Error {
  if (e instanceof UserError) return e;
  const detail = e instanceof Error ? e.message : String(e);
  console.error(e instanceof Error ? (e.stack ?? detail) : detail);
  return new Error(
    bilingual(`処理できませんでした: ${detail}`, `Pokke could not finish: ${detail}`),
  );
}
