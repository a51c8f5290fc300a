/**
 * A message in both of Pokke's languages. Rules and features build `Text` values; the language is
 * picked once, where the message leaves Pokke (a sidebar, a card, a cell of the workbook, a mail),
 * so no screen ever shows the two side by side.
 */
export type Lang = 'ja' | 'en';

export interface Text {
  readonly ja: string;
  readonly en: string;
}

export function text(ja: string, en: string): Text {
  return { ja, en };
}

/** The message in one language. */
export function inLang(message: Text, lang: Lang): string {
  return lang === 'en' ? message.en : message.ja;
}

/** Several messages as one: Japanese sentences joined with 「。」, English ones with "; ". */
export function joinTexts(parts: readonly Text[]): Text {
  return text(parts.map((p) => p.ja).join('。'), parts.map((p) => p.en).join('; '));
}

/** Any language tag or locale ('en', 'en_US', 'en-GB', 'ja_JP'…): English only when it says so. */
export function langOfLocale(locale: string | undefined | null): Lang {
  return locale && /^en\b|^en[_-]/i.test(locale.trim()) ? 'en' : 'ja';
}

/** An error whose message is fit to show to the user, in either language. */
export class UserError extends Error {
  readonly text: Text;

  constructor(ja: string, en: string) {
    super(ja);
    this.name = 'UserError';
    this.text = text(ja, en);
  }

  static of(parts: readonly Text[]): UserError {
    const joined = joinTexts(parts);
    return new UserError(joined.ja, joined.en);
  }
}

/** What a field is called, for messages about it: 会社名・屋号 / Company or trade name. */
export type FieldName = Text;

/**
 * 「会社名・屋号は200文字以内で入力してください」: a field refused for its length; with the length
 * it has when known.
 */
export function tooLongMessage(field: FieldName, max: number, actual?: number): Text {
  const now = actual === undefined;
  return text(
    `${field.ja}は${max}文字以内で入力してください${now ? '' : `(現在${actual}文字)`}`,
    `${field.en} may have at most ${max} characters${now ? '' : ` (now ${actual})`}`,
  );
}
