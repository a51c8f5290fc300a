/**
 * The server functions a sidebar may call through google.script.run, with their argument and
 * result types. Only JSON values cross (src/ui/contracts.ts); the server validates every argument.
 */
import type { SaveResult, SettingsForm, SettingsView, SetupReport } from '../../src/ui/contracts';

export type { SaveResult, SettingsForm, SettingsView, SetupReport };

export interface ServerApi {
  settingsLoad(): SettingsView;
  settingsSave(form: SettingsForm): SaveResult;
  setupWorkbook(): SetupReport;
}
