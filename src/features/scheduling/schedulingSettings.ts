import {
  DEFAULT_WORKING_HOURS,
  LIMITS,
  parseBuffersText,
  parseMinutesText,
  parseWorkingHoursText,
  type WorkingHours,
} from '../../core/scheduling';
import { type Text, text } from '../../core/text';
import { cellText } from '../../sheets/cells';
import { SETTINGS_SHEET } from '../../sheets/schema';
import type { WorkbookTables } from '../../sheets/workbookTables';
import { SCHEDULING_SETTING_ROWS, SETTING_ROWS } from '../settings/settingsRows';

type Key = (typeof SCHEDULING_SETTING_ROWS)[number]['key'];

export interface SchedulingSettings {
  readonly workingHours: WorkingHours;
  readonly lengthMinutes: number;
  readonly bufferBeforeMinutes: number;
  readonly bufferAfterMinutes: number;
  /** Calendars besides the owner's own whose busy times count. */
  readonly calendars: readonly string[];
  /** The owner's company (設定 会社名), to sign the reply. */
  readonly ownerCompany: string;
}

const DEFAULTS: Record<Key, string> = Object.fromEntries(
  SCHEDULING_SETTING_ROWS.map((r) => [r.key, r.initial]),
) as Record<Key, string>;

const COMPANY = SETTING_ROWS.find((r) => r.key === 'companyName')?.key ?? 'companyName';

/**
 * The scheduling settings of the 設定 sheet (read with the run's other tables). A missing row
 * takes its default; a value that cannot be read takes its default too and is reported, so the
 * card still offers times.
 */
export function readSchedulingSettings(tables: WorkbookTables | null): {
  settings: SchedulingSettings;
  problems: Text[];
} {
  const raw: Record<string, string> = { ...DEFAULTS, [COMPANY]: '' };
  for (const row of tables?.table(SETTINGS_SHEET)?.rows ?? []) {
    const key = cellText(row.values.key);
    const value = cellText(row.values.value);
    if (key in raw && (value !== '' || key === 'meetingCalendars')) raw[key] = value;
  }
  return parseSchedulingSettings(raw as Record<Key, string> & Record<string, string>);
}

export function parseSchedulingSettings(raw: Record<Key, string> & Record<string, string>): {
  settings: SchedulingSettings;
  problems: Text[];
} {
  const problems: Text[] = [];
  const hours = parseWorkingHoursText(raw.meetingHours);
  if (!hours.ok) problems.push(hours.message);
  const length = parseMinutesText(
    raw.meetingLength,
    LIMITS.lengthMinutes.min,
    LIMITS.lengthMinutes.max,
    text('打ち合わせの長さ', 'The meeting length'),
  );
  if (!length.ok) problems.push(length.message);
  const buffers = parseBuffersText(raw.meetingBuffers);
  if (!buffers.ok) problems.push(buffers.message);
  const calendars = raw.meetingCalendars
    .split(/[,、\s]+/)
    .map((s) => s.trim())
    .filter((s) => /^[^\s@]+@[^\s@]+$/.test(s) || /^[\w.-]+$/.test(s))
    .slice(0, 20);
  return {
    settings: {
      workingHours: hours.ok ? hours.value : DEFAULT_WORKING_HOURS,
      lengthMinutes: length.ok ? length.value : 60,
      bufferBeforeMinutes: buffers.ok ? buffers.value.bufferBeforeMinutes : 15,
      bufferAfterMinutes: buffers.ok ? buffers.value.bufferAfterMinutes : 15,
      calendars,
      ownerCompany: raw[COMPANY] ?? '',
    },
    problems,
  };
}
