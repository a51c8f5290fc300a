import type { DateKey } from '../../core/dates';
import { parseJsonProperty } from '../../services/userProperties';

/**
 * What Pokke remembers in the user's properties about tasks made from mails: one small record
 * per mail (so reopening a mail shows its task without reading any sheet), the user's last
 * choices, and the Google Tasks lists Pokke wrote to (for the sync).
 */

export const RECORD_PREFIX = 'pokke.mailTask.';
export const PREFS_KEY = 'pokke.mailTasks.prefs';
export const LISTS_KEY = 'pokke.tasks.lists';
export const SYNCED_AT_KEY = 'pokke.tasks.syncedAt';

export type Target = 'tasks' | 'sheet';

export interface MailTaskRecord {
  readonly title: string;
  readonly due: DateKey | null;
  readonly createdAt: string;
  /** Google Tasks: the task and its list. */
  readonly taskId?: string;
  readonly listId?: string;
  readonly taskUrl?: string;
  /** The タスク sheet: the workbook, the sheet's gid and the row. */
  readonly workbookId?: string;
  readonly sheetId?: number;
  readonly row?: number;
}

export interface MailTaskPrefs {
  readonly targets: readonly Target[];
  readonly listId?: string;
}

export const DEFAULT_PREFS: MailTaskPrefs = { targets: ['tasks', 'sheet'] };

export function recordKey(messageId: string): string {
  return `${RECORD_PREFIX}${messageId}`;
}

export function readRecord(
  props: Readonly<Record<string, string>>,
  messageId: string,
): MailTaskRecord | null {
  const r = parseJsonProperty<MailTaskRecord>(props[recordKey(messageId)]);
  return r && typeof r.title === 'string' ? r : null;
}

export function readPrefs(props: Readonly<Record<string, string>>): MailTaskPrefs {
  const p = parseJsonProperty<MailTaskPrefs>(props[PREFS_KEY]);
  if (!p || !Array.isArray(p.targets)) return DEFAULT_PREFS;
  const targets = p.targets.filter((t): t is Target => t === 'tasks' || t === 'sheet');
  return { targets, ...(typeof p.listId === 'string' ? { listId: p.listId } : {}) };
}

export function readUsedLists(props: Readonly<Record<string, string>>): string[] {
  const l = parseJsonProperty<unknown>(props[LISTS_KEY]);
  return Array.isArray(l) ? l.filter((x): x is string => typeof x === 'string') : [];
}
