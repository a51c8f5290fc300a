import type { PlannedJob } from '../../../core/contracts/automations';
import { type DateKey, formatDateJa, tokyoInstant } from '../../../core/dates';
import { clientKey } from '../../../core/invoice';
import { recipientCount } from '../../../core/mime';
import {
  type OverdueInvoice,
  REMINDER_STEP_NAMES,
  type ReminderStep,
  reminderMail,
} from '../../../core/reminders/reminderMail';
import { reminderStepDue } from '../../../core/schedule';
import { text } from '../../../core/text';
import { type DeliveryStage, deliverOnce } from '../../../services/deliverOnce';
import { remainingMailQuota } from '../../../services/mail';
import { flushWorkbook } from '../../../services/workbook';
import { cellDateKey, cellText, textCell } from '../../../sheets/cells';
import { INVOICES_SHEET } from '../../../sheets/schema';
import { writeColumn } from '../../../sheets/table';
import { BILLING_SHEETS, type BillingBook, readBillingBook } from '../../invoices/billingBook';
import { AUTOMATION_SETTING_ROWS } from '../../settings/settingsRows';
import { type Job, type JobContext, type JobOutcome, pastDeadline, skipped } from '../job';

const LABEL = text('督促', 'Payment reminders');
/** The 設定 row that turns reminders on and off, as the owner sees it. */
const REMINDERS_SETTING = AUTOMATION_SETTING_ROWS.find((r) => r.key === 'reminders')!.label;
const PAID = '入金済';
const VOIDED = '取消';
/** 状態 of an invoice whose mail Pokke left as a draft: the client may not have it yet. */
const UNSENT = '下書き';

interface Reminder {
  readonly row: number;
  readonly step: ReminderStep;
  readonly invoice: OverdueInvoice;
  /** Its step was recorded by an earlier run, which did not finish its mail. */
  readonly resumed: boolean;
  /** 督促日 holds a date (a recorded step cut off before its date was written has none). */
  readonly dated: boolean;
  /** What an earlier run may have done of its mail: nothing, maybe the draft, maybe the send. */
  readonly stage: DeliveryStage;
  /** The invoice itself may still be an unsent draft: its reminder is never sent directly. */
  readonly invoiceUnsent: boolean;
  readonly otherLines: string[];
}

/** A step recorded, its mail being made: still there on the next run, that run was cut off. */
const MAKING = '作成中';
/** A step recorded whose mail a run out of time never started: made like a new one. */
const WAITING = '作成待ち';
/** A step whose draft was made and is being sent: the mail left if and only if it is gone. */
const SENDING = '送信中';
const PENDING = /^督促(\d)\(.*\): (作成中|作成待ち|送信中)/;
const STAGE_OF: Record<string, DeliveryStage> = {
  [MAKING]: 'maybeDrafted',
  [WAITING]: 'fresh',
  [SENDING]: 'sending',
};
const isReminderLine = (line: string) => line.startsWith('督促');

/** An invoice whose reminder step was recorded and whose mail is not finished yet. */
export function hasUnfinishedReminder(message: unknown): boolean {
  return PENDING.test(splitMessage(message).reminder);
}

/** The message cell's own lines (issuing warnings) without Pokke's reminder line. */
function splitMessage(cell: unknown): { others: string[]; reminder: string } {
  const lines = cellText(cell).split('\n').filter(Boolean);
  return {
    others: lines.filter((l) => !isReminderLine(l)),
    reminder: lines.find(isReminderLine) ?? '',
  };
}

const stepLine = (step: ReminderStep, state: string) =>
  `督促${step}(${REMINDER_STEP_NAMES[step]}): ${state}`;

/**
 * Unpaid invoices past due get the next step of the reminder ladder on its day (offsets in the
 * 設定 sheet), one step per run, never the same step twice: the step is recorded on the invoice
 * row (督促段階, 督促日) and flushed before the mail is made, and a step recorded by a run that
 * stopped is finished — as a draft, never a second sending — by the next.
 */
function planReminders(book: BillingBook, ctx: JobContext): Reminder[] {
  const out: Reminder[] = [];
  for (const row of book.invoices.rows) {
    const v = row.values;
    const number = cellText(v.number);
    const status = cellText(v.status);
    const dueDate = cellDateKey(v.dueDate);
    const issueDate = cellDateKey(v.issueDate);
    const client = book.clientIndex.get(clientKey(cellText(v.client)));
    // An invoice without its PDF was never completed, so the client never received it.
    if (!number || !dueDate || !issueDate || !client || cellText(v.pdf) === '') continue;
    const { others, reminder } = splitMessage(v.message);
    const lastStep = typeof v.reminderStep === 'number' ? v.reminderStep : 0;
    const invoice: OverdueInvoice = {
      number,
      client,
      issueDate,
      dueDate,
      billed: typeof v.billed === 'number' ? v.billed : 0,
    };
    const invoiceUnsent = status === UNSENT;
    const pending = PENDING.exec(reminder);
    if (pending && Number(pending[1]) === lastStep && lastStep >= 1 && lastStep <= 3) {
      out.push({
        row: row.rowNumber,
        step: lastStep as ReminderStep,
        invoice,
        resumed: true,
        dated: cellDateKey(v.reminderDate) !== null,
        stage: STAGE_OF[pending[2] ?? ''] ?? 'maybeDrafted',
        invoiceUnsent,
        otherLines: others,
      });
      continue;
    }
    const step = reminderStepDue(
      {
        dueDate,
        paid: status === PAID || cellText(v.paidDate) !== '',
        voided: status === VOIDED,
        lastStep,
        lastReminderDate: cellDateKey(v.reminderDate),
      },
      ctx.today,
      ctx.settings.reminderOffsets,
    );
    if (step)
      out.push({
        row: row.rowNumber,
        step,
        invoice,
        resumed: false,
        dated: false,
        stage: 'fresh',
        invoiceUnsent,
        otherLines: others,
      });
  }
  return out;
}

