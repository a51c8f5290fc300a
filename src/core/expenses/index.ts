/** Expenses (経費): the log's rows, account suggestion, receipt reading and file names. */
export {
  EXPENSE_ACCOUNTS,
  type ExpenseAccount,
  PAYMENT_METHODS,
  type PaymentMethod,
  readAccount,
  readPaymentMethod,
} from './accounts';
export { creditRate, creditRateLabel, UNREGISTERED_CREDIT_RATES } from './creditRate';
export {
  checkExpenseRow,
  type Expense,
  type ExpenseCells,
  type ExpenseCheck,
  type ExpenseContext,
  taxIncluded,
} from './expenseRow';
export { EXPENSE_FOLDER_ROOT, receiptFileName, receiptFolderPath } from './fileName';
export { MEAL_LIMITS, mealLimitPerPerson } from './mealLimit';
export { payeeKey } from './payeeKey';
export { EXPENSE_LABELS, type ExpenseField, type ExpenseProblem } from './problems';
export {
  type RateAmount,
  type ReceiptOptions,
  type ReceiptReading,
  readReceipt,
} from './receipt/read';
export {
  type AccountSuggestion,
  type PastExpense,
  type SuggestionInput,
  suggestAccount,
} from './suggestAccount';
