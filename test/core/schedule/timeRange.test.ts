import { parseTimeRange } from '../../../src/core/schedule';
import { expectSeparateLanguages } from '../../fixtures/text';

describe('a routine calendar block time', () => {
  it.each([
    ['10:00-11:00', { start: '10:00', end: '11:00' }],
    ['9時〜10時半', { start: '09:00', end: '10:30' }],
    ['１３:３０～１４:００', { start: '13:30', end: '14:00' }],
    ['9時15分から9時45分まで', { start: '09:15', end: '09:45' }],
    ['', null],
  ])('%s', (text, value) => {
    expect(parseTimeRange(text)).toEqual({ ok: true, value });
  });
  it.each(['11:00-10:00', '25:00-26:00', '10:75-11:00', '午後', '10:00'])(
    'refuses %s with a message in each language',
    (text) => {
      const r = parseTimeRange(text);
      expect(r.ok).toBe(false);
      if (r.ok) return;
      expectSeparateLanguages(r.message);
      expect(r.message.ja).toMatch(new RegExp(`^時間「${text}」を読み取れません`));
      expect(r.message.en).toMatch(new RegExp(`^Could not read the time "${text}"`));
    },
  );
});
