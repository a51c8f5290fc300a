import {
  DEFAULT_NUMBER_PATTERN,
  nextNumbers,
  numberPatternError,
  parseNumberPattern,
} from '../../../src/core/invoice';
import { UserError } from '../../../src/core/text';
import { expectSeparateLanguages } from '../../fixtures/text';
import { d } from './fixtures';

describe('nextNumbers', () => {
  test('the default pattern: 2026-11-0001', () => {
    expect(nextNumbers(DEFAULT_NUMBER_PATTERN, d('2026-11-30'), [], 3)).toEqual([
      '2026-11-0001',
      '2026-11-0002',
      '2026-11-0003',
    ]);
  });

  test('never reuses a number, voided ones included, and never fills a gap', () => {
    // 0002 was voided (取消) and 0003 re-issued in its place; 0004 was deleted by hand.
    const existing = ['2026-11-0001', '2026-11-0002', '2026-11-0003', '2026-11-0005'];
    expect(nextNumbers('{YYYY}-{MM}-{SEQ4}', d('2026-11-30'), existing, 2)).toEqual([
      '2026-11-0006',
      '2026-11-0007',
    ]);
  });

  test('across a month change the sequence starts again and never collides', () => {
    const november = nextNumbers('{YYYY}-{MM}-{SEQ4}', d('2026-11-30'), [], 2);
    const december = nextNumbers('{YYYY}-{MM}-{SEQ4}', d('2026-12-01'), november, 2);
    expect(december).toEqual(['2026-12-0001', '2026-12-0002']);
    // A late November invoice after December started continues November's sequence.
    const late = nextNumbers('{YYYY}-{MM}-{SEQ4}', d('2026-11-30'), [...november, ...december], 1);
    expect(late).toEqual(['2026-11-0003']);
    const all = [...november, ...december, ...late];
    expect(new Set(all).size).toBe(all.length);
  });

  test.each([
    ['INV-{YYYY}{MM}{SEQ3}', '2026-11-30', ['INV-202611001'], 'INV-202611002'],
    ['{YY}{MM}-{SEQ}', '2027-01-04', ['2701-9'], '2701-10'],
    ['{YYYY}/{SEQ5}', '2026-03-01', ['2026/00041', '2025/00100'], '2026/00042'], // per year
    ['No.{SEQ}', '2026-11-30', ['No.41', 'No.9'], 'No.42'], // never resets
    ['{YYYY}-{MM}-{DD}-{SEQ2}', '2026-11-30', ['2026-11-29-07'], '2026-11-30-01'],
    ['{YYYY}-{MM}-{SEQ2}', '2026-11-30', ['2026-11-99'], '2026-11-100'], // grows, never wraps
    ['{YYYY}-{MM}-{SEQ4}', '2026-11-30', ['２０２６－１１－０００７ '], '2026-11-0008'], // as typed in a cell
    ['inv-{SEQ3}', '2026-11-30', ['INV-004'], 'inv-005'], // letters compare without case
    ['{YYYY}-{MM}-{SEQ4}', '2026-11-30', ['2026-11-01'], '2026-11-0002'], // an older width counts
  ])('%s on %s after %p → %s', (pattern, date, existing, next) => {
    expect(nextNumbers(pattern, d(date), existing, 1)).toEqual([next]);
  });

  test('numbers from another pattern do not move the sequence but are never produced', () => {
    expect(nextNumbers('{YYYY}-{SEQ3}', d('2026-11-30'), ['A-1', '2026-11-0001'], 1)).toEqual([
      '2026-001',
    ]);
  });

  test('count 0 gives nothing; a bad pattern throws a UserError in both languages', () => {
    expect(nextNumbers(DEFAULT_NUMBER_PATTERN, d('2026-11-30'), [], 0)).toEqual([]);
    let thrown: unknown;
    try {
      nextNumbers('{YYYY}', d('2026-11-30'), [], 1);
    } catch (e) {
      thrown = e;
    }
    expect(thrown).toBeInstanceOf(UserError);
    expect((thrown as UserError).text).toEqual({
      ja: expect.stringMatching(/^請求書番号の形式: 連番/),
      en: expect.stringMatching(/^Invoice number pattern: include exactly one sequence/),
    });
  });
});

describe('parseNumberPattern', () => {
  test.each([
    ['', /入力されていません/, /nothing entered/],
    ['{YYYY}-{MM}', /連番/, /exactly one sequence/],
    ['{SEQ}-{SEQ}', /連番/, /exactly one sequence/],
    ['{MM}-{SEQ4}', /\{YYYY\} か \{YY\}/, /with \{MM\} include \{YYYY\} or \{YY\}/],
    ['{YYYY}-{DD}-{SEQ}', /\{MM\} も/, /with \{DD\} include \{MM\}/],
    ['{YYYY}-{FOO}-{SEQ}', /「\{FOO\}」は使えません/, /"\{FOO\}" is unknown/],
    ['{YYYY-{SEQ}', /使えません|閉じていません/, /is unknown|not closed/],
    ['{YYYY}}{SEQ}', /「}」/, /a "\}" has no "\{"/],
    ['請求{SEQ}', /「請」は使えません/, /"請" is not allowed/],
    ['A {SEQ}', /「 」は使えません/, /" " is not allowed/],
    ['{SEQ0}', /「\{SEQ0\}」は使えません/, /"\{SEQ0\}" is unknown/],
    [`${'A'.repeat(40)}{SEQ}`, /40文字以内/, /at most 40 characters/],
  ])('%p is refused: %p', (pattern, ja, en) => {
    const error = numberPatternError(pattern);
    expectSeparateLanguages(error);
    expect(error.ja).toMatch(/^請求書番号の形式: /);
    expect(error.ja).toMatch(ja);
    expect(error.en).toMatch(/^Invoice number pattern: /);
    expect(error.en).toMatch(en);
  });

  test.each(['{YYYY}-{MM}-{SEQ4}', 'INV{YY}{MM}{SEQ3}', '{seq}', '  {YYYY}_{SEQ9}  ', '#{SEQ}'])(
    '%p is accepted',
    (pattern) => {
      expect(parseNumberPattern(pattern).ok).toBe(true);
    },
  );
});
