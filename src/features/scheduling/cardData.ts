/** What the scheduling cards show: the candidates for a mail, and the proposals with their holds. */
import type { DateKey } from '../../core/dates';
import { type HoldState, holdState, type Slot } from '../../core/scheduling';
import type { Text } from '../../core/text';
import { now } from '../../services/clock';
import { proposalEvents } from '../../services/meetingCalendar';
import { THREAD_PREFIX } from '../../services/meetingThreads';
import { readUserProperty } from '../../services/userProperties';
import { SCHEDULING_SHEET } from '../../sheets/schema';
import type { WorkbookTables } from '../../sheets/workbookTables';
import { defaultReplyBy, findCandidates } from './candidates';
import { findProposal, openProposals, type ProposalRecord } from './proposalRows';
import { schedulingTables } from './schedulingBook';
import { readSchedulingSettings } from './schedulingSettings';

export interface SchedulingForm {
  readonly messageId: string;
  readonly slots: readonly Slot[];
  readonly lengthMinutes: number;
  readonly replyBy: DateKey;
  /** Settings that could not be read, calendars that could not be: said on the card. */
  readonly problems: readonly Text[];
  /** No workbook is connected: the card can find times but cannot record a proposal. */
  readonly noWorkbook: boolean;
  /** The mail's proposal, when it has one already. */
  readonly proposal: ProposalRecord | null;
}

/** The form for `messageId`: one batched read of the workbook and one Freebusy call. */
export function loadSchedulingForm(messageId: string, lengthMinutes?: number): SchedulingForm {
  const tables = schedulingTables();
  const { settings, problems } = readSchedulingSettings(tables);
  const proposal =
    findProposal(tables?.table(SCHEDULING_SHEET) ?? null, messageId)?.proposal ?? null;
  const at = now();
  const found = findCandidates(settings, at, lengthMinutes ?? settings.lengthMinutes);
  return {
    messageId,
    slots: found.slots,
    lengthMinutes: found.lengthMinutes,
    replyBy: defaultReplyBy(found.slots, at),
    problems: [...problems, ...found.problems],
    noWorkbook: tables === null,
    proposal,
  };
}

/** The proposal made from a mail of this thread, if any (the card on the reply finds it). */
export function proposalOfThread(threadId: string | undefined | null): string | null {
  if (!threadId) return null;
  return readUserProperty(`${THREAD_PREFIX}${threadId}`);
}

export function loadProposal(messageId: string): ProposalWithHolds | null {
  const tables = schedulingTables();
  const p = findProposal(tables?.table(SCHEDULING_SHEET) ?? null, messageId)?.proposal;
  return p ? withHolds(p) : null;
}

export interface ProposalWithHolds {
  readonly proposal: ProposalRecord;
  /** Per offered slot, its hold as found in the calendar now (null: no hold was wanted or placed). */
  readonly holds: readonly (HoldState | null)[];
}

function withHolds(p: ProposalRecord): ProposalWithHolds {
  if (p.holds.length === 0) return { proposal: p, holds: p.offered.map(() => null) };
  const events = proposalEvents(p.messageId);
  return {
    proposal: p,
    holds: p.holds.map((id, i) => {
      const e = events.get(id);
      return e ? holdState(p.offered[i]!, e.slot) : null;
    }),
  };
}

/** How many open proposals the Calendar card shows (each costs one read of its events). */
export const CALENDAR_CARD_PROPOSALS = 5;

/** The open proposals for the Calendar card, soonest reply-by first, with their holds. */
export function loadOpenProposals(tables: WorkbookTables | null = schedulingTables()): {
  shown: ProposalWithHolds[];
  total: number;
} {
  const open = openProposals(tables?.table(SCHEDULING_SHEET) ?? null).sort((a, b) =>
    a.replyBy.localeCompare(b.replyBy),
  );
  return { shown: open.slice(0, CALENDAR_CARD_PROPOSALS).map(withHolds), total: open.length };
}
