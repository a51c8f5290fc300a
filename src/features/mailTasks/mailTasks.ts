import { type DateKey, tokyoInstant } from '../../core/dates';
import { clip, mailTaskKey, NOTES_LIMIT, TITLE_LIMIT, tasksDue } from '../../core/mailTask';
import { oneLine } from '../../core/normalize';
import { meetingRequest } from '../../core/scheduling';
import { type Lang, type Text, text, UserError } from '../../core/text';
import { now } from '../../services/clock';
import { type OpenMail, readOpenMail } from '../../services/gmailMessage';
import { withWorkbookLock } from '../../services/lock';
import { THREAD_PREFIX } from '../../services/meetingThreads';
import {
  getTask,
  insertTask,
  listTaskLists,
  type TaskListRef,
  tasksAvailable,
} from '../../services/tasks';
import { readUserProperties, writeUserProperties } from '../../services/userProperties';
import { flushWorkbook } from '../../services/workbook';
import { openWorkbookById, WORKBOOK_ID_KEY } from '../../services/workbookLink';
import { cellDateKey, cellText, textCell } from '../../sheets/cells';
import { TASK_STATUSES, TASKS_SHEET } from '../../sheets/schema';
import { appendRecords, findSheet, readTable } from '../../sheets/table';
import {
  LISTS_KEY,
  type MailTaskPrefs,
  type MailTaskRecord,
  PREFS_KEY,
  readPrefs,
  readRecord,
  readUsedLists,
  recordKey,
  type Target,
} from './records';
import { type MailTaskSuggestion, suggestMailTask } from './suggest';

/** What the Gmail card says about meeting times (日程調整) for an open mail. */
export interface MeetingHint {
  /** The mail asks to meet (only known when the mail was read). */
  readonly asks: boolean;
  /** The mail whose proposal this thread carries, if any (the card on the reply confirms it). */
  readonly proposalOf: string | null;
}

/** What the Gmail card shows for an open mail. */
export type MailCardData = (
  | {
      readonly kind: 'existing';
      readonly record: MailTaskRecord;
      readonly messageId: string;
      /** The Google task is completed (read from Google Tasks; false when it cannot be read). */
      readonly completed: boolean;
    }
  | {
      readonly kind: 'new';
      readonly suggestion: MailTaskSuggestion;
      /** The user's Google Tasks lists; null when the Tasks service is not available. */
      readonly lists: readonly TaskListRef[] | null;
      readonly prefs: MailTaskPrefs;
      /** The remembered workbook, or null (the card then asks for it). */
      readonly workbookId: string | null;
      /** The mail as read (the receipt card reads it too). */
      readonly mail: OpenMail;
    }
  | { readonly kind: 'missing' }
) & { readonly meeting?: MeetingHint };

/**
 * The card's data for the open mail: its task when one was made from it already (with whether
 * it was completed in Google Tasks: one call), else a suggestion. Reads the user's properties
 * once, the mail (a fixed number of calls) and the task lists (one call); never a sheet.
 */
export function openMailTask(
  accessToken: string,
  messageId: string,
  lang: Lang,
  threadId?: string,
): MailCardData {
  const props = readUserProperties();
  const proposalOf = (threadId && props[`${THREAD_PREFIX}${threadId}`]) || null;
  const record = readRecord(props, messageId);
  if (record) {
    return {
      kind: 'existing',
      record,
      messageId,
      completed: completedInTasks(record),
      meeting: { asks: false, proposalOf },
    };
  }
  const mail = readOpenMail(accessToken, messageId);
  if (!mail) return { kind: 'missing' };
  const suggestion = suggestMailTask(mail, lang);
  const asks = meetingRequest(mail.subject, mail.html ? '' : mail.body).asks;
  const lists = tasksAvailable() ? safeLists() : null;
  return {
    kind: 'new',
    suggestion,
    lists,
    prefs: readPrefs(props),
    workbookId: props[WORKBOOK_ID_KEY] ?? null,
    mail,
    meeting: { asks, proposalOf },
  };
}

function completedInTasks(record: MailTaskRecord): boolean {
  if (!record.taskId || !record.listId || !tasksAvailable()) return false;
  try {
    return getTask(record.listId, record.taskId).completed;
  } catch (e) {
    console.warn(`Task unavailable: ${e instanceof Error ? e.message : e}`);
    return false;
  }
}

function safeLists(): TaskListRef[] | null {
  try {
    return listTaskLists();
  } catch (e) {
    console.warn(`Tasks lists unavailable: ${e instanceof Error ? e.message : e}`);
    return null;
  }
}

/** What the owner confirmed on the card (validated by the card action). */
export interface CreateMailTaskRequest {
  readonly messageId: string;
  readonly title: string;
  readonly due: DateKey | null;
  readonly notes: string;
  readonly link: string;
  readonly targets: readonly Target[];
  readonly listId?: string;
}

export interface CreateMailTaskResult {
  /** False when the mail already had a task (a double click, a second device). */
  readonly created: boolean;
  readonly record: MailTaskRecord;
  /** What could not be done (e.g. the sheet could not be written); text. */
  readonly problems: readonly Text[];
}

type TaskKey = (typeof TASKS_SHEET.columns)[number]['key'];
const OPEN = TASK_STATUSES[0];

