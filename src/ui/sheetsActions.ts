import { bilingual } from '../core/bilingual';
import { loadSettings, saveSettings } from '../features/settings/settings';
import { SETTING_NAMES } from '../features/settings/settingsFields';
import { settingsFormSchema } from '../features/settings/settingsSchema';
import { setupWorkbook } from '../features/setup/setupWorkbook';
import { withWorkbookLock } from '../services/lock';
import { userLang } from '../services/session';
import { alertUser, showSidebar } from '../services/ui';
import { activeWorkbook } from '../services/workbook';
import { rememberActiveWorkbook } from '../services/workbookLink';
import { workbookTables } from '../sheets/workbookTables';
import type { SaveResult, SettingsView, SetupReport } from './contracts';
import { addPokkeMenu } from './menu';
import { guard, noRequest, rpc } from './rpc';

/** Menu, sidebar and google.script.run handlers of the Sheets surface. */

export function openMenu(): void {
  addPokkeMenu(SpreadsheetApp.getUi());
}

export function runSetupFromMenu(): void {
  try {
    const report = guard(() => withWorkbookLock(() => setupWorkbook(activeWorkbook())));
    alertUser('Pokke', report.message);
  } catch (e) {
    alertUser('Pokke', e instanceof Error ? e.message : String(e));
  }
}

export function openSettings(): void {
  rememberActiveWorkbook();
  showSidebar('settings', bilingual('設定', 'Settings'));
}

export function openInvoices(): void {
  rememberActiveWorkbook();
  showSidebar('invoices', bilingual('請求書', 'Invoices'));
}

export const setupFromSidebar = rpc(
  noRequest,
  (): SetupReport => withWorkbookLock(() => setupWorkbook(activeWorkbook())),
);

export const settingsLoadRpc = rpc(
  noRequest,
  (): SettingsView => loadSettings(workbookTables(activeWorkbook()), userLang()),
);

export const settingsSaveRpc = rpc(
  settingsFormSchema,
  (form): SaveResult => withWorkbookLock(() => saveSettings(activeWorkbook(), form)),
  SETTING_NAMES,
);
