/** Sidebars are the built files dist/sidebar-<name>.html (scripts/build.mjs). */
export function showSidebar(name: string, title: string): void {
  const html = HtmlService.createHtmlOutputFromFile(`sidebar-${name}`).setTitle(title);
  SpreadsheetApp.getUi().showSidebar(html);
}

export function alertUser(title: string, message: string): void {
  const ui = SpreadsheetApp.getUi();
  ui.alert(title, message, ui.ButtonSet.OK);
}
