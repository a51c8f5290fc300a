/**
 * A proposal (日程調整) and its tentative holds (仮押さえ): the statuses written in the sheet, the
 * titles the owner recognises in the calendar, and what to do with the holds when the other side
 * picks a time, when the owner releases the proposal, or when the reply-by date has passed.
 *
 * The plans are decided from the calendar as it is now, so running one again after a killed
 * execution finishes the job without doing anything twice: a hold already deleted is not deleted
 * again, an event already made is not made again. A hold the owner moved or deleted by hand is
 * theirs: Pokke never deletes a moved hold, never moves one back, never recreates one.
 */
import { type DateKey, tokyoDateKey } from '../dates';
import { clip } from '../mailTask';
import { oneLine } from '../normalize';
import { type Text, text } from '../text';
import { type Slot, sameSlot } from './slot';

export const PROPOSAL_STATUS = {
  open: '提案中',
  confirmed: '確定',
  cancelled: '取消',
  expired: '期限切れ',
} as const;

export type ProposalStatus = (typeof PROPOSAL_STATUS)[keyof typeof PROPOSAL_STATUS];

export const PROPOSAL_STATUSES: readonly ProposalStatus[] = Object.values(PROPOSAL_STATUS);

/** The status as shown to the owner in either language (the sheet keeps the Japanese word). */
export const PROPOSAL_STATUS_TEXT: Readonly<Record<ProposalStatus, Text>> = {
  提案中: text('提案中', 'Proposed'),
  確定: text('確定', 'Confirmed'),
  取消: text('取消', 'Cancelled'),
  期限切れ: text('期限切れ', 'Expired'),
};

export function isProposalStatus(value: unknown): value is ProposalStatus {
  return typeof value === 'string' && (PROPOSAL_STATUSES as readonly string[]).includes(value);
}

/** The 日程調整 sheet's key of the proposal made from one mail (one proposal per mail). */
export function proposalKey(messageId: string): string {
  return `meet:${messageId}`;
}

const COUNTERPART_LIMIT = 100;

function counterpartName(counterpart: string): string {
  return clip(oneLine(counterpart), COUNTERPART_LIMIT);
}

/** `【仮】打ち合わせ: 山田様` / `[Hold] Meeting: Yamada`: the title of a tentative hold. */
export function holdTitle(counterpart: string): Text {
  const name = counterpartName(counterpart);
  return text(`【仮】打ち合わせ: ${name}`, `[Hold] Meeting: ${name}`);
}

/** `打ち合わせ: 山田様` / `Meeting: Yamada`: the title of the confirmed meeting. */
export function meetingTitle(counterpart: string): Text {
  const name = counterpartName(counterpart);
  return text(`打ち合わせ: ${name}`, `Meeting: ${name}`);
}

/** A hold as found in the calendar now: where it was placed, and whether it is still there. */
export type HoldState = 'exists' | 'moved' | 'deleted';

/** `found` is the hold's event now (null when deleted or cancelled). */
export function holdState(placed: Slot, found: Slot | null): HoldState {
  if (found === null) return 'deleted';
  return sameSlot(placed, found) ? 'exists' : 'moved';
}

export interface HoldSnapshot {
  readonly eventId: string;
  /** The offered slot the hold was placed on. */
  readonly slot: Slot;
  readonly state: HoldState;
}

export interface ProposalSnapshot {
  readonly status: ProposalStatus;
  readonly offered: readonly Slot[];
  /** The holds placed for this proposal (none when the owner did not want holds). */
  readonly holds: readonly HoldSnapshot[];
  readonly replyBy: DateKey;
  /** The confirmed slot, once confirmed. */
  readonly confirmed?: Slot | null;
  /** The meeting event of this proposal found in the calendar, if one was made already. */
  readonly meetingEventId?: string | null;
}

/** The offered slots that still need a hold: those never given one (a hold once placed is never placed again). */
export function slotsToHold(offered: readonly Slot[], holds: readonly HoldSnapshot[]): Slot[] {
  return offered.filter((slot) => !holds.some((h) => sameSlot(h.slot, slot)));
}

/** How the meeting event comes about on confirming. */
export type MeetingStep =
  /** The hold on the chosen slot becomes the meeting (title, guests, URL or place): no new event. */
  | { readonly kind: 'convertHold'; readonly eventId: string }
  /** No usable hold on the chosen slot: a new event is made. */
  | { readonly kind: 'create'; readonly slot: Slot }
  /** The meeting event exists already (a run that stopped half way): nothing to make. */
  | { readonly kind: 'keep'; readonly eventId: string };