export const remindersJob: Job = {
  id: 'reminders',
  label: LABEL,
  reads: BILLING_SHEETS,
  plan(ctx): PlannedJob {
    if (!ctx.settings.reminders)
      return { job: 'reminders', label: LABEL, actions: [], problems: [] };
    const reminders = planReminders(readBillingBook(ctx.tables), ctx);
    return {
      job: 'reminders',
      label: LABEL,
      actions: reminders.map((r) =>
        text(
          `${r.invoice.client.name}: 請求書 ${r.invoice.number} に「${REMINDER_STEP_NAMES[r.step]}」の${ctx.settings.reminderSendDirectly ? '送信' : '下書き'}`,
          `${r.invoice.client.name}: ${ctx.settings.reminderSendDirectly ? 'send' : 'draft'} reminder ${r.step} of 3 for invoice ${r.invoice.number}`,
        ),
      ),
      problems: [],
    };
  },
  run(ctx): JobOutcome {
    if (!ctx.settings.reminders) {
      return skipped(
        `設定「${REMINDERS_SETTING}」が「しない」のため`,
        `reminders are turned off (設定 ${REMINDERS_SETTING}: しない)`,
      );
    }
    const book = readBillingBook(ctx.tables);
    const reminders = planReminders(book, ctx);
    if (reminders.length === 0) return { result: 'ok', count: 0, message: null, more: false };
    const recorded = recordSteps(book, reminders, ctx.today);
    flushWorkbook();

    const done = new Map<number, unknown>();
    let quota = ctx.settings.reminderSendDirectly ? remainingMailQuota() : 0;
    let count = 0;
    let more = false;
    for (const r of reminders) {
      if (pastDeadline(ctx)) {
        more = true;
        break;
      }
      const mail = reminderMail(r.invoice, r.step, book.settings);
      const recipients = recipientCount(mail.to);
      const send = !r.invoiceUnsent && quota >= recipients && mail.to !== '';
      const line = (state: string) =>
        textCell([...r.otherLines, stepLine(r.step, state)].join('\n'));
      const delivered = deliverOnce({
        mail: { to: mail.to, subject: mail.subject, body: mail.text, htmlBody: mail.html },
        searchTerm: r.invoice.number,
        stage: r.stage,
        send,
        markSending: (draft) => {
          writeColumn(
            book.invoices,
            'message',
            new Map([[r.row, line(`${SENDING} ${draft.url}`)]]),
          );
          flushWorkbook();
        },
      });
      const day = formatDateJa(ctx.today, { weekday: true });
      let state: string;
      if (delivered.sent) {
        quota -= recipients;
        state = `${day} 送信しました`;
      } else {
        const why = delivered.error ? `(送信できませんでした: ${delivered.error})` : '';
        state = `${day} 下書きを作成しました${why} ${delivered.draft.url}`;
      }
      done.set(r.row, line(state));
      count += 1;
    }
    // Rows the time budget left had no mail started: 作成待ち, so the next run makes theirs
    // without looking for a draft. Rows left 作成中 or 送信中 by a cut-off run stay so.
    const waiting = new Map(
      reminders
        .filter((r) => !done.has(r.row) && r.stage === 'fresh')
        .map((r) => [r.row, textCell([...r.otherLines, stepLine(r.step, WAITING)].join('\n'))]),
    );
    // The table in memory predates recordSteps: write every recorded row's message again.
    writeColumn(book.invoices, 'message', new Map([...recorded, ...waiting, ...done]));
    ctx.tables.forget(INVOICES_SHEET);
    return {
      result: 'ok',
      count,
      message:
        count > 0
          ? text(
              `督促を${count}件作成しました: ${reminders
                .slice(0, count)
                .map((r) => `${r.invoice.number}(${REMINDER_STEP_NAMES[r.step]})`)
                .join('、')}`,
              `${count} reminder(s) made`,
            )
          : null,
      more,
    };
  },
};

/**
 * Writes each step as started (督促段階, 督促日, a 作成中 line; a waiting step gets its 作成中 line
 * back, as its mail may be made from now on); returns every row's message as it now stands.
 */
function recordSteps(
  book: BillingBook,
  reminders: readonly Reminder[],
  today: DateKey,
): Map<number, unknown> {
  const messages = new Map<number, unknown>(
    reminders.map((r) => [
      r.row,
      textCell(
        [...r.otherLines, stepLine(r.step, r.stage === 'sending' ? SENDING : MAKING)].join('\n'),
      ),
    ]),
  );
  // The 作成中 line first, 督促段階 next, 督促日 last. A run cut off between them leaves either a
  // line the next run does not take as recorded (its step is not written: the step is planned
  // again, and no mail had been started) or a recorded step whose missing date is written then.
  const starting = reminders.filter((r) => r.stage === 'fresh');
  writeColumn(book.invoices, 'message', new Map(starting.map((r) => [r.row, messages.get(r.row)])));
  const fresh = reminders.filter((r) => !r.resumed);
  writeColumn(book.invoices, 'reminderStep', new Map(fresh.map((r) => [r.row, r.step])));
  const undated = reminders.filter((r) => !r.dated);
  writeColumn(
    book.invoices,
    'reminderDate',
    new Map(undated.map((r) => [r.row, tokyoInstant(today)])),
  );
  return messages;
}
