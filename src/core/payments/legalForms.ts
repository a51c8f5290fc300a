/**
 * 全銀協 abbreviations of legal forms in account and payer names (法人略語, 営業所略語), written
 * `カ)ヤマダ` before the name, `ヤマダ(カ` after it and `ヤマダ(カ)チバ` in the middle.
 * Sources: domain-jp.md (Incoming payments); 京葉銀行「入力可能な文字」
 * https://www.keiyobank.co.jp/alpha_dbank/internet/typing.html (1.法人略語, 2.営業所略語); the
 * 全銀協 別表「法人略語・営業所略語・事業略語」 as reproduced by banks (e.g. expydoc 7181036).
 * Kana are as the banks write them, small kana written large (シヤ for シャ).
 * 事業略語 (連合会 レン, 協同組合 キヨウクミ…) are left out on purpose: they are part of what
 * tells two payers apart, not a legal form.
 */
export interface LegalForm {
  /** The form as written in a client's name: 株式会社. */
  readonly full: string;
  /** The bank's abbreviation, full-width: カ. */
  readonly kana: string;
}

export const LEGAL_FORMS: readonly LegalForm[] = [
  { full: '株式会社', kana: 'カ' },
  { full: '有限会社', kana: 'ユ' },
  { full: '合名会社', kana: 'メ' },
  { full: '合資会社', kana: 'シ' },
  { full: '合同会社', kana: 'ド' },
  { full: '医療法人社団', kana: 'イ' },
  { full: '医療法人財団', kana: 'イ' },
  { full: '社会医療法人', kana: 'イ' },
  { full: '医療法人', kana: 'イ' },
  { full: '一般財団法人', kana: 'ザイ' },
  { full: '公益財団法人', kana: 'ザイ' },
  { full: '財団法人', kana: 'ザイ' },
  { full: '一般社団法人', kana: 'シヤ' },
  { full: '公益社団法人', kana: 'シヤ' },
  { full: '社団法人', kana: 'シヤ' },
  { full: '宗教法人', kana: 'シユウ' },
  { full: '学校法人', kana: 'ガク' },
  { full: '社会福祉法人', kana: 'フク' },
  { full: '相互会社', kana: 'ソ' },
  { full: '更生保護法人', kana: 'ホゴ' },
  { full: '特定非営利活動法人', kana: 'トクヒ' },
  { full: '地方独立行政法人', kana: 'チドク' },
  { full: '独立行政法人', kana: 'ドク' },
  { full: '弁護士法人', kana: 'ベン' },
  { full: '有限責任中間法人', kana: 'チユウ' },
  { full: '無限責任中間法人', kana: 'チユウ' },
  { full: '行政書士法人', kana: 'ギヨ' },
  { full: '司法書士法人', kana: 'シホウ' },
  { full: '税理士法人', kana: 'ゼイ' },
  { full: '国立大学法人', kana: 'ダイ' },
  { full: '公立大学法人', kana: 'ダイ' },
  { full: '農事組合法人', kana: 'ノウ' },
  { full: '管理組合法人', kana: 'カンリ' },
  { full: '社会保険労務士法人', kana: 'ロウム' },
  { full: '営業所', kana: 'エイ' },
  { full: '出張所', kana: 'シユツ' },
];

/** Short kanji forms in names, after NFKC (㈱ becomes (株)). */
export const SHORT_LEGAL_FORMS: readonly string[] = ['(株)', '(有)', '(同)', '(名)', '(資)'];

/** Company forms spelled out in kana, as owners sometimes type them (small kana written large). */
export const SPELLED_LEGAL_FORMS: readonly string[] = [
  'カブシキガイシヤ',
  'カブシキカイシヤ',
  'ユウゲンガイシヤ',
  'ユウゲンカイシヤ',
  'ゴウドウガイシヤ',
  'ゴウドウカイシヤ',
  'ゴウメイガイシヤ',
  'ゴウシガイシヤ',
];

/**
 * What banks put before the payer's name on an incoming transfer (after NFKC): 「振込 」,
 * 「ﾌﾘｺﾐ」 (domain-jp.md), MUFG's 「振込ＩＢ１」 in its own column (see layouts.ts).
 */
export const BANK_PREFIXES: readonly RegExp[] = [
  /^振込入金/,
  /^振込IB\d*/,
  /^振込み?/,
  /^フリコミ/,
  /^振替/,
];
