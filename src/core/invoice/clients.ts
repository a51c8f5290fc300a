/**
 * One row of the 取引先 sheet → a `Client`, or the problems that keep it from being invoiced.
 *
 * Defaults: 敬称 御中, 休日の扱い 翌営業日 (民法142条: with no agreement the next business day),
 * 言語 ja, 源泉徴収 しない, 支払条件 the owner's default terms (設定). Values that are present but
 * unreadable are problems, never silently replaced by a default: a client whose terms say
 * 「月末しめ」 wrongly must not be billed on the owner's default terms.
 * Warnings (a registration number failing the corporate check digit, no mail address, an odd
 * postal code) never block invoicing.
 */

import type { HolidayRule } from '../businessDays';
import { cellString, foldWord } from '../cells';
import { DEFAULT_HOLIDAY_RULE, type PaymentTerms, parsePaymentTerms } from '../paymentTerms';
import { checkRegistrationNumber, registrationNumberMessage } from '../registrationNumber';
import type { Lang } from '../text';
import { type FieldLabel, labelled, type Problem, problem } from './problems';

export type ClientField =
  | 'name'
  | 'honorific'
  | 'postalCode'
  | 'address'
  | 'contact'
  | 'email'
  | 'terms'
  | 'holidayRule'
  | 'language'
  | 'withholding'
  | 'registrationNumber';

/** Raw cell values of one 取引先 row, keyed like CLIENTS_SHEET's columns. */
export type ClientCells = Partial<Readonly<Record<ClientField, unknown>>>;

export type Honorific = '御中' | '様';

export interface Client {
  /** 1-based sheet row (0 when not from a sheet). */
  readonly row: number;
  /** The name as written in the sheet (trimmed). */
  readonly name: string;
  /** `clientKey(name)`: how sales lines find their client. */
  readonly key: string;
  readonly honorific: Honorific;
  readonly postalCode: string;
  readonly address: string;
  /** A person at the client (ご担当者); with a contact the invoice reads 「会社名 / 氏名 様」. */
  readonly contact: string;
  /** Mail addresses, comma-separated ('' when none). */
  readonly email: string;
  readonly terms: PaymentTerms;
  /** Whether `terms` came from the owner's default terms because the cell was blank. */
  readonly termsFromDefault: boolean;
  readonly holidayRule: HolidayRule;
  readonly language: Lang;
  /** Whether the client withholds income tax from the owner's fees (源泉徴収 する). */
  readonly withholding: boolean;
  /** Normalised `T` + 13 digits, or ''. */
  readonly registrationNumber: string;
}

export interface ClientDefaults {
  /** The owner's default payment terms as written (SettingsForm.defaultTerms). */
  readonly defaultTerms: string;
}

export type ClientResult =
  | { ok: true; client: Client; warnings: Problem<ClientField>[] }
  | { ok: false; problems: Problem<ClientField>[]; warnings: Problem<ClientField>[] };

export const CLIENT_LABELS: Readonly<Record<ClientField, FieldLabel>> = {
  name: { ja: '取引先名', en: 'Client' },
  honorific: { ja: '敬称', en: 'Honorific' },
  postalCode: { ja: '郵便番号', en: 'Postal code' },
  address: { ja: '住所', en: 'Address' },
  contact: { ja: '担当者', en: 'Contact' },
  email: { ja: 'メール', en: 'Email' },
  terms: { ja: '支払条件', en: 'Payment terms' },
  holidayRule: { ja: '休日の扱い', en: 'Holiday rule' },
  language: { ja: '言語', en: 'Language' },
  withholding: { ja: '源泉徴収', en: 'Withholding' },
  registrationNumber: { ja: '登録番号', en: 'Registration number' },
};

/**
 * How client names are compared: NFKC (full-width letters and digits, ㈱ → (株)), no spaces,
 * lower case. 「株式会社 ポッケ」 and 「株式会社ポッケ」 are the same client.
 */
export function clientKey(name: string): string {
  return foldWord(name);
}

/** A lookup by `clientKey`; the first item of each key wins (duplicates are reported by validateClientRows). */
export function indexClients<T extends { readonly name: string }>(
  items: readonly T[],
): Map<string, T> {
  const map = new Map<string, T>();
  for (const item of items) {
    const key = clientKey(item.name);
    if (!map.has(key)) map.set(key, item);
  }
  return map;
}

