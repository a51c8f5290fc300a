/** Expense exports for accounting services: freee 取引インポート and MF 仕訳帳インポート. */
export {
  type CsvCell,
  type CsvDocument,
  type CsvEncoding,
  csvDocument,
  csvField,
  recordAt,
} from './csv';
export { type ExportExpense, exportText } from './exportRow';
export {
  FREEE_ACCOUNT_NAMES,
  FREEE_HEADER,
  FREEE_SETTLEMENT_ACCOUNTS,
  type FreeeOptions,
  freeeCsv,
  freeeTaxCategory,
} from './freee';
export {
  MONEY_FORWARD_ACCOUNT_NAMES,
  MONEY_FORWARD_CREDIT_ACCOUNTS,
  MONEY_FORWARD_HEADER,
  type MoneyForwardOptions,
  moneyForwardCsv,
  moneyForwardInvoiceColumn,
  moneyForwardTaxCategory,
} from './moneyForward';
export {
  EXPENSE_EXPORT_FOLDER,
  EXPORT_VENDORS,
  type ExportVendor,
  exportFileName,
  type MonthKey,
  parseMonthKey,
  VENDOR_LABELS,
  type VendorOptions,
  vendorCsv,
} from './vendors';
