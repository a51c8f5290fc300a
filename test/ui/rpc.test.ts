import * as z from 'zod/mini';
import { type Text, text } from '../../src/core/text';
import { requestError, rpc } from '../../src/ui/rpc';

const schema = z.strictObject({
  link: z.string().check(z.maxLength(10), z.regex(/^https:/)),
  name: z.string().check(z.maxLength(5)),
  count: z.number(),
});
const names = { name: text('名前', 'Name') };
const call = rpc(schema, () => 'done', names);

/** What the request is refused with, in both languages. */
function refusal(raw: unknown): Text {
  const parsed = schema.safeParse(raw);
  if (parsed.success) throw new Error('accepted');
  return requestError(parsed.error.issues, names).text;
}

/** The message a refused call fails with (what withFailureHandler gets). */
function thrown(raw: unknown): string {
  try {
    call(raw);
  } catch (e) {
    return (e as Error).message;
  }
  throw new Error('accepted');
}

const TOO_LONG = { link: 'https://', name: 'あいうえおか', count: 1 };

describe('rpc: a refused request says what is wrong, each field once', () => {
  it('a text too long names the field and the limit', () => {
    expect(refusal(TOO_LONG)).toEqual(
      text('名前は5文字以内で入力してください', 'Name may have at most 5 characters'),
    );
  });

  it('a field failing two checks is listed once; fields without a name go by their key', () => {
    expect(refusal({ link: 'ftp://example.com/long', name: 'ok', count: 'x', extra: 1 })).toEqual(
      text(
        '入力内容が正しくありません(count、(root))。linkは10文字以内で入力してください',
        'The request was not valid (count, (root)); link may have at most 10 characters',
      ),
    );
  });

  it('the call fails with the message in the user’s language only', () => {
    // No locale to read: Japanese.
    expect(thrown(TOO_LONG)).toBe('名前は5文字以内で入力してください');
    const g = globalThis as Record<string, unknown>;
    const saved = g.Session;
    g.Session = { getActiveUserLocale: () => 'en_US' };
    try {
      expect(thrown(TOO_LONG)).toBe('Name may have at most 5 characters');
    } finally {
      g.Session = saved;
    }
  });

  it('a valid request runs the handler', () => {
    expect(call({ link: 'https://a', name: 'ok', count: 1 })).toBe('done');
  });
});
