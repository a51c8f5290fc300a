/**
 * The mapping the owner sets once for a bank Pokke does not know: checked against the file it was
 * made from (every column in its header, every line readable with it), then kept in the 設定 row
 * 「銀行CSVの列の対応」 — a JSON array, one line per bank — so it belongs to the workbook and the
 * next file of that bank is recognised by its header. Nothing is saved when the file does not read.
 */
import {
  formatOwnerLayouts,
  headerCandidate,
  type OwnerLayout,
  parseCsv,
  readStatement,
  validateOwnerLayout,
  withOwnerLayout,
} from '../../core/payments';
import { type Lang, UserError } from '../../core/text';
import { textCell } from '../../sheets/cells';
import { SETTINGS_SHEET } from '../../sheets/schema';
import { appendRecords, writeColumn } from '../../sheets/table';
import type { WorkbookTables } from '../../sheets/workbookTables';
import { BANK_LAYOUTS_ROW, readPaymentBook, type SettingKey } from './paymentBook';

export function saveBankLayout(
  tables: WorkbookTables,
  layout: OwnerLayout,
  decoded: string,
  lang: Lang,
): void {
  const parsed = parseCsv(decoded);
  const header = parsed.ok ? headerCandidate(parsed.rows) : null;
  const problems = validateOwnerLayout(layout, header?.header);
  if (problems.length > 0) throw UserError.of(problems);
  const read = readStatement(decoded, { ownerLayouts: [layout] });
  if (!read.ok) throw UserError.of(read.problems);
  const book = readPaymentBook(tables);
  const settings = tables.table<SettingKey>(SETTINGS_SHEET);
  if (!settings || settings.headers.missing.some((k) => k === 'key' || k === 'value')) {
    throw new UserError(
      '「設定」シートがありません。メニューの「ワークブックを準備」を実行してください',
      'The 設定 sheet is missing; run "Set up workbook" from the menu',
    );
  }
  const value = textCell(formatOwnerLayouts(withOwnerLayout(book.ownerLayouts, layout)));
  const row = settings.rows.find((r) => String(r.values.key).trim() === BANK_LAYOUTS_ROW.key);
  if (row) {
    writeColumn(settings, 'value', new Map([[row.rowNumber, value]]));
  } else {
    appendRecords(settings, [
      {
        key: BANK_LAYOUTS_ROW.key,
        label: BANK_LAYOUTS_ROW.label,
        value,
        description: BANK_LAYOUTS_ROW.description[lang],
      },
    ]);
  }
  tables.forget(SETTINGS_SHEET);
}
