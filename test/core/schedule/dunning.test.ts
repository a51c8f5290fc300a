import {
  parseReminderOffsets,
  reminderStepDue,
  type UnpaidInvoice,
} from '../../../src/core/schedule';
import { expectFragment, expectSeparateLanguages } from '../../fixtures/text';
import { k } from './helpers';

// Due Friday 2026-10-30. +1 = Sat 10/31, +14 = Fri 11/13, +30 = Sun 11/29.
const base: UnpaidInvoice = {
  dueDate: k('2026-10-30'),
  status: '送付済',
  lastStep: 0,
  lastReminderDate: null,
};

describe('reminderStepDue', () => {
  test.each([
    ['not yet overdue', {}, '2026-10-30', null],
    ['day 1 is a Saturday: not on a closed day', {}, '2026-10-31', null],
    ['first business day after: step 1', {}, '2026-11-02', 1],
    ['2026-11-23 勤労感謝の日 (Mon): nothing', {}, '2026-11-23', null],
    [
      'step 1 done: step 2 waits for day 14',
      { lastStep: 1, lastReminderDate: k('2026-11-02') },
      '2026-11-12',
      null,
    ],
    [
      'step 1 done: step 2 on day 14',
      { lastStep: 1, lastReminderDate: k('2026-11-02') },
      '2026-11-13',
      2,
    ],
    [
      'step 2 done: step 3 on Mon after day 30 (Sun)',
      { lastStep: 2, lastReminderDate: k('2026-11-13') },
      '2026-11-30',
      3,
    ],
    [
      'step 3 done: never again',
      { lastStep: 3, lastReminderDate: k('2026-11-30') },
      '2027-03-01',
      null,
    ],
    [
      'never repeated: step 1 done, step 2 not yet due',
      { lastStep: 1, lastReminderDate: k('2026-11-02') },
      '2026-11-05',
      null,
    ],
    ['40 days overdue, nothing sent: the first step, never 督促 first', {}, '2026-12-09', 1],
    ['20 days overdue, nothing sent: step 1', {}, '2026-11-19', 1],
    [
      '40 days overdue, step 1 done on 11/02: step 2 (one rung at a time)',
      { lastStep: 1, lastReminderDate: k('2026-11-02') },
      '2026-12-09',
      2,
    ],
    [
      'backlog: step 1 sent late (12/09), step 2 waits a week after it',
      { lastStep: 1, lastReminderDate: k('2026-12-09') },
      '2026-12-15',
      null,
    ],
    [
      'backlog: step 2 a week after a late step 1',
      { lastStep: 1, lastReminderDate: k('2026-12-09') },
      '2026-12-16',
      2,
    ],
    [
      'same day again: nothing',
      { lastStep: 1, lastReminderDate: k('2026-11-02') },
      '2026-11-02',
      null,
    ],
    ['paid', { status: '入金済' }, '2026-11-13', null],
    ['paid (flag)', { paid: true }, '2026-11-13', null],
    ['voided', { status: '取消' }, '2026-11-13', null],
    ['voided (flag)', { voided: true }, '2026-11-13', null],
    ['year end 12/31 is closed', {}, '2026-12-31', null],
  ] as const)('%s', (_name, patch, today, expected) => {
    expect(reminderStepDue({ ...base, ...patch }, k(today))).toBe(expected);
  });

  test('custom offsets and a shorter ladder', () => {
    expect(reminderStepDue(base, k('2026-11-06'), [7])).toBe(1);
    expect(
      reminderStepDue(
        { ...base, lastStep: 1, lastReminderDate: k('2026-11-06') },
        k('2027-01-06'),
        [7],
      ),
    ).toBeNull();
    expect(reminderStepDue(base, k('2026-11-09'), [3, 10, 20])).toBe(1);
    expect(reminderStepDue(base, k('2026-11-06'), [3, 10, 20])).toBe(1);
  });
});

describe('parseReminderOffsets', () => {
  test.each([
    ['1, 14, 30', [1, 14, 30]],
    ['１，１４，３０', [1, 14, 30]],
    ['1、14、30', [1, 14, 30]],
    ['1日・14日・30日', [1, 14, 30]],
    ['3 10', [3, 10]],
    ['7', [7]],
  ])('%s', (text, expected) => {
    expect(parseReminderOffsets(text)).toEqual({ ok: true, value: expected });
  });

  test.each([
    ['', 'empty', '督促のタイミングが空です'],
    ['1, 2週間, 30', 'format', '「2週間」を読み取れません'],
    ['1, 14, 30, 60', 'range', 'one to three'],
    ['0, 14', 'range', '1〜365'],
    ['14, 1, 30', 'order', '1回目<2回目<3回目'],
    ['1, 1', 'order', 'later than the one before'],
  ])('%j is refused (%s)', (text, reason, fragment) => {
    const parsed = parseReminderOffsets(text);
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.reason).toBe(reason);
    expectSeparateLanguages(parsed.message);
    expectFragment(parsed.message, fragment);
  });
});
