/**
 * The 経費 sidebar's google.script.run surface: this month's view (reads only), checking the
 * log's rows where they stand (writes, under the workbook lock), and the 電帳法 search.
 */
import * as z from 'zod/mini';
import type {
  ExpensesCheckReport,
  ExpensesMonthView,
  ExpensesSearchResult,
} from '../core/contracts/expenses';
import { type DateKey, parseDateKey, tokyoDateKey } from '../core/dates';
import { text } from '../core/text';
import { checkExpenseLog } from '../features/expenses/checkLog';
import { expenseTable, reviewLog } from '../features/expenses/expenseLog';
import { monthView } from '../features/expenses/monthView';
import { searchExpenseLog } from '../features/expenses/searchLog';
import { now } from '../services/clock';
import { userLang } from '../services/language';
import { withWorkbookLock } from '../services/lock';
import { activeWorkbook } from '../services/workbook';
import { rememberActiveWorkbook } from '../services/workbookLink';
import { EXPENSES_SHEET } from '../sheets/schema';
import { workbookTables } from '../sheets/workbookTables';
import { type FieldNames, rpc } from './rpc';
import { openSidebar } from './sheetsActions';

const dateKey = z.string().check(
  z.regex(/^\d{4}-\d{2}-\d{2}$/),
  z.refine((s) => parseDateKey(s) !== null),
);
const month = z.string().check(z.regex(/^\d{4}-(0[1-9]|1[0-2])$/));
const yen = z.int().check(z.gte(-1_000_000_000_000), z.lte(1_000_000_000_000));

const monthRequest = z.optional(z.strictObject({ month: z.optional(month) }));

const searchRequest = z.strictObject({
  from: z.optional(dateKey),
  to: z.optional(dateKey),
  minAmount: z.optional(yen),
  maxAmount: z.optional(yen),
  payee: z.optional(z.string().check(z.maxLength(100))),
});

const SEARCH_FIELDS: FieldNames = {
  from: text('日付(開始)', 'Date from'),
  to: text('日付(終了)', 'Date to'),
  minAmount: text('金額(下限)', 'Minimum amount'),
  maxAmount: text('金額(上限)', 'Maximum amount'),
  payee: text('取引先', 'Payee'),
  month: text('月', 'Month'),
};

const today = (): DateKey => tokyoDateKey(now());

/** Menu: 経費 / Expenses. */
export function openExpenses(): void {
  rememberActiveWorkbook();
  openSidebar('expenses', text('経費', 'Expenses'));
}

/** google.script.run: a month of the log (this month by the script's clock). Reads only. */
export const expensesMonthRpc = rpc(
  monthRequest,
  (req): ExpensesMonthView => {
    const day = today();
    const table = expenseTable(workbookTables(activeWorkbook(), { tables: [EXPENSES_SHEET] }));
    return monthView(reviewLog(table, day), {
      today: day,
      month: req?.month ?? day.slice(0, 7),
      lang: userLang(),
    });
  },
  SEARCH_FIELDS,
);

/** google.script.run: check every row where it stands and write what was found. */
export const expensesCheckRpc = rpc(
  monthRequest,
  (req): ExpensesCheckReport => {
    const day = today();
    const lang = userLang();
    return withWorkbookLock(() => {
      const tables = workbookTables(activeWorkbook(), { tables: [EXPENSES_SHEET] });
      const outcome = checkExpenseLog(tables, { today: day, lang });
      const ctx = { today: day, month: req?.month ?? day.slice(0, 7), lang };
      // The rows as now written: the view reads what the check left (the same read when
      // nothing was written).
      const view = monthView(reviewLog(expenseTable(tables), day), ctx);
      return {
        view,
        checked: outcome.checked,
        updated: outcome.updated,
        suggested: outcome.suggested,
        message: outcome.message,
      };
    });
  },
  SEARCH_FIELDS,
);

/** google.script.run: the 電帳法 search. Reads only. */
export const expensesSearchRpc = rpc(
  searchRequest,
  (req): ExpensesSearchResult =>
    searchExpenseLog(workbookTables(activeWorkbook(), { tables: [EXPENSES_SHEET] }), {
      ...req,
      from: req.from === undefined ? undefined : parseDateKey(req.from)!,
      to: req.to === undefined ? undefined : parseDateKey(req.to)!,
    }),
  SEARCH_FIELDS,
);
