import * as z from 'zod/mini';
import { nextBusinessDay } from '../core/businessDays';
import type {
  TransferDefaults,
  TransferPreview,
  TransferReport,
  TransferUndoReport,
} from '../core/contracts/transfers';
import { parseDateKey, tokyoDateKey } from '../core/dates';
import { text } from '../core/text';
import {
  createTransfer,
  settledBook,
  undoTransferMark,
} from '../features/transfers/createTransfer';
import { readPayablesBook, TRANSFER_SHEETS } from '../features/transfers/payablesBook';
import { planTransfer, toPreview } from '../features/transfers/plan';
import { readBankDirectory } from '../services/bankDirectory';
import { now } from '../services/clock';
import { userLang } from '../services/language';
import { withWorkbookLock } from '../services/lock';
import { activeWorkbook } from '../services/workbook';
import { rememberActiveWorkbook } from '../services/workbookLink';
import { workbookTables } from '../sheets/workbookTables';
import { noRequest, rpc } from './rpc';
import { openSidebar } from './sheetsActions';

/** A file holds at most 9,999 records (core refuses more); a request names at most that many rows. */
const MAX_ROWS = 10_000;

const transferDate = z.string().check(
  z.regex(/^\d{4}-\d{2}-\d{2}$/),
  z.refine((s) => parseDateKey(s) !== null),
);

const FIELD_NAMES = {
  transferDate: text('振込指定日', 'Transfer date'),
  rows: text('支払予定の行', 'Payable rows'),
  fileName: text('振込ファイル', 'Transfer file'),
};

export function openTransfers(): void {
  rememberActiveWorkbook();
  openSidebar('transfers', text('振込', 'Transfers'));
}

const today = () => tokyoDateKey(now());

/** google.script.run: the sidebar's language and the date it proposes, by the script's clock. */
export const transfersDefaultsRpc = rpc(
  noRequest,
  (): TransferDefaults => ({
    lang: userLang(),
    today: today(),
    transferDate: nextBusinessDay(today()),
  }),
);

/**
 * google.script.run: the file the 未払 rows would make on a date. Reads only, unless a run was
 * cut off: its marks are then settled first, under the workbook lock (marks.ts), so the review
 * shows the rows as they are and the sheet says so too.
 */
export const transfersPreviewRpc = rpc(
  z.strictObject({ transferDate }),
  (req): TransferPreview => {
    const ss = activeWorkbook();
    let book = readPayablesBook(workbookTables(ss, { tables: TRANSFER_SHEETS }));
    if (book.provisional.size > 0) {
      const lang = userLang();
      book = withWorkbookLock(() =>
        settledBook(workbookTables(ss, { tables: TRANSFER_SHEETS }), lang),
      );
    }
    const plan = planTransfer(book, readBankDirectory(), parseDateKey(req.transferDate)!, today());
    return toPreview(plan, book);
  },
  FIELD_NAMES,
);

/**
 * google.script.run: makes the file in Drive and marks its rows, once. The sidebar sends the rows
 * it showed (refused when the 未払 rows changed since); without them (the CLI) the 未払 rows as
 * they are go in.
 */
export const transfersCreateRpc = rpc(
  z.strictObject({
    transferDate,
    rows: z.optional(
      z
        .array(z.int().check(z.gte(2), z.lte(10_000_000)))
        .check(z.minLength(1), z.maxLength(MAX_ROWS)),
    ),
  }),
  (req): TransferReport => {
    const lang = userLang();
    return withWorkbookLock(() =>
      createTransfer(activeWorkbook(), {
        transferDate: parseDateKey(req.transferDate)!,
        ...(req.rows ? { rows: req.rows } : {}),
        today: today(),
        lang,
      }),
    );
  },
  FIELD_NAMES,
);

/** google.script.run: sets the rows of a file back to 未払 (the explicit undo). */
export const transfersUndoRpc = rpc(
  z.strictObject({
    fileName: z.string().check(z.minLength(1), z.maxLength(200)),
  }),
  (req): TransferUndoReport => {
    const lang = userLang();
    return withWorkbookLock(() => undoTransferMark(activeWorkbook(), req.fileName, lang));
  },
  FIELD_NAMES,
);
