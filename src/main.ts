/**
 * The only module that exports Apps Script entry points: every export becomes a top-level
 * function in dist/Code.js (scripts/build.mjs) that menus, triggers and google.script.run call
 * by name. Keep each one a one-line call into src/ui.
 */

import type { AutomationStatus, DryRunReport, RunNowReport } from './core/contracts/automations';
import type { ExpenseExportReport } from './core/contracts/expenseExport';
import type {
  ExpensesCheckReport,
  ExpensesMonthView,
  ExpensesSearchResult,
} from './core/contracts/expenses';
import type { InvoiceDefaults, InvoicePreview, IssueReport } from './core/contracts/invoices';
import type {
  PaymentsConfirmReport,
  PaymentsImportReport,
  PaymentsPickerSetup,
  PaymentsReconcileReport,
  PaymentsView,
} from './core/contracts/payments';
import type { SlotsReport } from './core/contracts/scheduling';
import type { SaveResult, SettingsView, SetupReport } from './core/contracts/settings';
import type {
  TransferDefaults,
  TransferPreview,
  TransferReport,
  TransferUndoReport,
} from './core/contracts/transfers';
import {
  automationsDryRunRpc,
  automationsInstallRpc,
  automationsRunNowRpc,
  automationsStatusRpc,
  automationsUninstallRpc,
  openAutomations,
  runDispatcherTrigger,
} from './ui/automationActions';
import {
  connectFromCard,
  createFromCard,
  expenseLogAction,
  expenseTaskAction,
  homepage,
  mailOpened,
} from './ui/cards/gmailActions';
import {
  calendarHomepage,
  cancelSchedulingProposal,
  composeSchedulingReply,
  confirmSchedulingProposal,
  openSchedulingForm,
  openSchedulingProposal,
  schedulingUniversal,
} from './ui/cards/schedulingActions';
import {
  expensesCheckRpc,
  expensesMonthRpc,
  expensesSearchRpc,
  openExpenses,
} from './ui/expenseActions';
import { expensesExportRpc } from './ui/expenseExportActions';
import {
  invoicesContinueRpc,
  invoicesDefaultsRpc,
  invoicesIssueRpc,
  invoicesPreviewRpc,
  invoicesShowPreviewRpc,
  runInvoiceContinuationTrigger,
} from './ui/invoiceActions';
import {
  openPayments,
  paymentsConfirmRpc,
  paymentsImportDriveRpc,
  paymentsImportRpc,
  paymentsLoadRpc,
  paymentsPickerRpc,
  paymentsReconcileRpc,
  paymentsSaveLayoutRpc,
} from './ui/paymentActions';
import { schedulingSlotsRpc } from './ui/schedulingSlotsActions';
import {
  openInvoices,
  openMenu,
  openSettings,
  runSetupFromMenu,
  settingsLanguageRpc,
  settingsLoadRpc,
  settingsSaveRpc,
  setupFromSidebar,
} from './ui/sheetsActions';
import {
  openTransfers,
  transfersCreateRpc,
  transfersDefaultsRpc,
  transfersPreviewRpc,
  transfersUndoRpc,
} from './ui/transferActions';

/** Simple trigger: the spreadsheet opened. Runs in AuthMode.NONE for add-ons, so it only adds the menu. */
export function onOpen(_e?: GoogleAppsScript.Events.SheetsOnOpen): void {
  openMenu();
}

/** Editor add-on installed from the Marketplace: show the menu without a reload. */
export function onInstall(e?: GoogleAppsScript.Events.AddonOnInstall): void {
  onOpen(e as unknown as GoogleAppsScript.Events.SheetsOnOpen);
}

/** Menu: ワークブックを準備 / Set up workbook. */
export function menuSetupWorkbook(): void {
  runSetupFromMenu();
}

/** Menu: 設定 / Settings. */
export function showSettingsSidebar(): void {
  openSettings();
}

/** Menu: 請求書 / Invoices. */
export function showInvoicesSidebar(): void {
  openInvoices();
}

/** google.script.run: the settings sidebar asks to set up the workbook. */
export function setupWorkbook(): SetupReport {
  return setupFromSidebar(undefined);
}

/** google.script.run: the settings sidebar opens. */
export function settingsLoad(): SettingsView {
  return settingsLoadRpc(undefined);
}

/** google.script.run: the person's language, chosen in the settings sidebar. */
export function settingsLanguage(request: unknown): SettingsView {
  return settingsLanguageRpc(request);
}

