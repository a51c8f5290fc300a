/**
 * Settling a proposal: confirming the time the other side picked (the hold on it becomes the
 * meeting, the other holds are deleted) or releasing it (取消 by the owner, 期限切れ by the daily
 * run). The calendar is read first (one call for all the proposal's events) and core plans only
 * what is left to do, so a run killed at any call and run again ends as one clean run: never a
 * second meeting, never an orphan hold, never a hold the owner moved or deleted touched.
 */
import {
  type HoldSnapshot,
  holdState,
  isPastReplyBy,
  meetingEventId,
  meetingTitle,
  PROPOSAL_STATUS,
  type ProposalSnapshot,
  planConfirm,
  planRelease,
  type Slot,
  sameSlot,
  slotCellLine,
} from '../../core/scheduling';
import { inLang, type Lang, type Text, text, UserError } from '../../core/text';
import { now, nowMs } from '../../services/clock';
import { withWorkbookLock } from '../../services/lock';
import {
  convertHold,
  deleteHold,
  insertMeeting,
  type ProposalEvent,
  proposalEvents,
} from '../../services/meetingCalendar';
import { flushWorkbook } from '../../services/workbook';
import { SCHEDULING_SHEET } from '../../sheets/schema';
import type { WorkbookTables } from '../../sheets/workbookTables';
import { eventDetails } from './meetingDetails';
import {
  findProposal,
  openProposals,
  type ProposalRecord,
  type SchedulingTable,
  writeProposal,
} from './proposalRows';
import { requireSchedulingTable, schedulingTables } from './schedulingBook';

function snapshot(p: ProposalRecord, events: ReadonlyMap<string, ProposalEvent>): ProposalSnapshot {
  const holds: HoldSnapshot[] = [];
  p.holds.forEach((eventId, i) => {
    const found = events.get(eventId);
    // A hold absent from the calendar was never placed (a run stopped before placing it).
    if (found)
      holds.push({ eventId, slot: p.offered[i]!, state: holdState(p.offered[i]!, found.slot) });
  });
  const meeting = p.meetingId ? events.get(p.meetingId) : undefined;
  return {
    status: p.status,
    offered: p.offered,
    holds,
    replyBy: p.replyBy,
    confirmed: p.confirmed,
    meetingEventId: meeting?.slot ? p.meetingId : null,
  };
}

function proposalIn(table: SchedulingTable, messageId: string): ProposalRecord {
  const found = findProposal(table, messageId);
  if (!found?.proposal) {
    throw new UserError(
      '日程調整が見つかりません(日程調整シートの行が削除または変更されています)',
      'The proposal was not found (its row in the 日程調整 sheet was deleted or changed)',
    );
  }
  return found.proposal;
}

export interface ConfirmResult {
  readonly confirmed: Slot;
  readonly meetingId: string;
  readonly deletedHolds: number;
  /** Holds the owner moved by hand, left as they are. */
  readonly leftAlone: number;
  /** Confirmed already for this time (a double click, a second device): nothing new was made. */
  readonly already: boolean;
}

export function confirmProposal(
  messageId: string,
  chosen: Slot,
  invite: boolean,
  lang: Lang,
  tables: WorkbookTables | null = schedulingTables(),
): ConfirmResult {
  return withWorkbookLock(() => {
    const table = requireSchedulingTable(tables);
    const p = proposalIn(table, messageId);
    const events = proposalEvents(messageId);
    const plan = planConfirm(snapshot(p, events), chosen);
    if (!plan.ok) throw UserError.of([plan.message]);
    const already = p.status === PROPOSAL_STATUS.confirmed;
    const details = {
      ...eventDetails(p, lang, inLang(meetingTitle(p.counterpart), lang)),
      guests: invite && p.email ? [p.email] : [],
    };
    let meetingId: string;
    if (plan.meeting.kind === 'convertHold') {
      meetingId = plan.meeting.eventId;
      if (!already) convertHold(meetingId, messageId, details);
    } else if (plan.meeting.kind === 'create') {
      meetingId = p.meetingId || meetingEventId(messageId, nowMs());
      if (!p.meetingId) {
        // The id is saved before the event is made, so a retry finds it instead of making another.
        writeProposal(table, p.rowNumber, { meetingId });
        flushWorkbook();
      }
      insertMeeting(meetingId, messageId, plan.meeting.slot, details);
    } else {
      meetingId = plan.meeting.eventId;
    }
    for (const id of plan.deleteHolds) deleteHold(id);
    // The status goes last: a row says 確定 only once its time and event are written.
    writeProposal(table, p.rowNumber, {
      confirmed: slotCellLine(chosen),
      meetingId,
      message: leftAloneNote(plan.leftAlone.length, lang),
      status: PROPOSAL_STATUS.confirmed,
    });
    flushWorkbook();
    tables?.forget(SCHEDULING_SHEET);
    return {
      confirmed: chosen,
      meetingId,
      deletedHolds: plan.deleteHolds.length,
      leftAlone: plan.leftAlone.length,
      already,
    };
  });
}