/**
 * Makes the task once: under the workbook lock it checks the user's record of this mail and the
 * タスク sheet's key column (`mail:<messageId>`) before writing, so a double click or a retry
 * finds the first task instead of making a second. Google Tasks first, then the sheet row (with
 * the Google task's id), then the record.
 */
export function createMailTask(req: CreateMailTaskRequest): CreateMailTaskResult {
  if (req.targets.length === 0) {
    throw new UserError(
      '作成先(Google ToDo リスト / タスクシート)を選んでください',
      'Choose where to create the task (Google Tasks and/or the tasks sheet)',
    );
  }
  const title = clip(oneLine(req.title), TITLE_LIMIT);
  if (title === '') {
    throw new UserError('タイトルを入力してください', 'Enter a title');
  }
  const notes = clip(req.notes.replace(/\r\n?/g, '\n').trim(), NOTES_LIMIT);
  return withWorkbookLock(() => {
    const props = readUserProperties();
    const known = readRecord(props, req.messageId);
    if (known) return { created: false, record: known, problems: [] };

    const key = mailTaskKey(req.messageId);
    const wantSheet = req.targets.includes('sheet');
    const workbookId = props[WORKBOOK_ID_KEY] ?? null;
    if (wantSheet && !workbookId) {
      throw new UserError(
        'タスクシートに書くには、先にワークブックを接続してください',
        'Connect the workbook first to write to the tasks sheet',
      );
    }
    const ss = wantSheet && workbookId ? openWorkbookById(workbookId) : null;
    const sheet = ss ? findSheet(ss, TASKS_SHEET) : null;
    if (ss && !sheet) {
      throw new UserError(
        'ワークブックに「タスク」シートがありません。拡張機能 → Pokke → ワークブックを準備 を実行してください',
        'The workbook has no タスク (Tasks) sheet. Run Extensions → Pokke → Set up workbook',
      );
    }
    const table = sheet ? readTable<TaskKey>(sheet, TASKS_SHEET) : null;
    const existingRow = table?.rows.find((r) => cellText(r.values.key) === key);
    if (table && existingRow) {
      // Made before, but this user's record was lost: adopt the row, make nothing.
      const record: MailTaskRecord = {
        title: cellText(existingRow.values.title),
        due: cellDateKey(existingRow.values.due),
        createdAt: now().toISOString(),
        ...(cellText(existingRow.values.googleTaskId)
          ? { taskId: cellText(existingRow.values.googleTaskId) }
          : {}),
        ...(cellText(existingRow.values.listId)
          ? { listId: cellText(existingRow.values.listId) }
          : {}),
        workbookId: workbookId ?? '',
        sheetId: table.sheet.getSheetId(),
        row: existingRow.rowNumber,
      };
      writeUserProperties({ [recordKey(req.messageId)]: JSON.stringify(record) });
      return { created: false, record, problems: [] };
    }

    const problems: Text[] = [];
    let record: MailTaskRecord = {
      title,
      due: req.due,
      createdAt: now().toISOString(),
    };
    const listId = req.listId || '@default';
    if (req.targets.includes('tasks')) {
      const task = insertTask(listId, {
        title,
        notes,
        ...(req.due ? { due: tasksDue(req.due) } : {}),
      });
      // The list's own id (not `@default`), so the sheet names it for any runner of the sync.
      record = {
        ...record,
        taskId: task.id,
        listId: task.listId || listId,
        ...(task.url ? { taskUrl: task.url } : {}),
      };
    }
    if (table) {
      try {
        const row = appendRecords(table, [
          {
            title: textCell(title),
            due: req.due ? tokyoInstant(req.due) : '',
            status: OPEN,
            notes: textCell(notes),
            source: textCell(req.link),
            createdAt: now(),
            googleTaskId: record.taskId ? textCell(record.taskId) : '',
            key: textCell(key),
            listId: record.listId ? textCell(record.listId) : '',
          },
        ]);
        flushWorkbook();
        record = {
          ...record,
          workbookId: workbookId ?? '',
          sheetId: table.sheet.getSheetId(),
          row,
        };
      } catch (e) {
        if (!record.taskId) throw e;
        problems.push(
          text(
            `Google ToDo リストには作成しましたが、タスクシートに書けませんでした: ${e instanceof Error ? e.message : e}`,
            'The task is in Google Tasks, but the tasks sheet could not be written',
          ),
        );
      }
    }
    const used = readUsedLists(props);
    const writes: Record<string, string> = {
      [recordKey(req.messageId)]: JSON.stringify(record),
      [PREFS_KEY]: JSON.stringify({
        targets: req.targets,
        ...(req.listId ? { listId: req.listId } : {}),
      } satisfies MailTaskPrefs),
    };
    if (record.listId && !used.includes(record.listId)) {
      writes[LISTS_KEY] = JSON.stringify([...used, record.listId]);
    }
    writeUserProperties(writes);
    return { created: true, record, problems };
  });
}

/** Stores the workbook the owner pasted into the Gmail card, after opening it once to check it. */
export function connectWorkbook(id: string): { name: string } {
  const ss = openWorkbookById(id);
  const name = ss.getName();
  writeUserProperties({ [WORKBOOK_ID_KEY]: id });
  return { name };
}