const HONORIFIC_WORDS: Readonly<Record<string, Honorific>> = {
  御中: '御中',
  おんちゅう: '御中',
  様: '様',
  さま: '様',
  サマ: '様',
};
const HOLIDAY_WORDS: Readonly<Record<string, HolidayRule>> = {
  翌営業日: 'next',
  翌営業日払い: 'next',
  翌日: 'next',
  翌: 'next',
  後: 'next',
  next: 'next',
  following: 'next',
  nextbusinessday: 'next',
  前営業日: 'previous',
  前営業日払い: 'previous',
  前日: 'previous',
  前: 'previous',
  previous: 'previous',
  prev: 'previous',
  preceding: 'previous',
  previousbusinessday: 'previous',
};
const LANGUAGE_WORDS: Readonly<Record<string, Lang>> = {
  ja: 'ja',
  jp: 'ja',
  japanese: 'ja',
  日本語: 'ja',
  和文: 'ja',
  en: 'en',
  english: 'en',
  英語: 'en',
  英文: 'en',
};
const YES_NO_WORDS: Readonly<Record<string, boolean>> = {
  する: true,
  あり: true,
  有: true,
  有り: true,
  はい: true,
  要: true,
  yes: true,
  y: true,
  true: true,
  '1': true,
  '○': true,
  〇: true,
  しない: false,
  なし: false,
  無: false,
  無し: false,
  いいえ: false,
  不要: false,
  no: false,
  n: false,
  false: false,
  '0': false,
  '×': false,
  '-': false,
};

// An address without spaces, quotes, angle brackets or separators, with a dot in the domain.
const EMAIL = /^[^\s@<>()[\]",;:]+@[^\s@<>()[\]",;:]+\.[^\s@<>()[\]",;:.][^\s@<>()[\]",;:]*$/;

/** An own property of a word table (never `constructor` or other inherited names). */
export function lookup<T>(words: Readonly<Record<string, T>>, key: string): T | undefined {
  return Object.prototype.propertyIsEnumerable.call(words, key) ? words[key] : undefined;
}

function choice<T>(
  words: Readonly<Record<string, T>>,
  value: unknown,
  fallback: T,
): { ok: true; value: T } | { ok: false } {
  if (typeof value === 'boolean') {
    const key = value ? 'true' : 'false';
    return key in words ? { ok: true, value: words[key] as T } : { ok: false };
  }
  const text = foldWord(cellString(value));
  if (text === '') return { ok: true, value: fallback };
  const found = lookup(words, text);
  return found === undefined ? { ok: false } : { ok: true, value: found };
}

function postal(text: string): string | null {
  const s = text
    .normalize('NFKC')
    .replace(/^〒/, '')
    .replace(/[\s\u2010-\u2015\u2212\u30fc\uff70-]/g, '');
  const m = /^(\d{3})(\d{4})$/.exec(s);
  return m ? `${m[1]}-${m[2]}` : null;
}

