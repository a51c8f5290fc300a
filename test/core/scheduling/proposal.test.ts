import {
  type HoldSnapshot,
  holdState,
  holdTitle,
  isPastReplyBy,
  isProposalStatus,
  meetingTitle,
  PROPOSAL_STATUS,
  PROPOSAL_STATUSES,
  type ProposalSnapshot,
  planConfirm,
  planRelease,
  slotsToHold,
} from '../../../src/core/scheduling';
import { at, k } from './helpers';

const A = { start: at('2026-11-27 14:00'), end: at('2026-11-27 15:00') };
const B = { start: at('2026-11-30 10:00'), end: at('2026-11-30 11:00') };
const C = { start: at('2026-12-01 16:00'), end: at('2026-12-01 17:00') };

function proposal(
  states: readonly [HoldSnapshot['state'], HoldSnapshot['state'], HoldSnapshot['state']],
  overrides: Partial<ProposalSnapshot> = {},
): ProposalSnapshot {
  return {
    status: PROPOSAL_STATUS.open,
    offered: [A, B, C],
    holds: [
      { eventId: 'hA', slot: A, state: states[0] },
      { eventId: 'hB', slot: B, state: states[1] },
      { eventId: 'hC', slot: C, state: states[2] },
    ],
    replyBy: k('2026-11-26'),
    ...overrides,
  };
}

describe('titles and statuses', () => {
  test('a hold is marked 【仮】 with the counterpart, on one line', () => {
    expect(holdTitle('山田 太郎 様\n(株式会社サンプル)')).toEqual({
      ja: '【仮】打ち合わせ: 山田 太郎 様 (株式会社サンプル)',
      en: '[Hold] Meeting: 山田 太郎 様 (株式会社サンプル)',
    });
    expect(meetingTitle('Jane Smith')).toEqual({
      ja: '打ち合わせ: Jane Smith',
      en: 'Meeting: Jane Smith',
    });
    expect(holdTitle('x'.repeat(300)).ja.length).toBeLessThan(120);
  });

  test('the four statuses of the sheet', () => {
    expect(PROPOSAL_STATUSES).toEqual(['提案中', '確定', '取消', '期限切れ']);
    expect(isProposalStatus('確定')).toBe(true);
    expect(isProposalStatus('済')).toBe(false);
  });
});

describe('holds in the calendar', () => {
  test('a hold is there, moved by hand, or gone', () => {
    expect(holdState(A, { ...A })).toBe('exists');
    expect(holdState(A, { start: A.start + 3_600_000, end: A.end + 3_600_000 })).toBe('moved');
    expect(holdState(A, { start: A.start, end: A.end + 1_800_000 })).toBe('moved');
    expect(holdState(A, null)).toBe('deleted');
  });

  test('proposing again places holds only on slots that never had one', () => {
    const placed = proposal(['exists', 'deleted', 'moved']).holds.slice(0, 2);
    expect(slotsToHold([A, B, C], placed)).toEqual([C]);
    expect(slotsToHold([A, B, C], proposal(['deleted', 'moved', 'deleted']).holds)).toEqual([]);
  });
});

