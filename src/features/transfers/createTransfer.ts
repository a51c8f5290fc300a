/**
 * Creating the transfer file and undoing its mark. The caller holds the workbook lock. The order
 * of the steps is the protocol of marks.ts.
 */
import type { TransferReport, TransferUndoReport } from '../../core/contracts/transfers';
import { type DateKey, tokyoInstant } from '../../core/dates';
import { formatYen } from '../../core/money';
import { inLang, type Lang, text, UserError } from '../../core/text';
import { toShiftJis } from '../../core/transfers/shiftJis';
import { readBankDirectory } from '../../services/bankDirectory';
import { now } from '../../services/clock';
import {
  createFileFromBytes,
  type DriveFolderRef,
  ensureFolderPath,
  fileNamesContaining,
} from '../../services/drive';
import { flushWorkbook } from '../../services/workbook';
import { cellText, textCell } from '../../sheets/cells';
import { RUN_LOG_SHEET } from '../../sheets/schema';
import { writeColumns } from '../../sheets/table';
import { type WorkbookTables, workbookTables } from '../../sheets/workbookTables';
import { appendRunLog } from '../automations/runLog';
import {
  MARK_KEYS,
  madeMessage,
  recordedNames,
  settleMarks,
  TRANSFER_MIME,
  transferFolderPath,
  unpaidValues,
  writeSettlement,
} from './marks';
import {
  FILE_MADE,
  type PayablesBook,
  PROVISIONAL_FILE_MARK,
  readPayablesBook,
  TRANSFER_SHEETS,
} from './payablesBook';
import { monthWithholding, planTransfer } from './plan';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

const JOB = text('振込データの作成', 'Transfer file');

/** The rows read for a run, with the marks a cut-off run left settled (written and flushed). */
export function settledBook(tables: WorkbookTables, lang: Lang): PayablesBook {
  const read = readPayablesBook(tables);
  const settlement = settleMarks(read, lang);
  if (settlement.updates.size === 0) return read;
  writeSettlement(read, settlement);
  flushWorkbook();
  return settlement.book;
}

/** furikomi_20261225.txt, else furikomi_20261225_2.txt…: a name neither the sheet nor Drive has. */
function freeName(base: string, book: PayablesBook, folder: DriveFolderRef): string {
  const stem = base.replace(/\.txt$/, '');
  const taken = new Set([...recordedNames(book), ...fileNamesContaining(folder, stem)]);
  let name = base;
  for (let n = 2; taken.has(name); n++) name = `${stem}_${n}.txt`;
  return name;
}

const sameRows = (a: readonly number[], b: readonly number[]) =>
  a.length === b.length &&
  [...a].sort((x, y) => x - y).every((r, i) => r === [...b].sort((x, y) => x - y)[i]);

export interface CreateRequest {
  readonly transferDate: DateKey;
  /** The rows the owner reviewed; without them, the 未払 rows as they are. */
  readonly rows?: readonly number[];
  readonly today: DateKey;
  readonly lang: Lang;
}

/** Makes the transfer file of the 未払 rows and marks them, once (marks.ts). */
export function createTransfer(ss: Spreadsheet, req: CreateRequest): TransferReport {
  const startedAt = now();
  const tables = workbookTables(ss, { tables: TRANSFER_SHEETS, headers: [RUN_LOG_SHEET] });
  const book = settledBook(tables, req.lang);
  const current = book.toPay.map((r) => r.rowNumber);
  if (current.length === 0) {
    throw new UserError('振込する支払がありません', 'There is nothing to pay');
  }
  if (req.rows && !sameRows(current, req.rows)) {
    throw new UserError(
      '確認した後に支払予定が変わりました。もう一度確認してください',
      'The payables changed since you reviewed them; review them again',
    );
  }
  const plan = planTransfer(book, readBankDirectory(), req.transferDate, req.today);
  if (!plan.result.ok) throw UserError.of([plan.result.message]);
  const file = plan.result.file;

  const folder = ensureFolderPath(transferFolderPath(req.transferDate));
  const fileName = freeName(file.fileName, book, folder);
  const day = tokyoInstant(req.transferDate);
  writeColumns(
    book.table,
    ['transferDate', 'withheld', 'transferAmount', 'file'],
    new Map(
      file.lines.map((l) => [
        l.row,
        [day, l.withholding, l.transfer, textCell(`${PROVISIONAL_FILE_MARK}${fileName}`)],
      ]),
    ),
  );
  flushWorkbook();
  const created = createFileFromBytes(folder, fileName, TRANSFER_MIME, toShiftJis(file.content));
  writeColumns(
    book.table,
    ['status', 'message', 'file'],
    new Map(
      file.lines.map((l) => [
        l.row,
        [
          FILE_MADE,
          textCell(madeMessage(fileName, l.transfer, l.withholding, req.lang)),
          textCell(fileName),
        ],
      ]),
    ),
  );
  const month = monthWithholding(book, req.transferDate, file.withholdingTotal);
  const message = text(
    `${fileName}: ${file.count}件 ${formatYen(file.total)}円、源泉所得税 ${formatYen(file.withholdingTotal)}円(${month.month}の合計 ${formatYen(month.total)}円、納付期限 ${month.dueDate})`,
    `${fileName}: ${file.count} transfers, ${formatYen(file.total)} yen; income tax withheld ${formatYen(file.withholdingTotal)} yen (${month.month} in all: ${formatYen(month.total)} yen, due ${month.dueDate})`,
  );
  appendRunLog(
    tables,
    [
      {
        startedAt,
        finishedAt: now(),
        day: req.today,
        job: JOB,
        result: 'ok',
        count: file.count,
        message,
      },
    ],
    req.lang,
  );
  return {
    fileName,
    url: created.url,
    count: file.count,
    total: file.total,
    withholdingTotal: file.withholdingTotal,
    month,
    message,
  };
}

/**
 * Sets the rows of a file back to 未払, so the next file pays them. The file stays in Drive (the
 * owner may have sent it to the bank already); the rows' メッセージ says so.
 */
export function undoTransferMark(
  ss: Spreadsheet,
  fileName: string,
  lang: Lang,
): TransferUndoReport {
  const book = settledBook(workbookTables(ss, { tables: TRANSFER_SHEETS }), lang);
  const rows = book.table.rows.filter(
    (r) => cellText(r.values.status) === FILE_MADE && cellText(r.values.file) === fileName,
  );
  if (rows.length === 0) {
    throw new UserError(
      `振込データ作成済の行に ${fileName} はありません`,
      `No row marked 振込データ作成済 is in ${fileName}`,
    );
  }
  const note = text(
    `${fileName} の作成済を取り消しました。このファイルは銀行に送らないでください`,
    `Took this row out of ${fileName}; do not send that file to the bank`,
  );
  writeColumns(
    book.table,
    MARK_KEYS,
    new Map(rows.map((r) => [r.rowNumber, unpaidValues(textCell(inLang(note, lang)))])),
  );
  return {
    fileName,
    count: rows.length,
    message: text(
      `${rows.length}件を未払に戻しました。${fileName} は銀行に送らないでください(ドライブに残っています)`,
      `${rows.length} rows are 未払 again. Do not send ${fileName} to the bank (it stays in Drive)`,
    ),
  };
}
