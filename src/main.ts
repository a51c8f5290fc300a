/**
 * The only module that exports Apps Script entry points. Every export becomes a top-level
 * function in dist/Code.js (scripts/build.mjs). Keep each one a thin call into src/ui.
 */
export function onOpen(): void {
  SpreadsheetApp.getUi().createMenu('Pokke').addItem('設定 / Settings', 'showSettingsSidebar').addToUi();
}
