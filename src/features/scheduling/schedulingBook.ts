import { UserError } from '../../core/text';
import { readUserProperty } from '../../services/userProperties';
import { openWorkbookById, WORKBOOK_ID_KEY } from '../../services/workbookLink';
import { SCHEDULING_SHEET, SETTINGS_SHEET } from '../../sheets/schema';
import { type WorkbookTables, workbookTables } from '../../sheets/workbookTables';
import type { SchedulingTable } from './proposalRows';

/**
 * The owner's workbook seen from Gmail or Calendar (no active spreadsheet: the id remembered in
 * the user's properties), with 設定 and 日程調整 read together in one batched call.
 */
export function schedulingTables(workbookId?: string | null): WorkbookTables | null {
  const id = workbookId === undefined ? readUserProperty(WORKBOOK_ID_KEY) : workbookId;
  if (!id) return null;
  return workbookTables(openWorkbookById(id), { tables: [SETTINGS_SHEET, SCHEDULING_SHEET] });
}

/** The 日程調整 table, or why there is none. */
export function requireSchedulingTable(tables: WorkbookTables | null): SchedulingTable {
  if (!tables) {
    throw new UserError(
      '日程調整を記録するには、先にワークブックを接続してください',
      'Connect the workbook first: proposals are recorded in it',
    );
  }
  const table = tables.table(SCHEDULING_SHEET);
  if (!table) {
    throw new UserError(
      'ワークブックに「日程調整」シートがありません。拡張機能 → Pokke → ワークブックを準備 を実行してください',
      'The workbook has no 日程調整 (Scheduling) sheet. Run Extensions → Pokke → Set up workbook',
    );
  }
  return table;
}
