import * as z from 'zod/mini';
import { rpc } from '../../src/ui/rpc';

const schema = z.strictObject({
  link: z.string().check(z.maxLength(10), z.regex(/^https:/)),
  name: z.string().check(z.maxLength(5)),
  count: z.number(),
});
const call = rpc(schema, () => 'done', { name: { ja: '名前', en: 'Name' } });

function message(raw: unknown): string {
  try {
    call(raw);
  } catch (e) {
    return (e as Error).message;
  }
  throw new Error('accepted');
}

describe('rpc: a refused request says what is wrong, each field once', () => {
  it('a text too long names the field and the limit', () => {
    expect(message({ link: 'https://', name: 'あいうえおか', count: 1 })).toBe(
      '名前は5文字以内で入力してください / Name may have at most 5 characters',
    );
  });

  it('a field failing two checks is listed once; fields without a name go by their key', () => {
    expect(message({ link: 'ftp://example.com/long', name: 'ok', count: 'x', extra: 1 })).toBe(
      '入力内容が正しくありません(count、(root))。linkは10文字以内で入力してください / ' +
        'The request was not valid (count, (root)); link may have at most 10 characters',
    );
  });

  it('a valid request runs the handler', () => {
    expect(call({ link: 'https://a', name: 'ok', count: 1 })).toBe('done');
  });
});
