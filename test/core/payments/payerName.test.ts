import {
  clientPayerNames,
  comparePayerNames,
  normalizePayerName,
  splitPayerNames,
  suggestPayerKana,
} from '../../../src/core/payments/payerName';

// The bank writes half-width kana, small kana large, `-` for ー, the legal form abbreviated
// (domain-jp.md, Incoming payments); the owner writes it any way. Both must meet.
describe('normalizePayerName: what the bank writes and what the owner types meet', () => {
  test.each([
    // half-width → full-width (NFKC), voiced marks joined
    ['ﾔﾏﾀﾞｼﾖｳｼﾞ', 'ヤマダシヨウジ'],
    ['ﾊﾟｰﾙﾃﾞｻﾞｲﾝ', 'パルデザイン'],
    ['ヤマダショウジ', 'ヤマダシヨウジ'],
    ['やまだしょうじ', 'ヤマダシヨウジ'],
    // small kana folded
    ['ｼｮｳｼﾞ', 'シヨウジ'],
    ['キャッシュ', 'キヤツシユ'],
    ['ヴァイオリン', 'ヴアイオリン'],
    ['ヶ丘', 'ケ丘'],
    // long vowels: ｰ, -, ー, − all go
    ['ｺｰﾋｰﾃﾝ', 'コヒテン'],
    ['ｺ-ﾋ-ﾃﾝ', 'コヒテン'],
    ['コーヒーテン', 'コヒテン'],
    ['コ−ヒ−テン', 'コヒテン'],
    // legal form before the name
    ['ｶ)ﾔﾏﾀﾞｼﾖｳｼﾞ', 'ヤマダシヨウジ'],
    ['ﾕ)ﾔﾏﾀﾞｼﾖｳｼﾞ', 'ヤマダシヨウジ'],
    ['ﾄﾞ)ｴｰﾋﾞｰｼｰ', 'エビシ'],
    ['ｲ)ｹﾝｺｳｶｲ', 'ケンコウカイ'],
    ['ｼﾔ)ﾆﾎﾝｷﾖｳｶｲ', 'ニホンキヨウカイ'],
    ['ｻﾞｲ)ﾐﾗｲｷｷﾝ', 'ミライキキン'],
    ['ﾄｸﾋ)ﾐﾄﾞﾘﾉｶｲ', 'ミドリノカイ'],
    ['ｶﾞｸ)ｻｸﾗｶﾞｸｴﾝ', 'サクラガクエン'],
    ['ｾﾞｲ)ﾔﾏﾀﾞｼﾞﾑｼﾖ', 'ヤマダジムシヨ'],
    ['シャ)ニホンキョウカイ', 'ニホンキヨウカイ'],
    // after the name
    ['ﾔﾏﾀﾞｼﾖｳｼﾞ(ｶ', 'ヤマダシヨウジ'],
    ['ﾔﾏﾀﾞｼﾖｳｼﾞ(ﾕ', 'ヤマダシヨウジ'],
    ['ﾔﾏﾀﾞｼﾖｳｼﾞ(ﾄﾞ', 'ヤマダシヨウジ'],
    ['ﾔﾏﾀﾞｼﾖｳｼﾞ (ｶ', 'ヤマダシヨウジ'],
    // in the middle (a branch after it), and the wrong but common (ｶ) forms
    ['ﾔﾏﾀﾞｼﾖｳｼﾞ(ｶ)ﾁﾊﾞｼﾃﾝ', 'ヤマダシヨウジチバシテン'],
    ['(ｶ)ﾔﾏﾀﾞｼﾖｳｼﾞ', 'ヤマダシヨウジ'],
    ['ﾔﾏﾀﾞｼﾖｳｼﾞ(ｶ)', 'ヤマダシヨウジ'],
    ['ﾔﾏﾀﾞ(ｶ)ﾁﾊﾞ(ｴｲ', 'ヤマダチバ'],
    // written out by the owner
    ['株式会社ヤマダショウジ', 'ヤマダシヨウジ'],
    ['ヤマダショウジ株式会社', 'ヤマダシヨウジ'],
    ['㈱ヤマダショウジ', 'ヤマダシヨウジ'],
    ['カブシキガイシャ ヤマダショウジ', 'ヤマダシヨウジ'],
    ['合同会社エービーシー', 'エビシ'],
    // full-width letters and extra spaces
    ['ＡＢＣ　ﾃﾞｻﾞｲﾝ', 'ABCデザイン'],
    ['  ﾔﾏﾀﾞ   ﾀﾛｳ  ', 'ヤマダタロウ'],
    ['abc design', 'ABCDESIGN'],
    ['ｻﾄｳ.ﾀﾛｳ', 'サトウタロウ'],
    // bank prefixes
    ['ﾌﾘｺﾐ ｶ)ﾔﾏﾀﾞｼﾖｳｼﾞ', 'ヤマダシヨウジ'],
    ['ﾌﾘｺﾐｶ)ﾔﾏﾀﾞｼﾖｳｼﾞ', 'ヤマダシヨウジ'],
    ['振込 ﾔﾏﾀﾞｼﾖｳｼﾞ(ｶ', 'ヤマダシヨウジ'],
    ['振込　ﾔﾏﾀﾞｼﾖｳｼﾞ', 'ヤマダシヨウジ'],
    ['振込ＩＢ１ テスト　タロウ', 'テストタロウ'],
    // a name cut at the field length keeps no dangling bracket
    ['ﾔﾏﾀﾞｼﾖｳｼﾞ(', 'ヤマダシヨウジ'],
    // nothing left
    ['ﾌﾘｺﾐ', 'フリコミ'],
    ['', ''],
  ])('%j → %j', (raw, expected) => {
    expect(normalizePayerName(raw)).toBe(expected);
  });

  test('a legal-form letter inside a name is kept (only bracketed forms are abbreviations)', () => {
    expect(normalizePayerName('ｶﾄｳｼﾖｳﾃﾝ')).toBe('カトウシヨウテン');
    expect(normalizePayerName('ｼﾏﾀﾞ(ｼﾏ')).toBe('シマダシマ');
  });
});

