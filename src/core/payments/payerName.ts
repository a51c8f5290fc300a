/**
 * Payer names (振込依頼人名) brought to one comparable form, and compared.
 *
 * The bank writes `ﾌﾘｺﾐ ｶ)ﾔﾏﾀﾞｼﾖｳｼﾞ`: half-width kana, small kana written large, `-` for the long
 * vowel, the legal form abbreviated before, after or in the middle, and the whole cut at the bank's
 * field length. The owner writes 「ヤマダショウジ」 or 「カ)ヤマダ商事」 or 「やまだしょうじ」. Both
 * become `ヤマダシヨウジ`: full-width katakana (NFKC; hiragana as katakana), small kana folded, no
 * long vowels, no spaces or punctuation, no legal form, no bank prefix.
 */
import { HYPHEN_CLASS } from '../normalize';
import { BANK_PREFIXES, LEGAL_FORMS, SHORT_LEGAL_FORMS, SPELLED_LEGAL_FORMS } from './legalForms';

const SMALL_KANA: Record<string, string> = {
  ァ: 'ア',
  ィ: 'イ',
  ゥ: 'ウ',
  ェ: 'エ',
  ォ: 'オ',
  ッ: 'ツ',
  ャ: 'ヤ',
  ュ: 'ユ',
  ョ: 'ヨ',
  ヮ: 'ワ',
  ヵ: 'カ',
  ヶ: 'ケ',
};
const SMALL_KANA_CLASS = /[ァィゥェォッャュョヮヵヶ]/g;

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

const ABBREVIATIONS = [...new Set(LEGAL_FORMS.map((f) => f.kana))]
  .sort((a, b) => b.length - a.length)
  .map(escapeRegExp)
  .join('|');
// `カ)` before the name, `(カ` after it, `(カ)` anywhere; spaces around them are the banks' too.
const LEGAL_BEFORE = new RegExp(`^\\s*(?:${ABBREVIATIONS})\\s*\\)`);
const LEGAL_AFTER = new RegExp(`\\(\\s*(?:${ABBREVIATIONS})\\s*$`);
const LEGAL_MIDDLE = new RegExp(`\\(\\s*(?:${ABBREVIATIONS})\\s*\\)`, 'g');
const WRITTEN_FORMS = new RegExp(
  [...LEGAL_FORMS.map((f) => f.full), ...SHORT_LEGAL_FORMS]
    .sort((a, b) => b.length - a.length)
    .map(escapeRegExp)
    .join('|'),
  'g',
);
const SPELLED = SPELLED_LEGAL_FORMS.map(escapeRegExp).join('|');
const SPELLED_AT_ENDS = new RegExp(`^\\s*(?:${SPELLED})|(?:${SPELLED})\\s*$`, 'g');
// Long vowels and hyphens (ｰ becomes ー under NFKC), white space, and the punctuation the banks
// allow in names (`( ) - . /`) or people type (・ , 、 。).
const NOISE = new RegExp(`[\\s${HYPHEN_CLASS}().,/・、。'"「」]`, 'g');

/** Katakana for hiragana (ぁ U+3041 … ゖ U+3096 → ァ … ヶ). */
function toKatakana(s: string): string {
  return s.replace(/[\u3041-\u3096]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0x60));
}

/** Full-width, upper case, katakana, small kana written large: the bank's alphabet, full-width. */
function foldKana(raw: string): string {
  return toKatakana(raw.normalize('NFKC').toUpperCase()).replace(
    SMALL_KANA_CLASS,
    (c) => SMALL_KANA[c] ?? c,
  );
}

function stripBankPrefix(s: string): string {
  const trimmed = s.trim();
  for (const prefix of BANK_PREFIXES) {
    const m = prefix.exec(trimmed);
    if (m && m[0].length < trimmed.length) return trimmed.slice(m[0].length).trim();
  }
  return trimmed;
}

function stripLegalForms(s: string): string {
  return s
    .replace(WRITTEN_FORMS, ' ')
    .replace(LEGAL_MIDDLE, ' ')
    .replace(LEGAL_BEFORE, ' ')
    .replace(LEGAL_AFTER, ' ')
    .replace(SPELLED_AT_ENDS, ' ');
}

/**
 * The comparable form of a payer name, from the bank's description or from what the owner typed.
 * '' when nothing is left (a description that is only a prefix or a legal form).
 */