export interface HoldRelease {
  /** Holds to delete: those still where Pokke placed them. */
  readonly deleteHolds: readonly string[];
  /** Holds the owner moved by hand: left as they are (the owner may be told). */
  readonly leftAlone: readonly string[];
}

export type ConfirmPlan =
  | (HoldRelease & {
      readonly ok: true;
      readonly status: typeof PROPOSAL_STATUS.confirmed;
      readonly confirmed: Slot;
      readonly meeting: MeetingStep;
    })
  | { readonly ok: false; readonly message: Text };

function release(holds: readonly HoldSnapshot[], keep: string | null): HoldRelease {
  const others = holds.filter((h) => h.eventId !== keep);
  return {
    deleteHolds: others.filter((h) => h.state === 'exists').map((h) => h.eventId),
    leftAlone: others.filter((h) => h.state === 'moved').map((h) => h.eventId),
  };
}

function meetingStep(proposal: ProposalSnapshot, chosen: Slot): MeetingStep {
  if (proposal.meetingEventId) return { kind: 'keep', eventId: proposal.meetingEventId };
  const hold = proposal.holds.find((h) => sameSlot(h.slot, chosen) && h.state === 'exists');
  return hold ? { kind: 'convertHold', eventId: hold.eventId } : { kind: 'create', slot: chosen };
}

/**
 * What confirming `chosen` does: the meeting event (the chosen hold turned into it when it is
 * still in place) and the other holds deleted. Confirming again the same slot plans only what
 * is left to do; another slot, or a proposal cancelled or expired, is refused.
 */
export function planConfirm(proposal: ProposalSnapshot, chosen: Slot): ConfirmPlan {
  if (!proposal.offered.some((s) => sameSlot(s, chosen))) {
    return {
      ok: false,
      message: text('この日時は提案した候補にありません', 'This time was not one of those offered'),
    };
  }
  if (proposal.status === PROPOSAL_STATUS.confirmed) {
    if (!proposal.confirmed || !sameSlot(proposal.confirmed, chosen)) {
      return {
        ok: false,
        message: text(
          'この日程調整は別の日時で確定済みです',
          'This proposal is already confirmed for another time',
        ),
      };
    }
  } else if (proposal.status !== PROPOSAL_STATUS.open) {
    const status = PROPOSAL_STATUS_TEXT[proposal.status];
    return {
      ok: false,
      message: text(
        `この日程調整は${status.ja}です。新しく候補を提案してください`,
        `This proposal is ${status.en.toLowerCase()}; propose new times`,
      ),
    };
  }
  const meeting = meetingStep(proposal, chosen);
  const kept = meeting.kind === 'create' ? null : meeting.eventId;
  return {
    ok: true,
    status: PROPOSAL_STATUS.confirmed,
    confirmed: chosen,
    meeting,
    ...release(proposal.holds, kept),
  };
}

/** Whether the reply-by date has passed at `now` (the holds stay through the whole reply-by day). */
export function isPastReplyBy(replyBy: DateKey, now: Date): boolean {
  return tokyoDateKey(now) > replyBy;
}

export type ReleasePlan =
  | (HoldRelease & { readonly ok: true; readonly status: ProposalStatus })
  | { readonly ok: false; readonly message: Text };

/**
 * What releasing an open proposal does: its holds deleted, the status 取消 (`reason`
 * 'cancelled', the owner's button) or 期限切れ ('expired', the daily run; refused before the
 * reply-by date has passed). A proposal already cancelled or expired plans the holds still
 * left, so a run that stopped half way is finished; a confirmed one is refused.
 */
export function planRelease(
  proposal: ProposalSnapshot,
  reason: 'cancelled' | 'expired',
  now: Date,
): ReleasePlan {
  if (proposal.status === PROPOSAL_STATUS.confirmed) {
    return {
      ok: false,
      message: text(
        '確定済みの日程調整は取り消せません',
        'A confirmed proposal cannot be released',
      ),
    };
  }
  if (proposal.status !== PROPOSAL_STATUS.open) {
    return { ok: true, status: proposal.status, ...release(proposal.holds, null) };
  }
  if (reason === 'expired' && !isPastReplyBy(proposal.replyBy, now)) {
    return {
      ok: false,
      message: text('返信期限がまだ過ぎていません', 'The reply-by date has not passed yet'),
    };
  }
  return { ok: true, status: PROPOSAL_STATUS[reason], ...release(proposal.holds, null) };
}