/** google.script.run: the settings sidebar saves. The form is validated before anything is written. */
export function settingsSave(form: unknown): SaveResult {
  return settingsSaveRpc(form);
}

/** google.script.run: the 請求書 sidebar's default closing date, by the script's clock. */
export function invoicesDefaults(): InvoiceDefaults {
  return invoicesDefaultsRpc(undefined);
}

/** google.script.run: the invoices a closing run would issue (nothing is written). */
export function invoicesPreview(request: unknown): InvoicePreview {
  return invoicesPreviewRpc(request);
}

/** google.script.run: issue the invoices of a closing run or of selected lines (PDFs, mails). */
export function invoicesIssue(request: unknown): IssueReport {
  return invoicesIssueRpc(request);
}

/** google.script.run: one previewed invoice as it will look, in a modal dialog (nothing is written). */
export function invoicesShowPreview(request: unknown): { shown: true } {
  return invoicesShowPreviewRpc(request);
}

/** google.script.run and `simulate expenses-export`: a month's expenses as freee / MF CSV files in Drive. */
export function expensesExport(request: unknown): ExpenseExportReport {
  return expensesExportRpc(request);
}

/** Menu: 経費 / Expenses. */
export function showExpensesSidebar(): void {
  openExpenses();
}

/** google.script.run: a month of the expense log and the rows needing attention (reads only). */
export function expensesMonth(request: unknown): ExpensesMonthView {
  return expensesMonthRpc(request);
}

/** google.script.run: check every expense row where it stands and write what was found. */
export function expensesCheck(request: unknown): ExpensesCheckReport {
  return expensesCheckRpc(request);
}

/** google.script.run: the 電帳法 search of the expense log (dates, amounts, payee). */
export function expensesSearch(request: unknown): ExpensesSearchResult {
  return expensesSearchRpc(request);
}

/** Menu: 入金確認 / Payments in. */
export function showPaymentsSidebar(): void {
  openPayments();
}

/** google.script.run: the bank lines still to confirm, with their proposals (nothing is written). */
export function paymentsLoad(): PaymentsView {
  return paymentsLoadRpc(undefined);
}

/** google.script.run: a bank statement CSV the owner uploaded, into 入出金明細 (new lines only). */
export function paymentsImport(request: unknown): PaymentsImportReport {
  return paymentsImportRpc(request);
}

/** google.script.run: the OAuth token, API key and project number the Google Picker needs. */
export function paymentsPicker(): PaymentsPickerSetup {
  return paymentsPickerRpc(undefined);
}

/** google.script.run: a CSV the owner picked in Drive (granted by the Picker), imported. */
export function paymentsImportDrive(request: unknown): PaymentsImportReport {
  return paymentsImportDriveRpc(request);
}

/** google.script.run: the owner's column mapping for an unknown bank: saved in 設定, then imported. */
export function paymentsSaveLayout(request: unknown): PaymentsImportReport {
  return paymentsSaveLayoutRpc(request);
}

/** google.script.run: confirm or correct proposals, or mark lines 対象外. Idempotent. */
export function paymentsConfirm(request: unknown): PaymentsConfirmReport {
  return paymentsConfirmRpc(request);
}

/** `simulate reconcile`: import a statement and confirm the proposals at least this sure. */
export function paymentsReconcile(request: unknown): PaymentsReconcileReport {
  return paymentsReconcileRpc(request);
}

/** Menu: 振込 / Transfers. */
export function showTransfersSidebar(): void {
  openTransfers();
}

/** google.script.run: the 振込 sidebar's language and proposed transfer date, by the script's clock. */
export function transfersDefaults(): TransferDefaults {
  return transfersDefaultsRpc(undefined);
}

/** google.script.run: the transfer file the 未払 payables would make on a date (nothing is written). */
export function transfersPreview(request: unknown): TransferPreview {
  return transfersPreviewRpc(request);
}

/** google.script.run: make the transfer file in Drive and mark its rows 振込データ作成済, once. */
export function transfersCreate(request: unknown): TransferReport {
  return transfersCreateRpc(request);
}

/** google.script.run: set the rows of a transfer file back to 未払. */
export function transfersUndo(request: unknown): TransferUndoReport {
  return transfersUndoRpc(request);
}

/** Menu: 自動化 / Automations. */
export function showAutomationsSidebar(): void {
  openAutomations();
}

/** google.script.run: the automations sidebar opens or refreshes. */
export function automationsStatus(): AutomationStatus {
  return automationsStatusRpc(undefined);
}

/** google.script.run: turn automations on at an hour (0–23, Asia/Tokyo). */
export function automationsInstall(request: unknown): AutomationStatus {
  return automationsInstallRpc(request);
}

