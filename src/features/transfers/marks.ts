/**
 * The marks that keep a payable from being paid twice, and the protocol that makes a transfer
 * file exactly once for a set of rows, wherever a run is cut off:
 *
 * 1. The file's name is chosen free: no row of 支払予定 names it and no file of Drive's folder
 *    has it (a file whose rows were set back to 未払 keeps its name).
 * 2. The rows are marked `作成中:<name>` (with their transfer date and amounts) and the workbook
 *    is flushed. From then on no run offers them.
 * 3. The file is created in Drive, once: only a run that marked the rows itself creates it.
 * 4. The rows are marked 振込データ作成済 with the name.
 *
 * A run cut off after 2 leaves rows marked 作成中. The next run (the preview reads, creating
 * writes) settles them by the one fact that decides: the file of that name is in Drive (3 happened:
 * the rows are 振込データ作成済) or it is not (nothing was made: the rows are 未払 again and go
 * into the next file). Settling never creates a file.
 */
import { type DateKey, dateKey, dateParts } from '../../core/dates';
import { formatYen } from '../../core/money';
import { inLang, type Lang, text } from '../../core/text';
import { type DriveFolderRef, ensureFolderPath, findFileOfType } from '../../services/drive';
import { cellText, textCell } from '../../sheets/cells';
import { type Table, type TableRow, writeColumns } from '../../sheets/table';
import {
  FILE_MADE,
  type PayableKey,
  type PayablesBook,
  payablesBookOf,
  UNPAID,
} from './payablesBook';

export const TRANSFER_MIME = 'text/plain';

/** Pokke/振込/YYYY/MM of the transfer date. */
export function transferFolderPath(date: DateKey): string[] {
  const { year, month } = dateParts(date);
  return ['Pokke', '振込', String(year), String(month).padStart(2, '0')];
}

/** The transfer date a file name carries (furikomi_20261225.txt, furikomi_20261225_2.txt). */
export function fileNameDate(fileName: string): DateKey | null {
  const m = /^furikomi_(\d{4})(\d{2})(\d{2})(?:_\d+)?\.txt$/.exec(fileName);
  if (!m) return null;
  try {
    return dateKey(Number(m[1]), Number(m[2]), Number(m[3]));
  } catch {
    return null;
  }
}

/** The メッセージ of a row in a file: the same whether the run finished or a later one settled it. */
export function madeMessage(fileName: string, transfer: unknown, withheld: unknown, lang: Lang) {
  const yen = (v: unknown) => formatYen(typeof v === 'number' ? v : 0);
  return inLang(
    text(
      `振込データ ${fileName} に入れました(振込額 ${yen(transfer)}円、源泉徴収 ${yen(withheld)}円)`,
      `In the transfer file ${fileName} (transfer ${yen(transfer)} yen, withheld ${yen(withheld)} yen)`,
    ),
    lang,
  );
}

/** Columns a settled or undone row gets, the mark last. */
export const MARK_KEYS = [
  'status',
  'transferDate',
  'withheld',
  'transferAmount',
  'message',
  'file',
] as const satisfies readonly PayableKey[];

type MarkValues = [unknown, unknown, unknown, unknown, unknown, unknown];

/** Back to 未払 with nothing recorded (the run made no file, or the owner undid the mark). */
export function unpaidValues(message: string): MarkValues {
  return [UNPAID, '', '', '', message, ''];
}

function madeValues(row: TableRow<PayableKey>, fileName: string, lang: Lang): MarkValues {
  const v = row.values;
  return [
    FILE_MADE,
    v.transferDate,
    v.withheld,
    v.transferAmount,
    textCell(madeMessage(fileName, v.transferAmount, v.withheld, lang)),
    textCell(fileName),
  ];
}

export interface Settlement {
  /** The book as it is once the marks are settled. */
  readonly book: PayablesBook;
  /** Row → its settled cells (MARK_KEYS), to write. */
  readonly updates: ReadonlyMap<number, MarkValues>;
}

/**
 * How the 作成中 marks settle, by whether each file is in Drive (reads only: the preview uses it
 * as it is, creating writes `updates`).
 */
export function settleMarks(
  book: PayablesBook,
  lang: Lang,
  folderFor: (date: DateKey) => DriveFolderRef = (d) => ensureFolderPath(transferFolderPath(d)),
): Settlement {
  if (book.provisional.size === 0) return { book, updates: new Map() };
  const exists = new Map<string, boolean>();
  for (const name of new Set(book.provisional.values())) {
    const date = fileNameDate(name);
    exists.set(
      name,
      date !== null && findFileOfType(folderFor(date), name, TRANSFER_MIME) !== null,
    );
  }
  const updates = new Map<number, MarkValues>();
  const rows = book.table.rows.map((row) => {
    const name = book.provisional.get(row.rowNumber);
    if (name === undefined) return row;
    const values = exists.get(name) ? madeValues(row, name, lang) : unpaidValues('');
    updates.set(row.rowNumber, values);
    const settled = Object.fromEntries(MARK_KEYS.map((k, i) => [k, values[i]]));
    return { ...row, values: { ...row.values, ...settled } };
  });
  // The table with its rows replaced; its sheet stays looked up on first use (a spread would
  // look it up now: a call).
  const table: Table<PayableKey> = Object.create(book.table, { rows: { value: rows } });
  return { book: payablesBookOf(table, book.requester), updates };
}

/** Writes the settled cells (one batched write). */
export function writeSettlement(book: PayablesBook, settlement: Settlement): void {
  writeColumns(book.table, MARK_KEYS, settlement.updates);
}

/** Names the sheet records (marked or made), for choosing a free one. */
export function recordedNames(book: PayablesBook): Set<string> {
  const names = new Set<string>();
  for (const row of book.table.rows) {
    const file = cellText(row.values.file);
    if (file !== '') names.add(file.replace(/^作成中:/, ''));
  }
  return names;
}
