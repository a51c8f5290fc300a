import { parseTimeRange } from '../../../src/core/schedule';

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
    'refuses %s with a bilingual message',
    (text) => {
      const r = parseTimeRange(text);
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.message).toMatch(/^時間「.*」を読み取れません.* \/ Could not read/);
    },
  );
});
