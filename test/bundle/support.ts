import { type Bundle, type LoadOptions, loadBundleFromDist } from '../../emulator/runtime';

/** The built bundle in a fresh emulated Workspace with one empty spreadsheet open. */
export function openBundle(options: LoadOptions = {}): Bundle {
  const bundle = loadBundleFromDist('dist', options);
  bundle.workspace.SpreadsheetApp.createSpreadsheet('ぽっけ商店 帳簿', {
    locale: 'ja_JP',
    timeZone: 'Asia/Tokyo',
  });
  return bundle;
}

export function sheetNames(bundle: Bundle): string[] {
  const ss = bundle.workspace.SpreadsheetApp.active!;
  return ss.getSheets().map((s) => s.getName());
}
