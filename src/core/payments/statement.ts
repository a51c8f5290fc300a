/**
 * A bank statement CSV (already decoded to a string) → its lines: date, signed amount, description,
 * balance. The layout is found from the header row (a built-in bank, or the owner's mapping).
 * All or nothing: one unreadable row and the whole file is refused with the reasons, so an import
 * never stops half-way.
 */
import { foldWord } from '../cells';
import { type DateKey, dateKey, parseDateKey } from '../dates';
import { formatYen, parseYen } from '../money';
import { type Text, text } from '../text';
import { parseCsv } from './csv';
import { BANK_LAYOUTS, type CsvLayout, type DateFormat, layoutColumns } from './layouts';
import type { OwnerLayout } from './ownerLayout';

export interface StatementLine {
  readonly date: DateKey;
  /** Yen, positive for money in, negative for money out. */
  readonly amount: number;
  readonly description: string;
  /** The balance after the line, when the bank gives it. */
  readonly balance: number | null;
  /** The line of the file (1-based) the row starts on. */
  readonly fileLine: number;
}

export type StatementRead =
  | {
      readonly ok: true;
      /** The bank's layout id (`rakuten`, `smbc`…), or `owner` for the owner's mapping. */
      readonly layoutId: string;
      readonly bank: Text;
      /** Lines in file order; rows without an amount (both columns blank) are left out. */
      readonly lines: StatementLine[];
    }
  | {
      readonly ok: false;
      readonly problems: Text[];
      /** The header matches no layout: the row that looks like the header, for the owner to map. */
      readonly unknownHeader?: CsvHeader;
    };

/** A CSV's header row and the first rows below it (what the owner maps a new bank from). */
export interface CsvHeader {
  readonly header: readonly string[];
  readonly samples: readonly (readonly string[])[];
}

/** Beyond these a statement is refused (a month of a busy account is a few thousand lines). */
export const MAX_STATEMENT_CHARS = 5_000_000;
export const MAX_STATEMENT_LINES = 20_000;
/** Banks put a few lines (account, period) above the header: it is looked for this far down. */
const HEADER_SEARCH_ROWS = 10;
/** How many row problems a refusal lists before 「ほか n 件」. */
const LISTED_PROBLEMS = 5;

export interface ReadStatementOptions {
  /** The owner's mappings (one per bank), tried before the built-in layouts. */
  readonly ownerLayouts?: readonly OwnerLayout[];
}

export function readStatement(decoded: string, options: ReadStatementOptions = {}): StatementRead {
  if (decoded.length > MAX_STATEMENT_CHARS) {
    return refuse(
      text(
        `ファイルが大きすぎます(${formatYen(MAX_STATEMENT_CHARS)}文字まで)。期間を分けてダウンロードしてください`,
        `The file is too large (at most ${formatYen(MAX_STATEMENT_CHARS)} characters): download shorter periods`,
      ),
    );
  }
  if (decoded.includes('\ufffd')) {
    return refuse(
      text(
        '文字コードを読み取れません。銀行からダウンロードしたままのCSV(Shift_JIS または UTF-8)を選んでください',
        'The text encoding cannot be read: choose the CSV as downloaded from the bank (Shift_JIS or UTF-8)',
      ),
    );
  }
  const parsed = parseCsv(decoded);
  if (!parsed.ok) return refuse(parsed.message);
  const { rows, rowLines } = parsed;
  if (rows.length > MAX_STATEMENT_LINES + HEADER_SEARCH_ROWS) {
    return refuse(
      text(
        `明細が多すぎます(${formatYen(MAX_STATEMENT_LINES)}行まで)。期間を分けてダウンロードしてください`,
        `Too many lines (at most ${formatYen(MAX_STATEMENT_LINES)}): download shorter periods`,
      ),
    );
  }
  const found = findLayout(rows, options.ownerLayouts);
  if (!found) {
    const unknownHeader = headerCandidate(rows);
    return {
      ok: false,
      problems: [unknownHeaderMessage(rows[0])],
      ...(unknownHeader ? { unknownHeader } : {}),
    };
  }
  const { layout, headerIndex, layoutId, bank } = found;
  const columns = columnIndexes(layout, rows[headerIndex] ?? []);
  const lines: StatementLine[] = [];
  const problems: Text[] = [];
  for (let r = headerIndex + 1; r < rows.length; r++) {
    const row = rows[r] ?? [];
    const fileLine = rowLines[r] ?? r + 1;
    if (row.every((cell) => cell.trim() === '')) continue;
    const read = readRow(row, columns, fileLine);
    if ('problem' in read) problems.push(read.problem);
    else if (read.line) lines.push(read.line);
  }
  if (problems.length > 0) return { ok: false, problems: listed(problems) };
  return { ok: true, layoutId, bank, lines };
}

