/**
 * The mapping the owner sets once for a bank Pokke does not know: which header holds the date (and
 * how it is written), the amount (signed, or in / out), the description and, optionally, the
 * balance. Same shape as the built-in layouts, plus the bank's name for messages.
 */
import { foldWord } from '../cells';
import { type Text, text } from '../text';
import { type CsvLayout, DATE_FORMATS, layoutColumns } from './layouts';

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