/** Validates one 取引先 row. */
export function validateClientRow(
  cells: ClientCells,
  row: number,
  defaults: ClientDefaults,
): ClientResult {
  const problems: Problem<ClientField>[] = [];
  const warnings: Problem<ClientField>[] = [];
  const L = CLIENT_LABELS;

  const name = cellString(cells.name).replace(/\s+/g, ' ');
  if (name === '')
    problems.push(
      problem('name', L.name, '取引先名が入力されていません', 'No client name entered'),
    );

  const honorific = choice(HONORIFIC_WORDS, cells.honorific, '御中' as Honorific);
  if (!honorific.ok)
    problems.push(
      problem(
        'honorific',
        L.honorific,
        '「御中」か「様」を選んでください',
        'Choose 御中 (a company) or 様 (a person)',
        cells.honorific,
      ),
    );

  const holidayRule = choice(HOLIDAY_WORDS, cells.holidayRule, DEFAULT_HOLIDAY_RULE);
  if (!holidayRule.ok)
    problems.push(
      problem(
        'holidayRule',
        L.holidayRule,
        '「翌営業日」か「前営業日」を選んでください',
        'Choose 翌営業日 (next business day) or 前営業日 (previous business day)',
        cells.holidayRule,
      ),
    );

  const language = choice(LANGUAGE_WORDS, cells.language, 'ja' as Lang);
  if (!language.ok)
    problems.push(
      problem(
        'language',
        L.language,
        '「ja」(日本語)か「en」(英語)を選んでください',
        'Choose ja (Japanese) or en (English)',
        cells.language,
      ),
    );

  const withholding = choice(YES_NO_WORDS, cells.withholding, false);
  if (!withholding.ok)
    problems.push(
      problem(
        'withholding',
        L.withholding,
        '「する」か「しない」を選んでください',
        'Choose する (withholds) or しない (does not)',
        cells.withholding,
      ),
    );

  const termsText = cellString(cells.terms);
  let terms: PaymentTerms | undefined;
  let termsFromDefault = false;
  if (termsText !== '') {
    const parsed = parsePaymentTerms(termsText);
    if (parsed.ok) terms = parsed.terms;
    else problems.push({ field: 'terms', message: labelled(L.terms, parsed.message, termsText) });
  } else {
    const parsed = parsePaymentTerms(defaults.defaultTerms);
    termsFromDefault = true;
    if (parsed.ok) terms = parsed.terms;
    else
      problems.push(
        problem(
          'terms',
          L.terms,
          '支払条件が空欄で、設定の「既定の支払条件」も読み取れません。どちらかに入力してください',
          'No payment terms here and the default terms in the settings cannot be read; enter one of them',
        ),
      );
  }

  const emailText = cellString(cells.email);
  const addresses = emailText
    .normalize('NFKC')
    .split(/[\s,;、，]+/)
    .filter((a) => a !== '');
  const badAddress = addresses.find((a) => !EMAIL.test(a));
  if (badAddress !== undefined)
    problems.push(
      problem(
        'email',
        L.email,
        'メールアドレスの形式が正しくありません',
        'Not a valid mail address',
        badAddress,
      ),
    );
  else if (addresses.length === 0)
    warnings.push(
      problem(
        'email',
        L.email,
        'メールアドレスがないため、メールの下書きは宛先なしで作られます',
        'No mail address: the draft will have no recipient',
      ),
    );

  const postalText = cellString(cells.postalCode);
  const postalCode = postalText === '' ? '' : (postal(postalText) ?? postalText);
  if (postalText !== '' && postal(postalText) === null)
    warnings.push(
      problem(
        'postalCode',
        L.postalCode,
        '郵便番号は7桁の数字です(例: 100-0001)',
        'A postal code has 7 digits (e.g. 100-0001)',
        postalText,
      ),
    );

  const registrationText = cellString(cells.registrationNumber);
  let registrationNumber = '';
  if (registrationText !== '') {
    const check = checkRegistrationNumber(registrationText);
    const { severity, message } = registrationNumberMessage(check);
    if (check.ok) registrationNumber = check.value;
    // The client's own number is not printed on the invoice Pokke issues: never blocking.
    if (severity !== 'ok')
      warnings.push({
        field: 'registrationNumber',
        message: labelled(L.registrationNumber, message, registrationText),
      });
  }

  if (
    problems.length > 0 ||
    terms === undefined ||
    !honorific.ok ||
    !holidayRule.ok ||
    !language.ok ||
    !withholding.ok
  )
    return { ok: false, problems, warnings };

  return {
    ok: true,
    warnings,
    client: {
      row,
      name,
      key: clientKey(name),
      honorific: honorific.value,
      postalCode,
      address: cellString(cells.address),
      contact: cellString(cells.contact).replace(/\s+/g, ' '),
      email: addresses.join(','),
      terms,
      termsFromDefault,
      holidayRule: holidayRule.value,
      language: language.value,
      withholding: withholding.value,
      registrationNumber,
    },
  };
}

export interface RowInput<C> {
  /** 1-based sheet row. */
  readonly rowNumber: number;
  readonly values: C;
}

export interface RowProblems<F extends string> {
  readonly row: number;
  readonly problems: Problem<F>[];
}

export interface ClientsValidation {
  /** Valid clients in sheet order; for each name key only the first row. */
  readonly clients: Client[];
  /** Rows that cannot be used, each with its problems (a duplicate name is one). */
  readonly rejected: RowProblems<ClientField>[];
  /** Rows that are usable but deserve a look. */
  readonly warnings: RowProblems<ClientField>[];
}

/**
 * Validates every 取引先 row. A name that appears twice (after `clientKey`) is kept on its first
 * row and refused on the later ones: sales lines could not tell them apart.
 */
export function validateClientRows(
  rows: readonly RowInput<ClientCells>[],
  defaults: ClientDefaults,
): ClientsValidation {
  const clients: Client[] = [];
  const rejected: RowProblems<ClientField>[] = [];
  const warnings: RowProblems<ClientField>[] = [];
  const firstRow = new Map<string, number>();
  for (const { rowNumber, values } of rows) {
    const result = validateClientRow(values, rowNumber, defaults);
    if (result.warnings.length > 0) warnings.push({ row: rowNumber, problems: result.warnings });
    if (!result.ok) {
      rejected.push({ row: rowNumber, problems: result.problems });
      continue;
    }
    const first = firstRow.get(result.client.key);
    if (first !== undefined) {
      rejected.push({
        row: rowNumber,
        problems: [
          problem(
            'name',
            CLIENT_LABELS.name,
            `同じ取引先名が${first}行目にあります。名前を区別してください`,
            `The same client name is on row ${first}; make the names distinct`,
            result.client.name,
          ),
        ],
      });
      continue;
    }
    firstRow.set(result.client.key, rowNumber);
    clients.push(result.client);
  }
  return { clients, rejected, warnings };
}
