/**
 * The Gmail add-on's entry points behind src/main.ts: the contextual trigger (a mail opened), the
 * homepage, and the card actions. Each validates its event object first (anything may reach a
 * function Apps Script can call) and answers with a card or a notification, never a stack trace.
 */
import * as z from 'zod/mini';
import { tokyoDateKey } from '../../core/dates';
import {
  MESSAGE_ID,
  NOTES_LIMIT,
  parseWorkbookRef,
  pickerDateKey,
  TITLE_LIMIT,
} from '../../core/mailTask';
import { type Lang, sayIn, tooLongMessage, UserError } from '../../core/text';
import { openReceipt } from '../../features/expenses/receiptMail';
import { loadHomepage } from '../../features/mailTasks/homepage';
import {
  connectWorkbook,
  createMailTask,
  type MailCardData,
  openMailTask,
} from '../../features/mailTasks/mailTasks';
import type { Target } from '../../features/mailTasks/records';
import { now } from '../../services/clock';
import {
  cardLang,
  formDate,
  formString,
  formStrings,
  invalidRequest,
  parseAction,
} from './cardEvent';
import { errorCard, errorMessage, notify, section, textOf, updateWith } from './cardKit';
import { receiptCard } from './expenseCard';
import { logFromCard, taskFromCard } from './expenseCardActions';
import { connectCard, homepageCard } from './homepageCard';
import { createdTaskCard, FIELD_NAMES, FIELDS, mailTaskCard } from './mailTaskCard';
import { meetingSection } from './schedulingCard';

type Card = GoogleAppsScript.Card_Service.Card;
type CardSection = GoogleAppsScript.Card_Service.CardSection;
type ActionResponse = GoogleAppsScript.Card_Service.ActionResponse;

const messageId = z.string().check(z.regex(MESSAGE_ID));

const gmailEvent = z.looseObject({
  gmail: z.looseObject({
    messageId,
    accessToken: z.string().check(z.minLength(1), z.maxLength(4096)),
    threadId: z.optional(z.string().check(z.regex(MESSAGE_ID))),
  }),
});

function openMailCard(data: MailCardData, id: string, lang: Lang): Card {
  const meeting = data.meeting ? meetingSection(data.meeting, id, lang) : null;
  return mailTaskCard(data, lang, meeting ? [meeting] : []);
}

/** Contextual trigger: a mail is open. */
export function mailOpened(e: unknown): Card {
  const lang = cardLang(e);
  try {
    const parsed = gmailEvent.safeParse(e);
    if (!parsed.success) throw invalidRequest();
    const { accessToken, messageId: id, threadId } = parsed.data.gmail;
    const data = openMailTask(accessToken, id, lang, threadId);
    // A receipt or an invoice to pay opens as an expense (with a button to the task card).
    const receipt =
      data.kind === 'new' ? openReceipt(data.mail, data.workbookId, tokyoDateKey(now())) : null;
    return receipt ? receiptCard(receipt, lang) : openMailCard(data, id, lang);
  } catch (err) {
    return errorCard(err, lang);
  }
}

/** Homepage trigger (Gmail, and the common one). */
export function homepage(e: unknown): Card {
  return homepageWith(e, () => []);
}

/**
 * The homepage with a host's own sections first (the Calendar card's proposals). A failure in
 * those is said in their place; the rest of the homepage still shows.
 */
export function homepageWith(e: unknown, lead: () => CardSection[]): Card {
  const lang = cardLang(e);
  try {
    const data = loadHomepage(now());
    if (!data) return connectCard(lang);
    let sections: CardSection[];
    try {
      sections = lead();
    } catch (err) {
      sections = [section().addWidget(textOf(`⚠ ${errorMessage(err, lang)}`))];
    }
    return homepageCard(data, lang, sections);
  } catch (err) {
    return connectCard(lang, errorMessage(err, lang));
  }
}

