/**
 * What the sidebar checks before the server sees anything: the server's own field rules
 * (src/features/settings/settingsFields.ts), so the two cannot drift apart. The server checks
 * again and has the last word.
 */
import { checkSettingField } from '../../src/features/settings/settingsFields';

export { MAX_INVOICE_NOTE, MAX_SETTING_TEXT } from '../../src/features/settings/settingsFields';

import type { SettingsForm } from '../../src/core/contracts/settings';
import type { Text } from '../shared/i18n';

export type Severity = 'error' | 'warning';

export interface Issue {
  severity: Severity;
  text: Text;
}

export interface Checked {
  value: string;
  issue: Issue | null;
}

/** Checks one text field and returns the tidied value with at most one issue. */
export function checkField(key: keyof SettingsForm, input: string): Checked {
  const { value, issue } = checkSettingField(key, input);
  if (!issue) return { value, issue: null };
  return { value, issue: { severity: issue.severity, text: issue.message } };
}
