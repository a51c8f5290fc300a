import * as z from 'zod/mini';
import type { SaveResult, SettingsView, SetupReport } from '../core/contracts/settings';
import { inLang, LANGUAGE_CHOICES, type Text, text } from '../core/text';
import { loadSettings, saveSettings } from '../features/settings/settings';
import { SETTING_NAMES } from '../features/settings/settingsFields';
import { settingsFormSchema } from '../features/settings/settingsSchema';
import { setupWorkbook } from '../features/setup/setupWorkbook';
import { chooseLanguage, languageChoice, userLang } from '../services/language';
import { withWorkbookLock } from '../services/lock';
import { alertUser, showSidebar } from '../services/ui';
import { activeWorkbook } from '../services/workbook';
import { rememberActiveWorkbook } from '../services/workbookLink';
import { workbookTables } from '../sheets/workbookTables';
import { addPokkeMenu } from './menu';
import { guard, noRequest, rpc } from './rpc';

/** Menu, sidebar and google.script.run handlers of the Sheets surface. */

export function openMenu(): void {
  addPokkeMenu(SpreadsheetApp.getUi(), userLang());
}

export function runSetupFromMenu(): void {
  const lang = userLang();
  try {
    const report = guard(() => withWorkbookLock(() => setupWorkbook(activeWorkbook(), lang)), lang);
    alertUser('Pokke', inLang(report.message, lang));
  } catch (e) {
    alertUser('Pokke', e instanceof Error ? e.message : String(e));
  }
}

/** A sidebar, titled in the user's language. */
export function openSidebar(name: string, title: Text): void {
  showSidebar(name, inLang(title, userLang()));
}

export function openSettings(): void {
  rememberActiveWorkbook();
  openSidebar('settings', text('設定', 'Settings'));
}

export function openInvoices(): void {
  rememberActiveWorkbook();
  openSidebar('invoices', text('請求書', 'Invoices'));
}

export const setupFromSidebar = rpc(
  noRequest,
  (): SetupReport => withWorkbookLock(() => setupWorkbook(activeWorkbook(), userLang())),
);

export const settingsLoadRpc = rpc(
  noRequest,
  (): SettingsView => loadSettings(workbookTables(activeWorkbook()), userLang(), languageChoice()),
);

/** The person's language for every sidebar, card and message: theirs alone, no workbook write. */
export const settingsLanguageRpc = rpc(
  z.strictObject({ language: z.enum(LANGUAGE_CHOICES) }),
  (req): SettingsView => {
    chooseLanguage(req.language);
    return loadSettings(workbookTables(activeWorkbook()), userLang(), req.language);
  },
);

export const settingsSaveRpc = rpc(
  settingsFormSchema,
  (form): SaveResult => withWorkbookLock(() => saveSettings(activeWorkbook(), form, userLang())),
  SETTING_NAMES,
);
