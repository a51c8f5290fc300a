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
}

export type Lang = 'ja' | 'en';