describe('confirming', () => {
  test('the chosen hold becomes the meeting and the other holds are deleted', () => {
    expect(planConfirm(proposal(['exists', 'exists', 'exists']), B)).toEqual({
      ok: true,
      status: '確定',
      confirmed: B,
      meeting: { kind: 'convertHold', eventId: 'hB' },
      deleteHolds: ['hA', 'hC'],
      leftAlone: [],
    });
  });

  test('holds the owner moved are left alone, those deleted are not deleted again', () => {
    const plan = planConfirm(proposal(['moved', 'exists', 'deleted']), B);
    expect(plan).toMatchObject({ ok: true, deleteHolds: [], leftAlone: ['hA'] });
  });

  test('a chosen hold deleted or moved by hand is not reused: the meeting is a new event', () => {
    for (const state of ['deleted', 'moved'] as const) {
      const plan = planConfirm(proposal(['exists', state, 'exists']), B);
      expect(plan).toMatchObject({
        ok: true,
        meeting: { kind: 'create', slot: B },
        deleteHolds: ['hA', 'hC'],
      });
    }
    expect(planConfirm(proposal(['exists', 'moved', 'exists']), B)).toMatchObject({
      leftAlone: ['hB'],
    });
  });

  test('without holds, the meeting is made and nothing deleted', () => {
    const plan = planConfirm({ ...proposal(['exists', 'exists', 'exists']), holds: [] }, C);
    expect(plan).toMatchObject({ ok: true, meeting: { kind: 'create', slot: C }, deleteHolds: [] });
  });

  test('run again after a stop half way: the meeting already made is kept, what is left is finished', () => {
    // The first run made the event and deleted hA, then stopped before writing 確定.
    const again = proposal(['deleted', 'deleted', 'exists'], { meetingEventId: 'm1' });
    expect(planConfirm(again, B)).toEqual({
      ok: true,
      status: '確定',
      confirmed: B,
      meeting: { kind: 'keep', eventId: 'm1' },
      deleteHolds: ['hC'],
      leftAlone: [],
    });
    // The hold turned into the meeting is the meeting: never deleted as a hold.
    const converted = proposal(['deleted', 'exists', 'deleted'], { meetingEventId: 'hB' });
    expect(planConfirm(converted, B)).toMatchObject({
      meeting: { kind: 'keep', eventId: 'hB' },
      deleteHolds: [],
    });
  });

  test('confirming the same slot twice plans nothing new; another slot is refused', () => {
    const done = proposal(['deleted', 'exists', 'deleted'], {
      status: '確定',
      confirmed: B,
      meetingEventId: 'hB',
    });
    expect(planConfirm(done, B)).toMatchObject({ ok: true, deleteHolds: [], leftAlone: [] });
    expect(planConfirm(done, A)).toEqual({
      ok: false,
      message: {
        ja: 'この日程調整は別の日時で確定済みです',
        en: 'This proposal is already confirmed for another time',
      },
    });
  });

  test('a cancelled or expired proposal, or a slot never offered, is refused', () => {
    expect(
      planConfirm(proposal(['deleted', 'deleted', 'deleted'], { status: '期限切れ' }), A),
    ).toMatchObject({
      ok: false,
      message: { ja: 'この日程調整は期限切れです。新しく候補を提案してください' },
    });
    expect(
      planConfirm(proposal(['deleted', 'deleted', 'deleted'], { status: '取消' }), A),
    ).toMatchObject({
      ok: false,
      message: { en: 'This proposal is cancelled; propose new times' },
    });
    const other = { start: A.start + 1_800_000, end: A.end + 1_800_000 };
    expect(planConfirm(proposal(['exists', 'exists', 'exists']), other)).toMatchObject({
      ok: false,
    });
  });
});

describe('releasing', () => {
  const dayAfter = new Date(at('2026-11-27 00:00'));

  test('the reply-by day itself still holds; the next day in Japan it has passed', () => {
    expect(isPastReplyBy(k('2026-11-26'), new Date(at('2026-11-26 23:59')))).toBe(false);
    // 00:00 in Japan on the 27th is the 26th in UTC.
    expect(isPastReplyBy(k('2026-11-26'), dayAfter)).toBe(true);
  });

  test('after the reply-by date, the holds still in place are deleted and the proposal expires', () => {
    expect(planRelease(proposal(['exists', 'moved', 'deleted']), 'expired', dayAfter)).toEqual({
      ok: true,
      status: '期限切れ',
      deleteHolds: ['hA'],
      leftAlone: ['hB'],
    });
  });

  test('not before the reply-by date has passed', () => {
    const plan = planRelease(
      proposal(['exists', 'exists', 'exists']),
      'expired',
      new Date(at('2026-11-26 18:00')),
    );
    expect(plan).toMatchObject({
      ok: false,
      message: { en: 'The reply-by date has not passed yet' },
    });
  });

  test('the owner may cancel at any time', () => {
    const plan = planRelease(
      proposal(['exists', 'exists', 'deleted']),
      'cancelled',
      new Date(at('2026-11-25 09:00')),
    );
    expect(plan).toMatchObject({ ok: true, status: '取消', deleteHolds: ['hA', 'hB'] });
  });

  test('released already: only the holds left are planned, the status stays', () => {
    const half = proposal(['deleted', 'exists', 'exists'], { status: '期限切れ' });
    expect(planRelease(half, 'expired', dayAfter)).toEqual({
      ok: true,
      status: '期限切れ',
      deleteHolds: ['hB', 'hC'],
      leftAlone: [],
    });
    expect(
      planRelease(
        proposal(['deleted', 'deleted', 'deleted'], { status: '取消' }),
        'expired',
        dayAfter,
      ),
    ).toMatchObject({
      status: '取消',
      deleteHolds: [],
    });
  });

  test('a confirmed proposal is never released', () => {
    const done = proposal(['deleted', 'exists', 'deleted'], { status: '確定', confirmed: B });
    expect(planRelease(done, 'expired', dayAfter)).toMatchObject({ ok: false });
  });
});
