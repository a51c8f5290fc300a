import { inLang, type Lang, text } from '../core/text';

/** The Pokke menu in Sheets. Item function names are entry points exported by src/main.ts. */
export const MENU_ITEMS = [
  { caption: text('ワークブックを準備', 'Set up workbook'), functionName: 'menuSetupWorkbook' },
  { caption: text('請求書', 'Invoices'), functionName: 'showInvoicesSidebar' },
  { caption: text('経費', 'Expenses'), functionName: 'showExpensesSidebar' },
  { caption: text('入金確認', 'Payments in'), functionName: 'showPaymentsSidebar' },
  { caption: text('振込', 'Transfers'), functionName: 'showTransfersSidebar' },
  { caption: text('自動化', 'Automations'), functionName: 'showAutomationsSidebar' },
  { caption: text('設定', 'Settings'), functionName: 'showSettingsSidebar' },
] as const;

export function addPokkeMenu(ui: GoogleAppsScript.Base.Ui, lang: Lang): void {
  const menu = ui.createAddonMenu();
  for (const item of MENU_ITEMS) menu.addItem(inLang(item.caption, lang), item.functionName);
  menu.addToUi();
}
