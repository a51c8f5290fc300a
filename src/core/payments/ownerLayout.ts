/**
 * The mapping the owner sets once for a bank Pokke does not know: which header holds the date (and
 * how it is written), the amount (signed, or in / out), the description and, optionally, the
 * balance. Same shape as the built-in layouts, plus the bank's name for messages.
 */
import { foldWord } from '../cells';
import { type Text, text } from '../text';
import { type CsvLayout, DATE_FORMATS, type DateFormat, layoutColumns } from './layouts';

export interface OwnerLayout extends CsvLayout {
  /** The bank's name as the owner calls it, e.g. 「ゆうちょ銀行」. */
  readonly name: string;
}

/**
 * What is wrong with a mapping, in the owner's words; empty when it can be used. With the CSV's
 * header row, every column the mapping names must be in it.
 */
export function validateOwnerLayout(layout: OwnerLayout, header?: readonly string[]): Text[] {
  const problems: Text[] = [];
  if (layout.name.trim() === '') {
    problems.push(text('銀行名を入力してください', 'Enter the name of the bank'));
  }
  const date = layout.date;
  if (date.kind === 'column') {
    if (date.column.trim() === '') {
      problems.push(text('日付の列を選んでください', 'Choose the date column'));
    }
    if (!DATE_FORMATS.includes(date.format)) {
      problems.push(text('日付の書き方を選んでください', 'Choose how the date is written'));
    }
  } else if ([date.year, date.month, date.day].some((c) => c.trim() === '')) {
    problems.push(
      text('日付の年・月・日の列をすべて選んでください', 'Choose the year, month and day columns'),
    );
  }
  const amount = layout.amount;
  if (amount.kind === 'signed') {
    if (amount.column.trim() === '') {
      problems.push(text('金額の列を選んでください', 'Choose the amount column'));
    }
  } else if (amount.in.trim() === '' || amount.out.trim() === '') {
    problems.push(
      text(
        '入金額と出金額の列を両方選んでください',
        'Choose both the money-in and money-out columns',
      ),
    );
  }
  if (!layout.description.some((c) => c.trim() !== '')) {
    problems.push(
      text('摘要(振込依頼人名)の列を選んでください', 'Choose the description (payer) column'),
    );
  }
  const named = layoutColumns(layout).filter((c) => c.trim() !== '');
  const seen = new Set<string>();
  for (const column of named) {
    const key = foldWord(column);
    if (seen.has(key)) {
      problems.push(
        text(
          `列「${column}」が二つの項目に選ばれています`,
          `The column "${column}" is chosen for two fields`,
        ),
      );
    }
    seen.add(key);
  }
  if (header) {
    const present = new Set(header.map(foldWord));
    for (const column of named) {
      if (!present.has(foldWord(column))) {
        problems.push(
          text(`見出し「${column}」がCSVにありません`, `The CSV has no column headed "${column}"`),
        );
      }
    }
  }
  return problems;
}

/** What the 設定 cell of the owner's mappings holds, read back. */
export interface StoredOwnerLayouts {
  readonly layouts: OwnerLayout[];
  /** Set when the cell holds something else than mappings Pokke wrote (they are then ignored). */
  readonly problem: Text | null;
}

/**
 * The owner's mappings from their 設定 cell: a JSON array of mappings, as `formatOwnerLayouts`
 * writes it. A cell that does not read as one gives no mapping and a problem to show.
 */
export function parseOwnerLayouts(cell: string): StoredOwnerLayouts {
  if (cell.trim() === '') return { layouts: [], problem: null };
  let parsed: unknown;
  try {
    parsed = JSON.parse(cell);
  } catch {
    parsed = null;
  }
  const layouts = Array.isArray(parsed) ? parsed.filter(isOwnerLayout) : [];
  if (Array.isArray(parsed) && layouts.length === parsed.length) return { layouts, problem: null };
  return {
    layouts,
    problem: text(
      '設定「銀行CSVの列の対応」を読み取れません。入金確認でCSVを取り込み直し、列の対応を設定してください',
      'The setting 銀行CSVの列の対応 cannot be read: import the CSV again in Payments in and set its columns',
    ),
  };
}

/** The cell's text: one JSON array, one line per bank so the owner can read it in the sheet. */
export function formatOwnerLayouts(layouts: readonly OwnerLayout[]): string {
  return `[\n${layouts.map((l) => JSON.stringify(l)).join(',\n')}\n]`;
}

/** The mappings with this one added, in place of the one of the same bank name or columns. */
export function withOwnerLayout(
  layouts: readonly OwnerLayout[],
  layout: OwnerLayout,
): OwnerLayout[] {
  const sameColumns = (l: OwnerLayout) =>
    layoutColumns(l).map(foldWord).join('\u0000') ===
    layoutColumns(layout).map(foldWord).join('\u0000');
  const sameName = (l: OwnerLayout) => foldWord(l.name) === foldWord(layout.name);
  return [...layouts.filter((l) => !sameName(l) && !sameColumns(l)), layout];
}

const isText = (v: unknown): v is string => typeof v === 'string';

function isOwnerLayout(v: unknown): v is OwnerLayout {
  if (v === null || typeof v !== 'object') return false;
  const l = v as Record<string, unknown>;
  const date = l.date as Record<string, unknown> | undefined;
  const amount = l.amount as Record<string, unknown> | undefined;
  const dateOk =
    !!date &&
    ((date.kind === 'column' &&
      isText(date.column) &&
      DATE_FORMATS.includes(date.format as DateFormat)) ||
      (date.kind === 'parts' && isText(date.year) && isText(date.month) && isText(date.day)));
  const amountOk =
    !!amount &&
    ((amount.kind === 'signed' && isText(amount.column)) ||
      (amount.kind === 'inOut' && isText(amount.in) && isText(amount.out)));
  return (
    isText(l.name) &&
    dateOk &&
    amountOk &&
    Array.isArray(l.description) &&
    l.description.every(isText) &&
    (l.balance === undefined || isText(l.balance))
  );
}
