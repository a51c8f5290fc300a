/**
 * The scheduling (日程調整) card actions behind src/main.ts: open the candidates of a mail (a
 * button on the mail card, or the universal action on any mail), compose the reply draft (a
 * compose action: Gmail shows the draft), open a thread's proposal, confirm or cancel it (from
 * Gmail or the Calendar homepage). Each validates its event first and answers with a card, a
 * draft or a notification, never a stack trace.
 */
import * as z from 'zod/mini';
import { MESSAGE_ID, pickerDateKey } from '../../core/mailTask';
import { LIMITS, type MeetingFormat, type Slot } from '../../core/scheduling';
import { type Lang, sayIn, UserError } from '../../core/text';
import {
  loadOpenProposals,
  loadProposal,
  loadSchedulingForm,
} from '../../features/scheduling/cardData';
import { proposeMeeting } from '../../features/scheduling/propose';
import { cancelProposal, confirmProposal } from '../../features/scheduling/settle';
import { now } from '../../services/clock';
import {
  cardLang,
  formDate,
  formString,
  formStrings,
  invalidRequest,
  parseAction,
} from './cardEvent';
import { errorCard, errorMessage, messageCard, notify, updateWith } from './cardKit';
import { homepageWith } from './gmailActions';
import {
  openProposalSections,
  parseSlotValue,
  proposalCard,
  SCHEDULING_FIELDS,
  schedulingFormCard,
} from './schedulingCard';

type Card = GoogleAppsScript.Card_Service.Card;
type ActionResponse = GoogleAppsScript.Card_Service.ActionResponse;

const messageId = z.string().check(z.regex(MESSAGE_ID));
const openMail = z.looseObject({
  gmail: z.looseObject({
    messageId,
    threadId: z.optional(z.string().check(z.regex(MESSAGE_ID))),
    accessToken: z.string().check(z.minLength(1), z.maxLength(4096)),
  }),
});

function lengthParam(raw: string | undefined): number | undefined {
  if (raw === undefined || raw === '') return undefined;
  const n = Number(raw);
  const { min, max } = LIMITS.lengthMinutes;
  if (!Number.isInteger(n) || n < min || n > max) throw invalidRequest();
  return n;
}

function push(card: Card): ActionResponse {
  return CardService.newActionResponseBuilder()
    .setNavigation(CardService.newNavigation().pushCard(card))
    .build();
}

/** Card action: the candidates for the open mail (pushed), or found again with another length. */
export function openSchedulingForm(e: unknown): ActionResponse {
  const lang = cardLang(e);
  try {
    const ev = parseAction(e);
    const params = ev.commonEventObject.parameters ?? {};
    const id = messageId.safeParse(params.messageId);
    if (!id.success) throw invalidRequest();
    const refresh = params.refresh === '1';
    const length = refresh ? lengthParam(formString(ev, SCHEDULING_FIELDS.length)) : undefined;
    const card = schedulingFormCard(loadSchedulingForm(id.data, length), lang);
    return refresh ? updateWith(card) : push(card);
  } catch (err) {
    return notify(errorMessage(err, lang));
  }
}

/** Universal action: the candidates for whatever mail is open. */
export function schedulingUniversal(
  e: unknown,
): GoogleAppsScript.Card_Service.UniversalActionResponse {
  const lang = cardLang(e);
  const t = sayIn(lang);
  let card: Card;
  try {
    const mail = openMail.safeParse(e);
    card = mail.success
      ? schedulingFormCard(loadSchedulingForm(mail.data.gmail.messageId), lang)
      : messageCard(
          t('日程調整', 'Scheduling'),
          t('メールを開いてから使ってください', 'Open a mail first'),
        );
  } catch (err) {
    card = errorCard(err, lang);
  }
  return CardService.newUniversalActionResponseBuilder().displayAddOnCards([card]).build();
}

