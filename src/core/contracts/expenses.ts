/**
 * What the 経費 sidebar and the server exchange through google.script.run (types only, JSON
 * values). Messages are `Text`; the sidebar shows the reader's language (`lang`).
 */
import type { Lang, Text } from '../text';

export interface ExpenseAccountTotal {
  readonly account: string;
  readonly amount: number;
  readonly count: number;
}

export interface ExpenseRateTotal {
  /** `10%`, `8%`, `0%`, `非課税`. */
  readonly rate: string;
  readonly amount: number;
  /** The consumption tax inside `amount`, as the rows hold it. */
  readonly tax: number;
  readonly count: number;
}

/** A row of the log the owner should look at: problems, warnings or a suggested account. */
export interface ExpenseAttentionRow {
  /** 1-based sheet row. */
  readonly row: number;
  /** YYYY-MM-DD, or the cell as written when it is not a date. */
  readonly date: string;
  readonly payee: string;
  /** The 金額 cell as written (it may be what keeps the row out). */
  readonly amount: string;
  /** 要確認 (problems) or 科目提案 (a suggested account), or '' for warnings only. */
  readonly status: string;
  readonly message: Text;
}

export interface ExpensesMonthRequest {
  /** YYYY-MM; this month by the script's clock when left out. */
  readonly month?: string;
}

export interface ExpensesMonthView {
  readonly lang: Lang;
  /** Today in Asia/Tokyo by the script's clock, YYYY-MM-DD. */
  readonly today: string;
  /** YYYY-MM. */
  readonly month: string;
  /** The month's rows that check: tax included. */
  readonly total: number;
  readonly tax: number;
  readonly count: number;
  readonly byAccount: readonly ExpenseAccountTotal[];
  readonly byRate: readonly ExpenseRateTotal[];
  /** Rows needing attention anywhere in the log, in sheet order (the first ones when there are many). */
  readonly attention: readonly ExpenseAttentionRow[];
  /** How many rows need attention in all. */
  readonly attentionCount: number;
}

export interface ExpensesCheckReport {
  readonly view: ExpensesMonthView;
  /** Rows checked, and rows whose cells Pokke wrote. */
  readonly checked: number;
  readonly updated: number;
  /** Accounts suggested by this check. */
  readonly suggested: number;
  readonly message: Text;
}

/** The 電帳法 search: any of the conditions, alone or combined. */
export interface ExpensesSearchRequest {
  /** YYYY-MM-DD, inclusive. */
  readonly from?: string;
  readonly to?: string;
  /** Tax included, whole yen, inclusive. */
  readonly minAmount?: number;
  readonly maxAmount?: number;
  /** A part of the payee's name. */
  readonly payee?: string;
}

export interface ExpenseSearchHit {
  readonly row: number;
  /** YYYY-MM-DD, or '' when the cell is not a date. */
  readonly date: string;
  readonly payee: string;
  /** null when the cell is not an amount. */
  readonly amount: number | null;
  readonly account: string;
  readonly memo: string;
  /** The receipt file's https link, or '' when the row has none. */
  readonly receipt: string;
}

export interface ExpensesSearchResult {
  readonly hits: readonly ExpenseSearchHit[];
  /** Rows matching in all (hits holds the first ones, by date). */
  readonly total: number;
}
