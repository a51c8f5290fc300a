import {
  checkRegistrationNumber,
  corporateNumberCheckDigit,
  REGISTRATION_NUMBER_MESSAGES,
  registrationNumberMessage,
} from '../../src/core/registrationNumber';
import { expectSeparateLanguages } from '../fixtures/text';

// Check digit rule: houjin-bangou.nta.go.jp (チェックデジットの計算方法); 法人番号の指定等に関する省令2条.
// Real 法人番号 published on the 国税庁法人番号公表サイト.
const PUBLISHED = [
  ['7000012050002', '国税庁'],
  ['1180301018771', 'トヨタ自動車株式会社'],
  ['5010401067252', 'ソニーグループ株式会社'],
  ['7010001008844', '株式会社日立製作所'],
  ['1130001011420', '任天堂株式会社'],
] as const;

describe('corporateNumberCheckDigit', () => {
  test.each(PUBLISHED)('%s (%s): the first digit is the check digit', (number) => {
    expect(corporateNumberCheckDigit(number.slice(1))).toBe(Number(number[0]));
  });

  test('worked example for 国税庁 7000012050002', () => {
    // From the right: P1..P12 = 2,0,0,0,5,0,2,1,0,0,0,0. Odd n ×1: 2+0+5+2+0+0 = 9;
    // even n ×2: 2×(0+0+0+1+0+0) = 2. Σ = 11, 11 mod 9 = 2, CD = 9 − 2 = 7.
    expect(corporateNumberCheckDigit('000012050002')).toBe(7);
  });

  test('rejects anything but 12 digits', () => {
    expect(() => corporateNumberCheckDigit('12345')).toThrow(RangeError);
  });
});

describe('checkRegistrationNumber', () => {
  test.each(PUBLISHED)('T%s (%s) is valid', (number) => {
    expect(checkRegistrationNumber(`T${number}`)).toEqual({
      ok: true,
      value: `T${number}`,
      checkDigit: 'valid',
    });
  });

  test.each([
    ['Ｔ７００００１２０５０００２', 'full-width letter and digits'],
    ['t7000012050002', 'lower-case t'],
    ['T 7000 0120 50002', 'spaces'],
    ['T\u30007000012050002\u3000', 'ideographic spaces'],
    ['T7-0000-1205-0002', 'hyphens'],
    ['T7－0000－1205－0002', 'full-width hyphen-minus'],
    ['T7ー0000ー1205ー0002', 'katakana long vowel typed for a hyphen'],
    ['T7‐0000–1205—0002', 'Unicode hyphen and dashes'],
  ])('normalises %j (%s)', (input) => {
    expect(checkRegistrationNumber(input)).toEqual({
      ok: true,
      value: 'T7000012050002',
      checkDigit: 'valid',
    });
  });

  test.each([
    ['T8000012050002', 'check digit changed'],
    ['T7000012050003', 'last digit changed'],
    ['T7000021050002', 'two digits swapped'],
    ['T0000000000000', 'a check digit is never 0'],
  ])('%s (%s) is accepted with a failed check: individuals have no published rule', (input) => {
    const result = checkRegistrationNumber(input);
    expect(result).toEqual({ ok: true, value: input, checkDigit: 'failed' });
    expect(registrationNumberMessage(result).severity).toBe('warning');
  });

  test.each([
    ['', 'empty'],
    ['   ', 'empty'],
    ['\u3000', 'empty'],
    ['7000012050002', 'format'], // the T is part of the registration number
    ['T700001205000', 'format'], // 12 digits
    ['T70000120500021', 'format'], // 14 digits
    ['TT7000012050002', 'format'],
    ['T70000120500O2', 'format'], // letter O for zero
    ['---', 'format'],
    ['X7000012050002', 'format'],
  ])('%j is refused: %s', (input, reason) => {
    const result = checkRegistrationNumber(input);
    expect(result).toEqual({ ok: false, reason });
    expect(registrationNumberMessage(result).severity).toBe('error');
  });

  test('messages are in each language, apart', () => {
    expect(REGISTRATION_NUMBER_MESSAGES.format).toEqual({
      ja: '登録番号は「T」と13桁の数字です（例: T1234567890123）',
      en: 'A registration number is "T" followed by 13 digits (e.g. T1234567890123)',
    });
    for (const message of Object.values(REGISTRATION_NUMBER_MESSAGES)) {
      expectSeparateLanguages(message);
      expect(message.en).toMatch(/^[\x20-\x7e]+$/);
    }
    expect(registrationNumberMessage(checkRegistrationNumber('T7000012050002'))).toEqual({
      severity: 'ok',
      message: REGISTRATION_NUMBER_MESSAGES.valid,
    });
  });
});