function leftAloneNote(count: number, lang: Lang): string {
  if (count === 0) return '';
  return inLang(
    text(
      `手で移動された仮押さえ${count}件はそのままにしました`,
      `${count} hold(s) moved by hand were left as they are`,
    ),
    lang,
  );
}

export interface ReleaseResult {
  readonly deletedHolds: number;
  readonly leftAlone: number;
}

function release(
  table: SchedulingTable,
  p: ProposalRecord,
  reason: 'cancelled' | 'expired',
  lang: Lang,
): ReleaseResult {
  const events = p.holds.length > 0 ? proposalEvents(p.messageId) : new Map();
  const plan = planRelease(snapshot(p, events), reason, now());
  if (!plan.ok) throw UserError.of([plan.message]);
  for (const id of plan.deleteHolds) deleteHold(id);
  writeProposal(table, p.rowNumber, {
    message: leftAloneNote(plan.leftAlone.length, lang),
    status: plan.status,
  });
  return { deletedHolds: plan.deleteHolds.length, leftAlone: plan.leftAlone.length };
}

/** The owner's 取消: the holds deleted (moved ones left), the row 取消. */
export function cancelProposal(
  messageId: string,
  lang: Lang,
  tables: WorkbookTables | null = schedulingTables(),
): ReleaseResult {
  return withWorkbookLock(() => {
    const table = requireSchedulingTable(tables);
    const result = release(table, proposalIn(table, messageId), 'cancelled', lang);
    flushWorkbook();
    tables?.forget(SCHEDULING_SHEET);
    return result;
  });
}

export interface ExpiryReport {
  readonly expired: number;
  readonly deletedHolds: number;
  readonly message: Text | null;
  /** Proposals left for the next run (the time budget ran out). */
  readonly more: boolean;
}

/**
 * The daily run's part: every open proposal whose reply-by date has passed gets its holds
 * deleted and becomes 期限切れ. Open proposals not yet due cost nothing; each due one costs one
 * read of its events and one call per hold. The caller holds the workbook lock.
 */
export function expireProposals(
  tables: WorkbookTables,
  at: Date,
  lang: Lang,
  deadline: number,
): ExpiryReport {
  const table = tables.table(SCHEDULING_SHEET);
  const due = openProposals(table).filter((p) => isPastReplyBy(p.replyBy, at));
  if (!table || due.length === 0)
    return { expired: 0, deletedHolds: 0, message: null, more: false };
  const names: string[] = [];
  let deletedHolds = 0;
  let more = false;
  for (const p of due) {
    if (nowMs() >= deadline) {
      more = true;
      break;
    }
    deletedHolds += release(table, p, 'expired', lang).deletedHolds;
    names.push(p.counterpart || p.email);
  }
  flushWorkbook();
  tables.forget(SCHEDULING_SHEET);
  return {
    expired: names.length,
    deletedHolds,
    more,
    message:
      names.length === 0
        ? null
        : text(
            `返信期限を過ぎた日程調整${names.length}件を期限切れにし、仮押さえ${deletedHolds}件を削除しました: ${names.join('、')}`,
            `${names.length} proposal(s) past their reply-by date expired; ${deletedHolds} hold(s) deleted: ${names.join(', ')}`,
          ),
  };
}

/** Whether `slot` is one of the proposal's offered times (for the card's buttons). */
export function isOffered(p: ProposalRecord, slot: Slot): boolean {
  return p.offered.some((s) => sameSlot(s, slot));
}
