/** Every message a user sees is Japanese first, then English. */
export function bilingual(ja: string, en: string): string {
  return `${ja} / ${en}`;
}

/** An error whose message is already fit to show to the user (Japanese first, English second). */
export class UserError extends Error {
  constructor(ja: string, en: string) {
    super(bilingual(ja, en));
    this.name = 'UserError';
  }

  /** One error for several problems: the Japanese sentences, then the English ones. */
  static of(parts: readonly { ja: string; en: string }[]): UserError {
    return new UserError(parts.map((p) => p.ja).join('。'), parts.map((p) => p.en).join('; '));
  }
}

export type Lang = 'ja' | 'en';

/** What a field is called, for messages about it: 会社名・屋号 / Company or trade name. */
export interface FieldName {
  readonly ja: string;
  readonly en: string;
}

/**
 * 「会社名・屋号は200文字以内で入力してください」: a field refused for its length, Japanese and
 * English apart so several can be joined; with the length it has when known.
 */
export function tooLongMessage(
  field: FieldName,
  max: number,
  actual?: number,
): { ja: string; en: string } {
  const now = actual === undefined;
  return {
    ja: `${field.ja}は${max}文字以内で入力してください${now ? '' : `(現在${actual}文字)`}`,
    en: `${field.en} may have at most ${max} characters${now ? '' : ` (now ${actual})`}`,
  };
}
