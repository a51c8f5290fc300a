/** The Pokke menu in Sheets. Item function names are entry points exported by src/main.ts. */
export const MENU_ITEMS = [
  { caption: 'ワークブックを準備 / Set up workbook', functionName: 'menuSetupWorkbook' },
  { caption: '請求書 / Invoices', functionName: 'showInvoicesSidebar' },
  { caption: '自動化 / Automations', functionName: 'showAutomationsSidebar' },
  { caption: '設定 / Settings', functionName: 'showSettingsSidebar' },
] as const;

export function addPokkeMenu(ui: GoogleAppsScript.Base.Ui): void {
  const menu = ui.createAddonMenu();
  for (const item of MENU_ITEMS) menu.addItem(item.caption, item.functionName);
  menu.addToUi();
}