function refuse(problem: Text): StatementRead {
  return { ok: false, problems: [problem] };
}

function listed(problems: Text[]): Text[] {
  if (problems.length <= LISTED_PROBLEMS) return problems;
  const rest = problems.length - LISTED_PROBLEMS;
  return [
    ...problems.slice(0, LISTED_PROBLEMS),
    text(`ほか${rest}件の行も読み取れません`, `and ${rest} more rows cannot be read`),
  ];
}

interface FoundLayout {
  readonly layout: CsvLayout;
  readonly headerIndex: number;
  readonly layoutId: string;
  readonly bank: Text;
}

/**
 * The first row (of the first few) that holds every column of a layout. The owner's mapping wins;
 * among the banks, the layout reading the most columns (the most specific) wins.
 */
export function findLayout(
  rows: readonly (readonly string[])[],
  ownerLayouts: readonly OwnerLayout[] = [],
): FoundLayout | null {
  const limit = Math.min(rows.length, HEADER_SEARCH_ROWS);
  for (let r = 0; r < limit; r++) {
    const present = new Set((rows[r] ?? []).map(foldWord));
    const fits = (layout: CsvLayout) =>
      layoutColumns(layout).every((c) => present.has(foldWord(c)));
    const own = ownerLayouts.find(fits);
    if (own) {
      return { layout: own, headerIndex: r, layoutId: 'owner', bank: text(own.name, own.name) };
    }
    let best: (typeof BANK_LAYOUTS)[number] | null = null;
    for (const layout of BANK_LAYOUTS) {
      if (!fits(layout)) continue;
      if (!best || layoutColumns(layout).length > layoutColumns(best).length) best = layout;
    }
    if (best) return { layout: best, headerIndex: r, layoutId: best.id, bank: best.bank };
  }
  return null;
}

/** Rows of sample data shown under the header when the owner maps a new bank. */
const SAMPLE_ROWS = 3;

/**
 * The row that looks like the header of an unknown bank's file: the first of the first few with at
 * least three cells, none of them a number (lines above the header, such as the account, hold one
 * or two cells; data rows hold amounts).
 */
export function headerCandidate(rows: readonly (readonly string[])[]): CsvHeader | null {
  const limit = Math.min(rows.length, HEADER_SEARCH_ROWS);
  for (let r = 0; r < limit; r++) {
    const cells = (rows[r] ?? []).map((c) => c.trim());
    const named = cells.filter((c) => c !== '');
    if (named.length < 3 || named.some((c) => /^[-+]?[\d,.]+$/.test(c.normalize('NFKC')))) {
      continue;
    }
    const samples = rows
      .slice(r + 1)
      .filter((row) => row.some((c) => c.trim() !== ''))
      .slice(0, SAMPLE_ROWS)
      .map((row) => cells.map((_, i) => (row[i] ?? '').trim()));
    return { header: cells, samples };
  }
  return null;
}

function unknownHeaderMessage(firstRow: readonly string[] | undefined): Text {
  const banks = BANK_LAYOUTS.map((l) => l.bank);
  const header = (firstRow ?? []).slice(0, 8).join(', ');
  return text(
    `見出し行から銀行を判別できません(1行目: ${header || '空'})。対応している銀行: ${banks.map((b) => b.ja).join('、')}。ほかの銀行は列の対応を設定してください`,
    `The header row matches no known bank (line 1: ${header || 'empty'}). Known banks: ${banks.map((b) => b.en).join(', ')}. For another bank, set which column is which`,
  );
}

interface ColumnIndexes {
  readonly date:
    | { kind: 'column'; index: number; format: DateFormat }
    | { kind: 'parts'; year: number; month: number; day: number };
  readonly amount: { kind: 'signed'; index: number } | { kind: 'inOut'; in: number; out: number };
  readonly description: number[];
  readonly balance: number | null;
  /** The row must reach this column (0-based) to be whole: the last one the layout reads. */
  readonly last: number;
}