/** google.script.run: turn automations off (removes Pokke's triggers only). */
export function automationsUninstall(): AutomationStatus {
  return automationsUninstallRpc(undefined);
}

/** google.script.run: what the dispatcher would do on a date, without doing it. */
export function automationsDryRun(request: unknown): DryRunReport {
  return automationsDryRunRpc(request);
}

/** google.script.run: run today's jobs now. */
export function automationsRunNow(): RunNowReport {
  return automationsRunNowRpc(undefined);
}

/** Time-driven trigger (daily, at the owner's hour): the dispatcher. Refuses any other caller. */
export function dailyDispatch(e?: unknown): void {
  runDispatcherTrigger('daily', e);
}

/** Time-driven one-off trigger: continues a run that ran out of time. Refuses any other caller. */
export function continueDispatch(e?: unknown): void {
  runDispatcherTrigger('continue', e);
}

/** google.script.run: make the PDFs and mails an issuing run had no time left for. */
export function invoicesContinue(): IssueReport {
  return invoicesContinueRpc(undefined);
}

/**
 * Time-driven one-off trigger: finishes invoices an issuing run left without PDF and mail.
 * Refuses any other caller.
 */
export function continueInvoices(e?: unknown): void {
  runInvoiceContinuationTrigger(e);
}

/** Gmail add-on (addOns.gmail.contextualTriggers): a mail is open — suggest a task from it. */
export function onGmailMessageOpen(e: unknown): GoogleAppsScript.Card_Service.Card {
  return mailOpened(e);
}

/** Gmail add-on homepage (addOns.common / gmail.homepageTrigger): what is due and overdue. */
export function onGmailHomepage(e: unknown): GoogleAppsScript.Card_Service.Card {
  return homepage(e);
}

/** Card action: create the task from the open mail (idempotent per mail). */
export function mailTaskCreate(e: unknown): GoogleAppsScript.Card_Service.ActionResponse {
  return createFromCard(e);
}

/** Calendar add-on homepage (addOns.calendar.homepageTrigger): open proposals, then the day at a glance. */
export function onCalendarHomepage(e: unknown): GoogleAppsScript.Card_Service.Card {
  return calendarHomepage(e);
}

/** Card action: the candidate times for the open mail (日程調整). */
export function schedulingOpenForm(e: unknown): GoogleAppsScript.Card_Service.ActionResponse {
  return openSchedulingForm(e);
}

/** Gmail universal action (addOns.common.universalActions): propose times from any open mail. */
export function onSchedulingUniversal(
  e: unknown,
): GoogleAppsScript.Card_Service.UniversalActionResponse {
  return schedulingUniversal(e);
}

/** Compose action: record the proposal and its holds, and return the reply draft. */
export function schedulingCompose(
  e: unknown,
):
  | GoogleAppsScript.Card_Service.ComposeActionResponse
  | GoogleAppsScript.Card_Service.ActionResponse {
  return composeSchedulingReply(e);
}

/** Card action: the proposal of this thread (from the card of the reply). */
export function schedulingOpenProposal(e: unknown): GoogleAppsScript.Card_Service.ActionResponse {
  return openSchedulingProposal(e);
}

/** Card action: confirm the time the other side picked (idempotent). */
export function schedulingConfirm(e: unknown): GoogleAppsScript.Card_Service.ActionResponse {
  return confirmSchedulingProposal(e);
}

/** google.script.run and `simulate slots`: the candidate times the scheduling card would offer now. */
export function schedulingSlots(request: unknown): SlotsReport {
  return schedulingSlotsRpc(request);
}

/** Card action: cancel a proposal and delete its holds (idempotent). */
export function schedulingCancel(e: unknown): GoogleAppsScript.Card_Service.ActionResponse {
  return cancelSchedulingProposal(e);
}

/** Card action: log the open receipt mail as an expense (idempotent per mail). */
export function expenseLogFromCard(e: unknown): GoogleAppsScript.Card_Service.ActionResponse {
  return expenseLogAction(e);
}

/** Card action: the task card for a mail the add-on showed as a receipt. */
export function expenseTaskFromCard(e: unknown): GoogleAppsScript.Card_Service.ActionResponse {
  return expenseTaskAction(e);
}

/** Card action: remember the workbook whose address the owner pasted into the Gmail card. */
export function mailTaskConnectWorkbook(e: unknown): GoogleAppsScript.Card_Service.ActionResponse {
  return connectFromCard(e);
}
