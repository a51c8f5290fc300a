/**
 * A message in both of Pokke's languages. Rules and features build `Text` values; the language is
 * picked once, where the message leaves Pokke (a sidebar, a card, a cell of the workbook, a mail),
 * so no screen ever shows the two side by side.
 */
export type Lang = 'ja' | 'en';

/** A person's choice of language; 'auto' follows their Google account's locale. */
export type LanguageChoice = 'auto' | Lang;

export const LANGUAGE_CHOICES = ['auto', 'ja', 'en'] as const satisfies readonly LanguageChoice[];

export interface Text {
  readonly ja: string;
  readonly en: string;
}

export function text(ja: string, en: string): Text {
  return { ja, en };
}

/** `(ja, en) => the one in lang`: for screens built in one language at a time (cards, menus). */
export function sayIn(lang: Lang): (ja: string, en: string) => string {
  return (ja, en) => (lang === 'en' ? en : ja);
}

/** Words quoted as each language quotes them: 「…」 / “…”. */
export function quoted(words: string, lang: Lang): string {
  return lang === 'en' ? `“${words}”` : `「${words}」`;
}

/** A span of dates or times as each language writes it: `a〜b` / `a–b`. */
export function span(from: string, to: string, lang: Lang): string {
  return lang === 'en' ? `${from}–${to}` : `${from}〜${to}`;
}

/** The message in one language. */
export function inLang(message: Text, lang: Lang): string {
  return lang === 'en' ? message.en : message.ja;
}

/** A message that reads the same in both languages: a name, a figure, a date. */
export function same(s: string): Text {
  return { ja: s, en: s };
}

/** The message rewritten the same way in each language (a prefix, a quote). */
export function mapText(message: Text, write: (s: string, lang: Lang) => string): Text {
  return text(write(message.ja, 'ja'), write(message.en, 'en'));
}

/** Messages joined with a separator, which may differ per language. */
export function joinWith(parts: readonly Text[], separator: string | Text): Text {
  const sep = typeof separator === 'string' ? same(separator) : separator;
  return text(parts.map((p) => p.ja).join(sep.ja), parts.map((p) => p.en).join(sep.en));
}

/** Several messages as one: Japanese sentences joined with 「。」, English ones with "; ". */
export function joinTexts(parts: readonly Text[]): Text {
  return joinWith(parts, text('。', '; '));
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