function columnIndexes(layout: CsvLayout, header: readonly string[]): ColumnIndexes {
  const keys = header.map(foldWord);
  const at = (name: string) => keys.indexOf(foldWord(name));
  const date =
    layout.date.kind === 'column'
      ? { kind: 'column' as const, index: at(layout.date.column), format: layout.date.format }
      : {
          kind: 'parts' as const,
          year: at(layout.date.year),
          month: at(layout.date.month),
          day: at(layout.date.day),
        };
  const amount =
    layout.amount.kind === 'signed'
      ? { kind: 'signed' as const, index: at(layout.amount.column) }
      : { kind: 'inOut' as const, in: at(layout.amount.in), out: at(layout.amount.out) };
  const balance = layout.balance ? at(layout.balance) : null;
  return {
    date,
    amount,
    description: layout.description.map(at),
    balance,
    last: Math.max(...layoutColumns(layout).map(at)),
  };
}

type RowRead = { line: StatementLine | null } | { problem: Text };

function readRow(row: readonly string[], columns: ColumnIndexes, fileLine: number): RowRead {
  const problem = (ja: string, en: string): RowRead => ({
    problem: text(`${fileLine}行目: ${ja}`, `Line ${fileLine}: ${en}`),
  });
  if (row.length <= columns.last) {
    return problem(
      '列が足りません(ファイルが途中で切れていませんか)',
      'columns are missing (is the file cut off?)',
    );
  }
  const cell = (i: number) => (row[i] ?? '').trim();
  const date = readDate(columns.date, cell);
  if (!date) return problem('日付を読み取れません', 'the date cannot be read');
  const amount = readAmount(columns.amount, cell);
  if (amount === null) return problem('金額を読み取れません', 'the amount cannot be read');
  if (amount === 0) return { line: null };
  let balance: number | null = null;
  if (columns.balance !== null && columns.balance >= 0 && cell(columns.balance) !== '') {
    const b = parseYen(cell(columns.balance));
    if (!b.ok) return problem('残高を読み取れません', 'the balance cannot be read');
    balance = b.yen;
  }
  const description = columns.description
    .map((i) => (i >= 0 ? cell(i) : ''))
    .filter((d) => d !== '')
    .join(' ');
  return { line: { date, amount, description, balance, fileLine } };
}

const DATE_SHAPES: Record<DateFormat, RegExp> = {
  yyyymmdd: /^\d{8}$/,
  'y/m/d': /^\d{4}\/\d{1,2}\/\d{1,2}$/,
  'y-m-d': /^\d{4}-\d{1,2}-\d{1,2}$/,
  y年m月d日: /^\d{4}年\d{1,2}月\d{1,2}日$/,
};

/** A date in the layout's declared shape only: a mapping that names the wrong column fails loudly. */
export function parseStatementDate(value: string, format: DateFormat): DateKey | null {
  const s = value.normalize('NFKC').replace(/\s+/g, '');
  return DATE_SHAPES[format].test(s) ? parseDateKey(s) : null;
}

function readDate(spec: ColumnIndexes['date'], cell: (i: number) => string): DateKey | null {
  if (spec.kind === 'column') return parseStatementDate(cell(spec.index), spec.format);
  const [y, m, d] = [spec.year, spec.month, spec.day].map((i) => cell(i).normalize('NFKC'));
  if (![y, m, d].every((p) => /^\d{1,4}$/.test(p ?? ''))) return null;
  try {
    return dateKey(Number(y), Number(m), Number(d));
  } catch {
    return null;
  }
}

/** The signed amount; null when unreadable. Blank in/out cells are 0. */
function readAmount(spec: ColumnIndexes['amount'], cell: (i: number) => string): number | null {
  if (spec.kind === 'signed') {
    const v = parseYen(cell(spec.index));
    return v.ok ? v.yen : null;
  }
  const side = (i: number): number | null => {
    if (cell(i) === '') return 0;
    const v = parseYen(cell(i));
    return v.ok && v.yen >= 0 ? v.yen : null;
  };
  const moneyIn = side(spec.in);
  const moneyOut = side(spec.out);
  if (moneyIn === null || moneyOut === null) return null;
  return moneyIn - moneyOut;
}
