import * as z from 'zod/mini';
import {
  type FieldName,
  inLang,
  type Lang,
  type Text,
  text,
  tooLongMessage,
  UserError,
} from '../core/text';
import { userLang } from '../services/language';

/** The schema of a call that takes no request (whatever the page passes is ignored). */
export const noRequest = z.optional(z.unknown());

/** Names of a request's fields for messages (a field without one is shown by its key). */
export type FieldNames = Readonly<Record<string, FieldName>>;

/**
 * What is wrong with a request, each field once: a text refused for its length says which field
 * and the limit (「会社名・屋号は200文字以内で入力してください」); any other problem lists the field.
 */
export function requestError(
  issues: readonly z.core.$ZodIssue[],
  names: FieldNames = {},
): UserError {
  const byField = new Map<string, z.core.$ZodIssue[]>();
  for (const issue of issues) {
    const key = issue.path.length > 0 ? String(issue.path[0]) : '';
    byField.set(key, [...(byField.get(key) ?? []), issue]);
  }
  const parts: Text[] = [];
  const invalid: FieldName[] = [];
  for (const [key, list] of byField) {
    const name = names[key] ?? { ja: key || '(root)', en: key || '(root)' };
    const long = list.find(
      (i) => i.code === 'too_big' && i.origin === 'string' && i.path.length === 1,
    );
    if (long?.code === 'too_big') parts.push(tooLongMessage(name, Number(long.maximum)));
    else invalid.push(name);
  }
  if (invalid.length > 0) {
    parts.unshift({
      ja: `入力内容が正しくありません(${invalid.map((n) => n.ja).join('、')})`,
      en: `The request was not valid (${invalid.map((n) => n.en).join(', ')})`,
    });
  }
  return UserError.of(parts);
}

/**
 * Wraps a function that google.script.run can reach. Any page that knows its name can call it,
 * so its arguments are validated first; what fails reaches withFailureHandler as a message the
 * user can read, in their language, never a stack trace. `names` says what each field is called.
 */
export function rpc<S extends z.ZodMiniType, R>(
  schema: S,
  handler: (input: z.infer<S>) => R,
  names?: FieldNames,
): (raw: unknown) => R {
  return (raw: unknown) =>
    guard(() => {
      const parsed = schema.safeParse(raw);
      if (!parsed.success) throw requestError(parsed.error.issues, names);
      return handler(parsed.data);
    });
}

/**
 * Runs a user-facing action; a failure leaves as an Error whose message is the failure in the
 * user's language (`lang`, or the user's own when not given).
 */
export function guard<R>(action: () => R, lang?: Lang): R {
  try {
    return action();
  } catch (e) {
    throw new Error(inLang(failureText(e), lang ?? userLang()));
  }
}

/** What went wrong, for the user: a UserError's own words; anything else briefly (and logged). */
export function failureText(e: unknown): Text {
  if (e instanceof UserError) return e.text;
  const detail = e instanceof Error ? e.message : String(e);
  console.error(e instanceof Error ? (e.stack ?? detail) : detail);
  return text(`処理できませんでした: ${detail}`, `Pokke could not finish: ${detail}`);
}
