/**
 * The 日程調整 sheet's rows as proposals, and the writes that change one. One row per mail
 * (調整キー `meet:<messageId>`).
 */
import type { DateKey } from '../../core/dates';
import {
  isProposalStatus,
  type MeetingFormat,
  PROPOSAL_STATUS,
  type ProposalStatus,
  parseSlotLine,
  parseSlotsCell,
  proposalKey,
  type Slot,
} from '../../core/scheduling';
import { cellDateKey, cellText, textCell } from '../../sheets/cells';
import { MEETING_FORMATS, type SCHEDULING_SHEET } from '../../sheets/schema';
import { type Table, type TableRow, writeColumns } from '../../sheets/table';

export type SchedulingKey = (typeof SCHEDULING_SHEET.columns)[number]['key'];
export type SchedulingTable = Table<SchedulingKey>;

export interface ProposalRecord {
  readonly rowNumber: number;
  readonly key: string;
  readonly messageId: string;
  readonly counterpart: string;
  readonly email: string;
  readonly mailLink: string;
  readonly offered: readonly Slot[];
  /** The hold event ids, one per offered slot in the same order; empty when none were wanted. */
  readonly holds: readonly string[];
  readonly status: ProposalStatus;
  readonly replyBy: DateKey;
  readonly lengthMinutes: number;
  readonly format: MeetingFormat;
  readonly confirmed: Slot | null;
  readonly meetingId: string;
}

const [ONLINE, VISIT, PHONE] = MEETING_FORMATS;

export function formatCells(format: MeetingFormat): { format: string; where: string } {
  if (format.kind === 'online') return { format: ONLINE, where: format.url };
  if (format.kind === 'visit') return { format: VISIT, where: format.place };
  return { format: PHONE, where: format.phone ?? '' };
}

function formatOf(kind: string, where: string): MeetingFormat {
  if (kind === VISIT) return { kind: 'visit', place: where };
  if (kind === PHONE) return where ? { kind: 'phone', phone: where } : { kind: 'phone' };
  return { kind: 'online', url: where };
}

const MESSAGE_ID_OF_KEY = /^meet:([A-Za-z0-9_-]{1,64})$/;

/** A row as a proposal, or null when it is not one Pokke can act on (edited beyond reading). */
export function proposalOf(row: TableRow<SchedulingKey>): ProposalRecord | null {
  const v = row.values;
  const key = cellText(v.key);
  const messageId = MESSAGE_ID_OF_KEY.exec(key)?.[1];
  const status = cellText(v.status);
  const offered = parseSlotsCell(cellText(v.offered));
  const replyBy = cellDateKey(v.replyBy);
  if (!messageId || !isProposalStatus(status) || !offered || offered.length === 0 || !replyBy) {
    return null;
  }
  const holds = cellText(v.holds)
    .split(/\r\n?|\n/)
    .map((s) => s.trim())
    .filter(Boolean);
  const length = Number(v.lengthMinutes);
  return {
    rowNumber: row.rowNumber,
    key,
    messageId,
    counterpart: cellText(v.counterpart),
    email: cellText(v.email),
    mailLink: cellText(v.mail),
    offered,
    holds: holds.length === offered.length ? holds : [],
    status,
    replyBy,
    lengthMinutes: Number.isInteger(length) && length > 0 ? length : 60,
    format: formatOf(cellText(v.format), cellText(v.where)),
    confirmed: parseSlotLine(cellText(v.confirmed)),
    meetingId: cellText(v.meetingId),
  };
}

export function findProposal(table: SchedulingTable | null, messageId: string) {
  const key = proposalKey(messageId);
  const row = table?.rows.find((r) => cellText(r.values.key) === key);
  return row ? { row, proposal: proposalOf(row) } : null;
}

/** Every proposal still waiting for an answer. */
export function openProposals(table: SchedulingTable | null): ProposalRecord[] {
  return (table?.rows ?? [])
    .map(proposalOf)
    .filter((p): p is ProposalRecord => p !== null && p.status === PROPOSAL_STATUS.open);
}

/**
 * Writes some cells of one proposal's row (one batched write per block of columns), the block of
 * the last key listed last.
 */
export function writeProposal(
  table: SchedulingTable,
  rowNumber: number,
  values: Partial<Record<SchedulingKey, unknown>>,
): void {
  const keys = Object.keys(values) as SchedulingKey[];
  const cells = keys.map((k) => {
    const v = values[k];
    return typeof v === 'string' ? textCell(v) : v;
  });
  writeColumns(table, keys, new Map([[rowNumber, cells]]));
}
