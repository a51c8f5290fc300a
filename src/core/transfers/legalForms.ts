/**
 * 法人略語: the legal form in an account holder's name, abbreviated the way banks write it on a
 * transfer (受取人名 has 30 characters, and the bank compares the name with the account's).
 *
 * The abbreviation is placed by where the form stands in the name (厚生労働省 / 京葉銀行 「法人略語」
 * 記載例, https://www.keiyobank.co.jp/alpha_dbank/internet/typing.html):
 *   株式会社 労働商事            → カ)ロウドウシヨウジ      (before: the mark after)
 *   労働商事 株式会社            → ロウドウシヨウジ(カ      (after: the mark before)
 *   労働商事 株式会社 霞が関支社 → ロウドウシヨウジ(カ)カスミガセキシシヤ (middle: both, no spaces)
 * The table is the 法人略語 list of the same sources (also published by 常陽銀行 and 厚生労働省).
 *
 * Works on the canonical full-width form made by bankKana.ts (katakana, small kana enlarged, ASCII
 * brackets); the abbreviations come out in full-width katakana and are narrowed with the rest.
 */

/**
 * [abbreviation, the form in kanji, its readings in katakana]. 会社 is read ガイシヤ or カイシヤ.
 * Readings are written with small kana enlarged (イリヨウ, not イリョウ), as the canonical form has them.
 */
const FORMS: readonly (readonly [string, string, ...string[]])[] = [
  ['カ', '株式会社', 'カブシキガイシヤ', 'カブシキカイシヤ'],
  ['ユ', '有限会社', 'ユウゲンガイシヤ', 'ユウゲンカイシヤ'],
  ['メ', '合名会社', 'ゴウメイガイシヤ', 'ゴウメイカイシヤ'],
  ['シ', '合資会社', 'ゴウシガイシヤ', 'ゴウシカイシヤ'],
  ['ド', '合同会社', 'ゴウドウガイシヤ', 'ゴウドウカイシヤ'],
  ['ソ', '相互会社', 'ソウゴガイシヤ', 'ソウゴカイシヤ'],
  ['イ', '医療法人社団', 'イリヨウホウジンシヤダン'],
  ['イ', '医療法人財団', 'イリヨウホウジンザイダン'],
  ['イ', '社会医療法人', 'シヤカイイリヨウホウジン'],
  ['イ', '医療法人', 'イリヨウホウジン'],
  ['ザイ', '一般財団法人', 'イツパンザイダンホウジン'],
  ['ザイ', '公益財団法人', 'コウエキザイダンホウジン'],
  ['ザイ', '財団法人', 'ザイダンホウジン'],
  ['シヤ', '一般社団法人', 'イツパンシヤダンホウジン'],
  ['シヤ', '公益社団法人', 'コウエキシヤダンホウジン'],
  ['シヤ', '社団法人', 'シヤダンホウジン'],
  ['シユウ', '宗教法人', 'シユウキヨウホウジン'],
  ['ガク', '学校法人', 'ガツコウホウジン'],
  ['フク', '社会福祉法人', 'シヤカイフクシホウジン'],
  ['ホゴ', '更生保護法人', 'コウセイホゴホウジン'],
  ['トクヒ', '特定非営利活動法人', 'トクテイヒエイリカツドウホウジン'],
  ['チドク', '地方独立行政法人', 'チホウドクリツギヨウセイホウジン'],
  ['ドク', '独立行政法人', 'ドクリツギヨウセイホウジン'],
  ['ベン', '弁護士法人', 'ベンゴシホウジン'],
  ['チユウ', '有限責任中間法人', 'ユウゲンセキニンチユウカンホウジン'],
  ['チユウ', '無限責任中間法人', 'ムゲンセキニンチユウカンホウジン'],
  ['ギヨ', '行政書士法人', 'ギヨウセイシヨシホウジン'],
  ['シホウ', '司法書士法人', 'シホウシヨシホウジン'],
  ['ゼイ', '税理士法人', 'ゼイリシホウジン'],
  ['ダイ', '国立大学法人', 'コクリツダイガクホウジン'],
  ['ダイ', '公立大学法人', 'コウリツダイガクホウジン'],
  ['ノウ', '農事組合法人', 'ノウジクミアイホウジン'],
  ['カンリ', '管理組合法人', 'カンリクミアイホウジン'],
  ['ロウム', '社会保険労務士法人', 'シヤカイホケンロウムシホウジン'],
];

/** The bracketed kanji short forms people type ((株), and ㈱ after NFKC). */
const SHORT_FORMS: readonly (readonly [string, string])[] = [
  ['カ', '(株)'],
  ['ユ', '(有)'],
  ['メ', '(名)'],
  ['シ', '(資)'],
  ['ド', '(同)'],
  ['イ', '(医)'],
  ['ザイ', '(財)'],
  ['ザイ', '(一財)'],
  ['ザイ', '(公財)'],
  ['シヤ', '(社)'],
  ['シヤ', '(一社)'],
  ['シヤ', '(公社)'],
  ['シユウ', '(宗)'],
  ['ガク', '(学)'],
  ['フク', '(福)'],
  ['トクヒ', '(特非)'],
];

const ABBREVIATION = new Map<string, string>();
for (const [abbreviation, ...spellings] of FORMS) {
  for (const spelling of spellings) ABBREVIATION.set(spelling, abbreviation);
}
for (const [abbreviation, spelling] of SHORT_FORMS) ABBREVIATION.set(spelling, abbreviation);

const escapeBrackets = (s: string) => s.replace(/[()]/g, '\\$&');
// Longest first, so 医療法人社団 wins over 医療法人 and 一般社団法人 over 社団法人.
const SPELLINGS = [...ABBREVIATION.keys()].sort((a, b) => b.length - a.length).map(escapeBrackets);
const LEGAL_FORM = new RegExp(` *(${SPELLINGS.join('|')}) *`, 'g');

/**
 * The name with each legal form replaced by its abbreviation, placed as banks expect. `name` is
 * in the canonical form (see bankKana.ts); a name that is only a legal form is left alone.
 */
export function abbreviateLegalForms(name: string): string {
  return name.replace(LEGAL_FORM, (match, form: string, offset: number) => {
    const abbreviation = ABBREVIATION.get(form)!;
    const atStart = offset === 0;
    const atEnd = offset + match.length === name.length;
    if (atStart && atEnd) return match;
    if (atStart) return `${abbreviation})`;
    if (atEnd) return `(${abbreviation}`;
    return `(${abbreviation})`;
  });
}
