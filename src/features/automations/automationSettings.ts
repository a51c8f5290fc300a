import {
  DEFAULT_REMINDER_OFFSETS,
  parseReminderOffsets,
  parseSummaryDay,
} from '../../core/schedule';
import type { Text } from '../../core/text';
import { cellText } from '../../sheets/cells';
import { SETTINGS_SHEET } from '../../sheets/schema';
import type { WorkbookTables } from '../../sheets/workbookTables';
import { AUTOMATION_SETTING_ROWS } from '../settings/settingsRows';

export type AutomationSettingKey = (typeof AUTOMATION_SETTING_ROWS)[number]['key'];

export interface AutomationSettings {
  readonly reminders: boolean;
  /** Days after the due date for reminder steps 1, 2, 3. */
  readonly reminderOffsets: readonly number[];
  readonly reminderSendDirectly: boolean;
  /** The 月次集計の日 rule as written. */
  readonly summaryDay: string;
  readonly summaryMail: boolean;
}

const DEFAULTS: Record<AutomationSettingKey, string> = Object.fromEntries(
  AUTOMATION_SETTING_ROWS.map((r) => [r.key, r.initial]),
) as Record<AutomationSettingKey, string>;

/**
 * The automation settings from the 設定 sheet (one read). A missing row takes its default; an
 * unreadable value takes its default too and is reported, so the jobs still run.
 */
export function readAutomationSettings(tables: WorkbookTables): {
  settings: AutomationSettings;
  problems: Text[];
} {
  const raw = { ...DEFAULTS };
  for (const row of tables.table(SETTINGS_SHEET)?.rows ?? []) {
    const key = cellText(row.values.key) as AutomationSettingKey;
    const value = cellText(row.values.value);
    if (key in raw && value !== '') raw[key] = value;
  }
  return parseAutomationSettings(raw);
}

export function parseAutomationSettings(raw: Record<AutomationSettingKey, string>): {
  settings: AutomationSettings;
  problems: Text[];
} {
  const problems: Text[] = [];
  const offsets = parseReminderOffsets(raw.reminderOffsets);
  if (!offsets.ok) problems.push(offsets.message);
  const summaryDay = parseSummaryDay(raw.summaryDay);
  if (!summaryDay.ok) problems.push(summaryDay.message);
  return {
    settings: {
      reminders: raw.reminders !== 'しない',
      reminderOffsets: offsets.ok ? offsets.value : DEFAULT_REMINDER_OFFSETS,
      reminderSendDirectly: raw.reminderSendDirectly === 'する',
      summaryDay: summaryDay.ok ? raw.summaryDay : DEFAULTS.summaryDay,
      summaryMail: raw.summaryMail !== 'しない',
    },
    problems,
  };
}