function formatOf(kind: string, where: string): MeetingFormat {
  const value = where.trim().slice(0, 500);
  if (kind === 'visit') return { kind: 'visit', place: value };
  if (kind === 'phone') return value ? { kind: 'phone', phone: value } : { kind: 'phone' };
  if (kind !== 'online' && kind !== '') throw invalidRequest();
  if (value && !/^https:\/\/[^\s<>"']+$/.test(value)) {
    throw new UserError(
      'オンラインのURLは https:// で始まるアドレスを入力してください',
      'The online meeting URL must start with https://',
    );
  }
  return { kind: 'online', url: value };
}

function ticked(values: readonly string[], lengthMinutes: number): Slot[] {
  const slots = values.slice(0, LIMITS.count.max).map(parseSlotValue);
  if (slots.some((s) => s === null || s.end - s.start !== lengthMinutes * 60_000))
    throw invalidRequest();
  return (slots as Slot[]).sort((a, b) => a.start - b.start);
}

/**
 * Compose action: records the proposal (and its holds) and returns the reply draft, which Gmail
 * opens for the owner to check and send. A problem is said in a notification and nothing is made.
 */
export function composeSchedulingReply(
  e: unknown,
): GoogleAppsScript.Card_Service.ComposeActionResponse | ActionResponse {
  const lang = cardLang(e);
  try {
    const ev = parseAction(e);
    const mail = openMail.safeParse(ev);
    const params = ev.commonEventObject.parameters ?? {};
    if (!mail.success || mail.data.gmail.messageId !== params.messageId) throw invalidRequest();
    const lengthMinutes = lengthParam(params.length);
    if (lengthMinutes === undefined) throw invalidRequest();
    const replyByMs = formDate(ev, SCHEDULING_FIELDS.replyBy);
    const replyBy = replyByMs === null ? null : pickerDateKey(replyByMs);
    if (!replyBy) {
      throw new UserError('返信期限を選んでください', 'Choose a reply-by date');
    }
    const result = proposeMeeting(
      {
        accessToken: mail.data.gmail.accessToken,
        messageId: mail.data.gmail.messageId,
        threadId: mail.data.gmail.threadId ?? mail.data.gmail.messageId,
        offered: ticked(formStrings(ev, SCHEDULING_FIELDS.slots), lengthMinutes),
        lengthMinutes,
        format: formatOf(
          formString(ev, SCHEDULING_FIELDS.format),
          formString(ev, SCHEDULING_FIELDS.where),
        ),
        replyBy,
        holds: formStrings(ev, SCHEDULING_FIELDS.holds).includes('hold'),
      },
      lang,
    );
    return CardService.newComposeActionResponseBuilder().setGmailDraft(result.draft).build();
  } catch (err) {
    return notify(errorMessage(err, lang));
  }
}

/** Card action: the proposal of this thread (from the card of the reply), pushed. */
export function openSchedulingProposal(e: unknown): ActionResponse {
  const lang = cardLang(e);
  try {
    const ev = parseAction(e);
    const id = messageId.safeParse(ev.commonEventObject.parameters?.proposal);
    if (!id.success) throw invalidRequest();
    return push(proposalCard(loadProposal(id.data), lang));
  } catch (err) {
    return notify(errorMessage(err, lang));
  }
}

function proposalTarget(e: unknown) {
  const ev = parseAction(e);
  const params = ev.commonEventObject.parameters ?? {};
  const id = messageId.safeParse(params.proposal);
  if (!id.success) throw invalidRequest();
  return { ev, id: id.data, from: params.from === 'calendar' ? 'calendar' : 'gmail' } as const;
}

/** After a change: the Calendar homepage again, or the proposal's card in Gmail. */
function refreshed(from: 'gmail' | 'calendar', id: string, lang: Lang, e: unknown): Card {
  if (from === 'calendar') return calendarHomepage(e);
  return proposalCard(loadProposal(id), lang);
}

/** Card action: confirm the time the other side picked. */
export function confirmSchedulingProposal(e: unknown): ActionResponse {
  const lang = cardLang(e);
  const t = sayIn(lang);
  try {
    const { ev, id, from } = proposalTarget(e);
    const slot = parseSlotValue(formString(ev, `${SCHEDULING_FIELDS.slot}_${id}`));
    if (!slot) throw new UserError('確定する日時を選んでください', 'Choose the time to confirm');
    const invite = formStrings(ev, `${SCHEDULING_FIELDS.invite}_${id}`).includes('invite');
    const result = confirmProposal(id, slot, invite, lang);
    const moved =
      result.leftAlone > 0
        ? t('(移動された仮押さえはそのままです)', ' (holds you moved are left as they are)')
        : '';
    return updateWith(
      refreshed(from, id, lang, e),
      result.already
        ? t('この日時で確定済みです', 'Already confirmed for this time')
        : `${t('日程を確定し、カレンダーに登録しました', 'Confirmed and added to your calendar')}${moved}`,
    );
  } catch (err) {
    return notify(errorMessage(err, lang));
  }
}

/** Card action: cancel a proposal (its holds are deleted). */
export function cancelSchedulingProposal(e: unknown): ActionResponse {
  const lang = cardLang(e);
  const t = sayIn(lang);
  try {
    const { id, from } = proposalTarget(e);
    const result = cancelProposal(id, lang);
    return updateWith(
      refreshed(from, id, lang, e),
      t(
        `提案を取り消し、仮押さえ${result.deletedHolds}件を削除しました`,
        `Proposal cancelled; ${result.deletedHolds} hold(s) deleted`,
      ),
    );
  } catch (err) {
    return notify(errorMessage(err, lang));
  }
}

/** Calendar homepage: the open proposals with their holds, then the usual homepage. */
export function calendarHomepage(e: unknown): Card {
  const lang = cardLang(e);
  return homepageWith(e, () => {
    const { shown, total } = loadOpenProposals();
    return openProposalSections(shown, total, lang, now());
  });
}
