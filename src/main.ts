/**
 * The only module that exports Apps Script entry points: every export becomes a top-level
 * function in dist/Code.js (scripts/build.mjs) that menus, triggers and google.script.run call
 * by name. Keep each one a one-line call into src/ui.
 */
import type {
  InvoicePreview,
  IssueReport,
  SaveResult,
  SettingsView,
  SetupReport,
} from './ui/contracts';
import { invoicesIssueRpc, invoicesPreviewRpc } from './ui/invoiceActions';
import {
  openInvoices,
  openMenu,
  openSettings,
  runSetupFromMenu,
  settingsLoadRpc,
  settingsSaveRpc,
  setupFromSidebar,
} from './ui/sheetsActions';

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

/** google.script.run: the settings sidebar saves. The form is validated before anything is written. */
export function settingsSave(form: unknown): SaveResult {
  return settingsSaveRpc(form);
}

/** google.script.run: the invoices a closing run would issue (nothing is written). */
export function invoicesPreview(request: unknown): InvoicePreview {
  return invoicesPreviewRpc(request);
}

/** google.script.run: issue the invoices of a closing run (PDFs in Drive, Gmail drafts). */
export function invoicesIssue(request: unknown): IssueReport {
  return invoicesIssueRpc(request);
}
