/** Sidebars are the built files dist/sidebar-<name>.html (scripts/build.mjs). */
export function showSidebar(name: string, title: string): void {
  const html = HtmlService.createHtmlOutputFromFile(`sidebar-${name}`).setTitle(title);
  SpreadsheetApp.getUi().showSidebar(html);
}

export function alertUser(title: string, message: string): void {
  const ui = SpreadsheetApp.getUi();
  ui.alert(title, message, ui.ButtonSet.OK);
}

/** A modal dialog over the spreadsheet showing `html` (a complete page; nothing runs in it). */
export function showModalDialog(html: string, title: string, width: number, height: number): void {
  const output = HtmlService.createHtmlOutput(html).setWidth(width).setHeight(height);
  SpreadsheetApp.getUi().showModalDialog(output, title);
}
