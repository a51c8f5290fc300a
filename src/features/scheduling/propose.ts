/**
 * Proposing times from a mail: the 日程調整 row first (with the ids of the holds it will place),
 * then the holds, then the reply draft. Run again after a kill at any call, it finds the row and
 * places only the holds not yet in the calendar; proposing again from the same mail while the
 * first proposal stands reuses it (same times, no second hold).
 */
import { type DateKey, tokyoDateKey, tokyoInstant } from '../../core/dates';
import { parseRecipient } from '../../core/mime';
import { oneLine } from '../../core/normalize';
import {
  holdEventId,
  holdTitle,
  type MeetingFormat,
  meetingRequest,
  PROPOSAL_STATUS,
  proposalKey,
  proposalReplyBody,
  replyByProblem,
  type Slot,
  slotsCell,
} from '../../core/scheduling';
import { inLang, type Lang, UserError } from '../../core/text';
import { now } from '../../services/clock';
import { createReplyDraft, readOpenMail } from '../../services/gmailMessage';
import { withWorkbookLock } from '../../services/lock';
import { insertHold, proposalEvents } from '../../services/meetingCalendar';
import { THREAD_PREFIX } from '../../services/meetingThreads';
import { writeUserProperties } from '../../services/userProperties';
import { flushWorkbook } from '../../services/workbook';
import { textCell } from '../../sheets/cells';
import { SCHEDULING_SHEET } from '../../sheets/schema';
import { appendRecords } from '../../sheets/table';
import { eventDetails } from './meetingDetails';
import { findProposal, formatCells, type ProposalRecord, writeProposal } from './proposalRows';
import { requireSchedulingTable, schedulingTables } from './schedulingBook';
import { readSchedulingSettings } from './schedulingSettings';

export interface ProposeRequest {
  readonly accessToken: string;
  readonly messageId: string;
  readonly threadId: string;
  readonly offered: readonly Slot[];
  readonly lengthMinutes: number;
  readonly format: MeetingFormat;
  readonly replyBy: DateKey;
  readonly holds: boolean;
}

export interface ProposeResult {
  readonly draft: GoogleAppsScript.Gmail.GmailDraft;
  /** False when the mail had a standing proposal already (its times were used again). */
  readonly created: boolean;
  readonly holdsPlaced: number;
}

function counterpartOf(from: string): { name: string; email: string } {
  try {
    const address = parseRecipient(from);
    return { name: address.name ?? '', email: address.email };
  } catch {
    return { name: oneLine(from), email: '' };
  }
}

function checkRequest(req: ProposeRequest, at: Date): void {
  if (req.offered.length === 0) {
    throw new UserError('候補日時を1つ以上選んでください', 'Choose at least one time to offer');
  }
  if (req.offered.some((s) => s.start <= at.getTime())) {
    throw new UserError(
      '過ぎた日時が候補に含まれています。候補を選び直してください',
      'A time offered has passed; pick the times again',
    );
  }
  const problem = replyByProblem(req.replyBy, req.offered, at);
  if (problem) throw UserError.of([problem]);
  if (req.format.kind === 'visit' && oneLine(req.format.place) === '') {
    throw new UserError('訪問の場所を入力してください', 'Enter the place of the visit');
  }
}

export function proposeMeeting(req: ProposeRequest, lang: Lang): ProposeResult {
  const at = now();
  const mail = readOpenMail(req.accessToken, req.messageId);
  if (!mail) {
    throw new UserError('このメールを読み取れませんでした', 'Pokke could not read this mail');
  }
  const counterpart = counterpartOf(mail.from);
  const tables = schedulingTables();
  const { settings } = readSchedulingSettings(tables);
  const outcome = withWorkbookLock(() => {
    const table = requireSchedulingTable(tables);
    const found = findProposal(table, req.messageId);
    if (found?.proposal?.status === PROPOSAL_STATUS.confirmed) {
      throw new UserError(
        'このメールの日程調整は確定済みです',
        'The meeting asked for in this mail is already confirmed',
      );
    }
    const standing = found?.proposal?.status === PROPOSAL_STATUS.open ? found.proposal : null;
    if (standing) {
      return { proposal: standing, created: false, placed: placeHolds(standing, lang, true) };
    }
    checkRequest(req, at);
    const seed = at.getTime();
    const holds = req.holds ? req.offered.map((s) => holdEventId(req.messageId, seed, s)) : [];
    const values = {
      counterpart: textCell(counterpart.name || counterpart.email),
      email: textCell(counterpart.email),
      mail: textCell(mail.link),
      offered: slotsCell(req.offered),
      status: PROPOSAL_STATUS.open,
      replyBy: tokyoInstant(req.replyBy),
      lengthMinutes: req.lengthMinutes,
      ...formatCells(req.format),
      confirmed: '',
      holds: holds.join('\n'),
      meetingId: '',
      key: proposalKey(req.messageId),
      createdAt: at,
      message: '',
    };
    // A proposal cancelled or expired before is replaced by the new one on the same row.
    let rowNumber: number;
    if (found) {
      writeProposal(table, found.row.rowNumber, values);
      rowNumber = found.row.rowNumber;
    } else {
      rowNumber = appendRecords(table, [values]);
    }
    // The row (and the ids of the holds) is saved before any hold is placed.
    flushWorkbook();
    tables?.forget(SCHEDULING_SHEET);
    const proposal: ProposalRecord = {
      rowNumber,
      key: values.key,
      messageId: req.messageId,
      counterpart: counterpart.name || counterpart.email,
      email: counterpart.email,
      mailLink: mail.link,
      offered: req.offered,
      holds,
      status: PROPOSAL_STATUS.open,
      replyBy: req.replyBy,
      lengthMinutes: req.lengthMinutes,
      format: req.format,
      confirmed: null,
      meetingId: '',
    };
    return { proposal, created: true, placed: placeHolds(proposal, lang, false) };
  });
  writeUserProperties({ [`${THREAD_PREFIX}${req.threadId}`]: req.messageId });
  const p = outcome.proposal;
  const replyLang = meetingRequest(mail.subject, mail.html ? '' : mail.body).lang;
  const body = proposalReplyBody({
    lang: replyLang,
    recipientName: counterpart.name,
    ownerName: '',
    ownerCompany: settings.ownerCompany,
    slots: p.offered,
    lengthMinutes: p.lengthMinutes,
    format: p.format,
    replyBy: [p.replyBy, tokyoDateKey(at)].sort()[1]!,
  });
  const draft = createReplyDraft(req.accessToken, req.messageId, body);
  return { draft, created: outcome.created, holdsPlaced: outcome.placed };
}

/**
 * Places the holds of `proposal` not yet in the calendar. A fresh proposal has none (no call to
 * look); a resumed one looks once, and never places again a hold that exists or that the owner
 * deleted (the calendar keeps it as cancelled).
 */
function placeHolds(proposal: ProposalRecord, lang: Lang, resumed: boolean): number {
  if (proposal.holds.length === 0 || proposal.status !== PROPOSAL_STATUS.open) return 0;
  const existing = resumed ? proposalEvents(proposal.messageId) : new Map();
  const details = eventDetails(proposal, lang, inLang(holdTitle(proposal.counterpart), lang));
  let placed = 0;
  proposal.holds.forEach((id, i) => {
    if (existing.has(id)) return;
    if (insertHold(id, proposal.messageId, proposal.offered[i]!, details)) placed++;
  });
  return placed;
}