const createRequest = z.strictObject({
  messageId,
  link: z.string().check(z.maxLength(1000), z.regex(/^https:\/\/mail\.google\.com\/[^\s<>"']*$/)),
  // Lengths are checked first, in characters, with a message naming the field (checkLengths).
  title: z.string(),
  notes: z.string(),
  targets: z.array(z.enum(['tasks', 'sheet'])).check(z.maxLength(2)),
  listId: z.optional(z.string().check(z.regex(/^[A-Za-z0-9_@-]{1,200}$/))),
  due: z.nullable(z.number()),
});

/** The title and notes the owner typed, refused when longer than a task takes, each named once. */
function checkLengths(texts: Record<'title' | 'notes', string>): void {
  const limits = { title: TITLE_LIMIT, notes: NOTES_LIMIT };
  const long = (['title', 'notes'] as const).filter(
    (key) => Array.from(texts[key]).length > limits[key],
  );
  if (long.length > 0) {
    throw UserError.of(long.map((key) => tooLongMessage(FIELD_NAMES[key], limits[key])));
  }
}

/** Card action: make the task from the card's fields. */
export function createFromCard(e: unknown): ActionResponse {
  const lang = cardLang(e);
  const t = sayIn(lang);
  try {
    const ev = parseAction(e);
    const params = ev.commonEventObject.parameters ?? {};
    const listId = formString(ev, FIELDS.listId);
    const texts = { title: formString(ev, FIELDS.title), notes: formString(ev, FIELDS.notes) };
    checkLengths(texts);
    const parsed = createRequest.safeParse({
      messageId: params.messageId,
      link: params.link,
      ...texts,
      targets: [...new Set(formStrings(ev, FIELDS.targets))],
      ...(listId ? { listId } : {}),
      due: formDate(ev, FIELDS.due),
    });
    if (!parsed.success) throw invalidRequest();
    const req = parsed.data;
    const open = ev.gmail?.messageId;
    if (open && open !== req.messageId) throw invalidRequest();
    const due = req.due === null ? null : pickerDateKey(req.due);
    if (req.due !== null && due === null) {
      throw new UserError('期限の日付が正しくありません', 'The due date is not valid');
    }
    const result = createMailTask({
      messageId: req.messageId,
      title: req.title,
      notes: req.notes,
      link: req.link,
      due,
      targets: req.targets as Target[],
      ...(req.listId ? { listId: req.listId } : {}),
    });
    return updateWith(
      createdTaskCard(result.record, result.created, lang, result.problems),
      result.created
        ? t('タスクを作成しました', 'Task created')
        : t('このメールのタスクは作成済みです', 'A task already exists for this mail'),
    );
  } catch (err) {
    return notify(errorMessage(err, lang));
  }
}

/** Card action: log the receipt card's expense. */
export function expenseLogAction(e: unknown): ActionResponse {
  return logFromCard(e, cardLang(e));
}

/** Card action: the task card for a mail shown as a receipt. */
export function expenseTaskAction(e: unknown): ActionResponse {
  return taskFromCard(e, cardLang(e));
}

/** Card action: the owner pasted the workbook's address. */
export function connectFromCard(e: unknown): ActionResponse {
  const lang = cardLang(e);
  try {
    const ev = parseAction(e);
    const id = parseWorkbookRef(formString(ev, FIELDS.workbookUrl).slice(0, 500));
    if (!id) {
      throw new UserError(
        'スプレッドシートのURLを貼り付けてください(https://docs.google.com/spreadsheets/d/…)',
        'Paste the spreadsheet URL (https://docs.google.com/spreadsheets/d/…)',
      );
    }
    const { name } = connectWorkbook(id);
    const done = sayIn(lang)(`「${name}」に接続しました`, `Connected to "${name}"`);
    const g = gmailEvent.safeParse(ev);
    if (g.success) {
      const { accessToken, messageId: id, threadId } = g.data.gmail;
      return updateWith(
        openMailCard(openMailTask(accessToken, id, lang, threadId), id, lang),
        done,
      );
    }
    return updateWith(homepage(ev), done);
  } catch (err) {
    return notify(errorMessage(err, lang));
  }
}
