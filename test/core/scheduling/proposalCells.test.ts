import { dateKey, tokyoInstant } from '../../../src/core/dates';
import {
  holdEventId,
  meetingEventId,
  parseSlotLine,
  parseSlotsCell,
  type Slot,
  slotsCell,
} from '../../../src/core/scheduling';

const at = (h: number, m = 0) => tokyoInstant(dateKey(2026, 11, 30), h, m).getTime();
const slot = (h: number, len = 60): Slot => ({ start: at(h), end: at(h) + len * 60_000 });

describe('the 日程調整 cells', () => {
  it('writes slots one per line in Japan time and reads them back exactly', () => {
    const slots = [slot(9), slot(13, 90), { start: at(23), end: at(24) }];
    const cell = slotsCell(slots);
    expect(cell).toBe('2026/11/30 9:00-10:00\n2026/11/30 13:00-14:30\n2026/11/30 23:00-24:00');
    expect(parseSlotsCell(cell)).toEqual(slots);
  });

  it('accepts the ways an owner may retype a line, and refuses what it cannot read', () => {
    expect(parseSlotLine('2026/11/30(月) 9:00〜10:00')).toEqual(slot(9));
    expect(parseSlotLine(' 2026/11/30 09:00 - 10:00 ')).toEqual(slot(9));
    expect(parseSlotLine('2026/11/31 9:00-10:00')).toBeNull();
    expect(parseSlotLine('2026/11/30 10:00-9:00')).toBeNull();
    expect(parseSlotLine('11/30 9:00-10:00')).toBeNull();
    expect(parseSlotsCell('2026/11/30 9:00-10:00\nあとで')).toBeNull();
    expect(parseSlotsCell('\n2026/11/30 9:00-10:00\n\n')).toEqual([slot(9)]);
  });
});

describe('the ids Pokke gives its events', () => {
  it('are valid Calendar ids (base32hex, 5–1024), the same for the same hold and never shared', () => {
    const a = holdEventId('19a2b3c4d5e6f708', 1_795_000_000_000, slot(9));
    expect(a).toMatch(/^[a-v0-9]{5,1024}$/);
    expect(holdEventId('19a2b3c4d5e6f708', 1_795_000_000_000, slot(9))).toBe(a);
    expect(holdEventId('19a2b3c4d5e6f708', 1_795_000_000_000, slot(10))).not.toBe(a);
    expect(holdEventId('19a2b3c4d5e6f708', 1_795_000_000_001, slot(9))).not.toBe(a);
    expect(holdEventId('19a2b3c4d5e6f709', 1_795_000_000_000, slot(9))).not.toBe(a);
    const m = meetingEventId('19a2b3c4d5e6f708', 1_795_000_000_000);
    expect(m).toMatch(/^[a-v0-9]{5,1024}$/);
    expect(m).not.toBe(a);
  });
});