describe('comparePayerNames: names cut at the bank field length match by their beginning', () => {
  const n = normalizePayerName;
  test('the same name', () => {
    expect(comparePayerNames(n('ｶ)ﾔﾏﾀﾞｼﾖｳｼﾞ'), n('ヤマダショウジ株式会社'))).toBe('exact');
  });
  test('the bank cut the name', () => {
    expect(comparePayerNames(n('ﾔﾏﾀﾞｼﾖｳ'), n('ヤマダショウジ'))).toBe('bankCut');
  });
  test('the bank cut between a kana and its voicing mark', () => {
    // ﾔﾏﾀﾞｶﾞﾜ cut after ｶ: ﾔﾏﾀﾞｶ
    expect(comparePayerNames(n('ﾔﾏﾀﾞｶ'), n('ヤマダガワ'))).toBe('bankCut');
  });
  test('the bank adds a branch after the known name', () => {
    expect(comparePayerNames(n('ﾔﾏﾀﾞｼﾖｳｼﾞ(ｶ)ﾁﾊﾞｼﾃﾝ'), n('ヤマダショウジ'))).toBe('bankLonger');
  });
  test('too short a beginning is no match', () => {
    expect(comparePayerNames(n('ﾔﾏﾀﾞ'), n('ヤマダショウジ'))).toBeNull();
  });
  test('different names', () => {
    expect(comparePayerNames(n('ﾔﾏﾓﾄｼﾖｳｼﾞ'), n('ヤマダショウジ'))).toBeNull();
  });
});

describe('suggestPayerKana: the 振込名義カナ prefilled from a client named in kana', () => {
  test.each([
    ['株式会社ヤマダ', 'カ)ヤマダ'],
    ['ヤマダ合同会社', 'ヤマダ(ド'],
    ['有限会社 さくら', 'ユ)サクラ'],
    ['㈱ABC', 'カ)ABC'],
    ['やまだデザイン', 'ヤマダデザイン'],
    ['一般社団法人ミライ', 'シヤ)ミライ'],
  ])('%s → %s', (name, kana) => {
    expect(suggestPayerKana(name)).toBe(kana);
  });
  test('a name with kanji gets no suggestion: the owner types the kana', () => {
    expect(suggestPayerKana('山田商事株式会社')).toBeNull();
  });
});

describe('clientPayerNames', () => {
  test('several names in the cell, plus the kana name itself, without repeats', () => {
    const cell = 'ﾔﾏﾀﾞｼﾖｳｼﾞ(ｶ、ﾔﾏﾀﾞ ﾀﾛｳ\nカ)ヤマダショウジ';
    expect(clientPayerNames('株式会社ヤマダショウジ', splitPayerNames(cell))).toEqual([
      'ヤマダシヨウジ',
      'ヤマダタロウ',
    ]);
  });
  test('a kanji name contributes nothing of itself', () => {
    expect(clientPayerNames('山田商事', [])).toEqual([]);
  });
});
