import { text } from '../../../src/core/text';
import { toBankKana } from '../../../src/core/transfers/bankKana';

const HOLDER = text('口座名義', 'Account holder');
const kana = (input: string) => {
  const result = toBankKana(input, HOLDER);
  if (!result.ok) throw new Error(result.message.en);
  return result.value;
};

describe('toBankKana: the half-width set banks accept', () => {
  test.each([
    ['full-width katakana', 'ヤマダ　タロウ', 'ﾔﾏﾀﾞ ﾀﾛｳ'],
    ['hiragana', 'やまだ たろう', 'ﾔﾏﾀﾞ ﾀﾛｳ'],
    ['voiced and semi-voiced kana as two characters', 'ガギグゲゴパピプペポヴ', 'ｶﾞｷﾞｸﾞｹﾞｺﾞﾊﾟﾋﾟﾌﾟﾍﾟﾎﾟｳﾞ'],
    ['half-width kana kept', 'ﾔﾏﾀﾞ ﾀﾛｳ', 'ﾔﾏﾀﾞ ﾀﾛｳ'],
    ['small kana enlarged', 'キャッシュ ジョー ァィゥェォヮヵヶ', 'ｷﾔﾂｼﾕ ｼﾞﾖ- ｱｲｳｴｵﾜｶｹ'],
    ['half-width small kana enlarged', 'ｷｬｯｼｭ', 'ｷﾔﾂｼﾕ'],
    ['long vowel and dashes to -', 'コーヒー ｺｰﾋｰ A‐B－C', 'ｺ-ﾋ- ｺ-ﾋ- A-B-C'],
    ['middle dot to a space', 'ジョン・スミス', 'ｼﾞﾖﾝ ｽﾐｽ'],
    ['lower case and full-width letters and digits', 'abc Ｘｙｚ １２３', 'ABC XYZ 123'],
    ['the allowed symbols', '（）．／ ( ) . /', '()./ ( ) . /'],
    ['spaces collapsed and trimmed', '　ヤマダ　　タロウ　', 'ﾔﾏﾀﾞ ﾀﾛｳ'],
    ['old kana ヰ ヱ', 'ヰヱ', 'ｲｴ'],
    ['ヲ', 'ヲ', 'ｦ'],
    ['spacing voiced marks', 'カ゛', 'ｶﾞ'],
  ])('%s: %s → %s', (_, input, expected) => {
    expect(kana(input)).toBe(expected);
  });

  test('every full-width katakana has its half-width form (derived from Unicode, not a table)', () => {
    const full =
      'アイウエオカキクケコサシスセソタチツテトナニヌネノハヒフヘホマミムメモヤユヨラリルレロワヲン';
    expect(kana(full)).toBe('ｱｲｳｴｵｶｷｸｹｺｻｼｽｾｿﾀﾁﾂﾃﾄﾅﾆﾇﾈﾉﾊﾋﾌﾍﾎﾏﾐﾑﾒﾓﾔﾕﾖﾗﾘﾙﾚﾛﾜｦﾝ');
    expect(kana('ザジズゼゾダヂヅデドバビブベボ')).toBe('ｻﾞｼﾞｽﾞｾﾞｿﾞﾀﾞﾁﾞﾂﾞﾃﾞﾄﾞﾊﾞﾋﾞﾌﾞﾍﾞﾎﾞ');
  });
});

describe('toBankKana: legal forms abbreviated as banks expect', () => {
  test.each([
    ['before', '株式会社ポッケ', 'ｶ)ﾎﾟﾂｹ'],
    ['before, with a space', '株式会社　ポッケ', 'ｶ)ﾎﾟﾂｹ'],
    ['after', 'ポッケ株式会社', 'ﾎﾟﾂｹ(ｶ'],
    ['middle', 'ポッケ株式会社 トウキヨウシシヤ', 'ﾎﾟﾂｹ(ｶ)ﾄｳｷﾖｳｼｼﾔ'],
    ['有限会社', '有限会社ヤマダ', 'ﾕ)ﾔﾏﾀﾞ'],
    ['合同会社', 'ヤマダ合同会社', 'ﾔﾏﾀﾞ(ﾄﾞ'],
    ['医療法人社団, longer than 医療法人', '医療法人社団オオタ', 'ｲ)ｵｵﾀ'],
    ['一般社団法人', '一般社団法人ミライ', 'ｼﾔ)ﾐﾗｲ'],
    ['特定非営利活動法人', '特定非営利活動法人ミライ', 'ﾄｸﾋ)ﾐﾗｲ'],
    ['spelt in kana', 'カブシキガイシャ ポッケ', 'ｶ)ﾎﾟﾂｹ'],
    ['spelt in half-width kana', 'ｶﾌﾞｼｷｶﾞｲｼｬﾎﾟｯｹ', 'ｶ)ﾎﾟﾂｹ'],
    ['spelt in hiragana, after', 'ぽっけ ゆうげんがいしゃ', 'ﾎﾟﾂｹ(ﾕ'],
    ['(株)', '(株)ポッケ', 'ｶ)ﾎﾟﾂｹ'],
    ['㈱ after', 'ポッケ㈱', 'ﾎﾟﾂｹ(ｶ'],
    ['already abbreviated', 'ｶ)ﾎﾟｯｹ', 'ｶ)ﾎﾟﾂｹ'],
  ])('%s: %s → %s', (_, input, expected) => {
    expect(kana(input)).toBe(expected);
  });
});

describe('toBankKana: what cannot be written is reported, naming the field and the characters', () => {
  test('kanji and unsupported symbols', () => {
    const result = toBankKana('山田、タロウ！', HOLDER);
    expect(result).toEqual({
      ok: false,
      message: {
        ja: '口座名義に銀行で使えない文字があります: 「山」「田」「、」「!」(使えるのは半角カナ・英大文字・数字・スペース・( ) - . / です)',
        en: 'Account holder has characters banks do not accept: "山", "田", "、", "!" (Banks accept half-width katakana, A–Z, 0–9, space and ( ) - . /)',
      },
    });
  });

  test('each character is named once', () => {
    const result = toBankKana('田田田', text('依頼人名', 'Requester name'));
    expect(!result.ok && result.message.ja).toMatch(
      /^依頼人名に銀行で使えない文字があります: 「田」\(/,
    );
  });

  test('a required field left empty', () => {
    expect(toBankKana('　', HOLDER, { required: true })).toEqual({
      ok: false,
      message: { ja: '口座名義が入力されていません', en: 'Account holder is missing' },
    });
    expect(toBankKana('', HOLDER)).toEqual({ ok: true, value: '' });
  });

  test('too long for the field, counted in half-width characters', () => {
    const result = toBankKana('ガガガ', HOLDER, { maxLength: 5 });
    expect(!result.ok && result.message.ja).toBe(
      '口座名義は5文字以内で入力してください(現在6文字)(半角カナで「ｶﾞｶﾞｶﾞ」)',
    );
    expect(toBankKana('ガガガ', HOLDER, { maxLength: 5, overflow: 'cut' })).toEqual({
      ok: true,
      value: 'ｶﾞｶﾞ',
    });
  });
});