export function normalizePayerName(raw: string): string {
  return stripLegalForms(stripBankPrefix(foldKana(raw))).replace(NOISE, '');
}

/** Without voicing marks (ガ → カ, パ → ハ): a name cut at the field length may lose its last ﾞ. */
function devoiced(s: string): string {
  return s
    .normalize('NFD')
    .replace(/[\u3099\u309a]/g, '')
    .normalize('NFC');
}

/** A cut name must keep this many characters to be recognised by its beginning. */
export const MIN_PREFIX_LENGTH = 4;

/**
 * - `exact`: the same name;
 * - `bankCut`: the bank's name is the beginning of the known one (cut at its field length);
 * - `bankLonger`: the known name is the beginning of the bank's (which adds a branch or a code).
 */
export type NameMatch = 'exact' | 'bankCut' | 'bankLonger';

/** How the bank's name (normalised) relates to a name known for a client (normalised). */
export function comparePayerNames(bank: string, known: string): NameMatch | null {
  if (bank === '' || known === '') return null;
  if (bank === known) return 'exact';
  if (bank.length >= MIN_PREFIX_LENGTH && bank.length < known.length) {
    if (startsWithCut(known, bank)) return 'bankCut';
  }
  if (known.length >= MIN_PREFIX_LENGTH && known.length < bank.length) {
    if (bank.startsWith(known)) return 'bankLonger';
  }
  return null;
}

/** Whether `cut` begins `whole`, the last character of `cut` perhaps without its voicing mark. */
function startsWithCut(whole: string, cut: string): boolean {
  if (whole.startsWith(cut)) return true;
  const head = cut.slice(0, -1);
  return whole.startsWith(head) && devoiced(whole.charAt(head.length)) === cut.slice(-1);
}

/** The key a name is indexed by: its first characters without voicing marks. */
export function prefixKey(normalized: string): string {
  return devoiced(normalized.slice(0, MIN_PREFIX_LENGTH));
}

/** Several payer names in one 振込名義カナ cell: one a line, or separated by 、 , ; (not `/`, which names may hold). */
export function splitPayerNames(cell: string): string[] {
  return cell
    .split(/[\n\r、，,;；]+/)
    .map((s) => s.trim())
    .filter((s) => s !== '');
}

const KANA_NAME = /^[\u30a1-\u30f6\u30fc A-Z0-9.\-/・]+$/;

/**
 * The 振込名義カナ to prefill for a client, when its name is written in kana (or Latin letters):
 * 「株式会社ヤマダ」 → 「カ)ヤマダ」, 「ヤマダ合同会社」 → 「ヤマダ(ド」, 「やまだデザイン」 →
 * 「ヤマダデザイン」. Null when the name has kanji (the owner must type the kana).
 */
export function suggestPayerKana(clientName: string): string | null {
  let rest = clientName.normalize('NFKC').trim();
  let before = '';
  let after = '';
  const forms = [
    ...LEGAL_FORMS.map((f) => ({ written: f.full, kana: f.kana })),
    ...SHORT_LEGAL_FORMS.map((written, i) => ({
      written,
      kana: ['カ', 'ユ', 'ド', 'メ', 'シ'][i] ?? '',
    })),
  ].sort((a, b) => b.written.length - a.written.length);
  for (const form of forms) {
    if (rest.startsWith(form.written)) {
      before = `${form.kana})`;
      rest = rest.slice(form.written.length);
      break;
    }
    if (rest.endsWith(form.written)) {
      after = `(${form.kana}`;
      rest = rest.slice(0, -form.written.length);
      break;
    }
  }
  const kana = toKatakana(rest.trim().toUpperCase()).replace(/\s+/g, ' ');
  if (kana === '' || !KANA_NAME.test(kana)) return null;
  return `${before}${kana}${after}`;
}

/**
 * Every name a client's transfers may come under, normalised and without repeats: the names in
 * its 振込名義カナ (and those Pokke learned), plus its own name when written in kana.
 */
export function clientPayerNames(clientName: string, payerKana: readonly string[]): string[] {
  const suggested = suggestPayerKana(clientName);
  const all = [...payerKana, ...(suggested ? [suggested] : [])].map(normalizePayerName);
  return [...new Set(all.filter((n) => n !== ''))];
}
