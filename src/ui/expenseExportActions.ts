import * as z from 'zod/mini';
import type { ExpenseExportReport } from '../core/contracts/expenseExport';
import { EXPORT_VENDORS, parseMonthKey } from '../core/expenses/export';
import { joinTexts, text } from '../core/text';
import { prepareExport, saveExports } from '../features/expenses/export';
import { userLang } from '../services/language';
import { activeWorkbook } from '../services/workbook';
import { EXPENSES_SHEET } from '../sheets/schema';
import { workbookTables } from '../sheets/workbookTables';
import { rpc } from './rpc';

const exportRequest = z.strictObject({
  month: z.string().check(z.refine((s) => parseMonthKey(s) !== null)),
  /** Default: both. */
  vendors: z.optional(z.array(z.enum(EXPORT_VENDORS)).check(z.minLength(1), z.maxLength(2))),
});

/**
 * google.script.run and the CLI job: the month's expenses as CSV files for the accounting
 * services asked for, saved to Drive. Reads the 経費 sheet once; writes no cell (no lock).
 */
export const expensesExportRpc = rpc(
  exportRequest,
  (req): ExpenseExportReport => {
    const month = parseMonthKey(req.month)!;
    const tables = workbookTables(activeWorkbook(), { tables: [EXPENSES_SHEET] });
    const vendors = [...new Set(req.vendors ?? EXPORT_VENDORS)];
    // Every file is checked before any is saved: a refused character saves none.
    const prepared = vendors.map((vendor) => prepareExport(tables, month, vendor));
    const files = saveExports(prepared);
    return { lang: userLang(), files, message: joinTexts(files.map((f) => f.message)) };
  },
  { month: text('月', 'Month'), vendors: text('書き出し先', 'Export to') },
);
