/**
 * Pure rules of scheduling (日程調整): free slots from busy calendars, the reply that offers
 * them, spotting a mail that asks to meet, and the proposals' tentative holds. No Apps Script
 * global, no clock: `now` is a parameter.
 */
export { type Buffers, type BusyEvent, busyBlocks } from './busy';
export { findFreeSlots, type SlotSearch } from './findFreeSlots';
export { type MeetingRequest, meetingRequest } from './meetingRequest';
export { type OpenSlot, type OpenSlotQuery, openSlots } from './openSlots';
export {
  DEFAULT_STEP_MINUTES,
  LIMITS,
  SLOT_PREFERENCES,
  type SlotOptions,
  type SlotPreference,
  STEP_MINUTES,
  slotOptionsProblems,
} from './options';
export { type PickRules, pickSlots } from './pickSlots';
export {
  type ConfirmPlan,
  type HoldRelease,
  type HoldSnapshot,
  type HoldState,
  holdState,
  holdTitle,
  isPastReplyBy,
  isProposalStatus,
  type MeetingStep,
  meetingTitle,
  PROPOSAL_STATUS,
  PROPOSAL_STATUS_TEXT,
  PROPOSAL_STATUSES,
  type ProposalSnapshot,
  type ProposalStatus,
  planConfirm,
  planRelease,
  proposalKey,
  type ReleasePlan,
  slotsToHold,
} from './proposal';
export {
  holdEventId,
  meetingEventId,
  parseSlotLine,
  parseSlotsCell,
  slotCellLine,
  slotsCell,
} from './proposalCells';
export {
  type MeetingFormat,
  type ProposalReply,
  proposalReplyBody,
  replyByProblem,
} from './replyMail';
export {
  type Parsed,
  parseBuffersText,
  parseMinutesText,
  parseWorkingHoursText,
} from './settingsText';
export { MINUTE_MS, overlaps, type Slot, sameSlot } from './slot';
export { durationText, shortDate, slotLabel, slotLabelIn, slotLine } from './slotText';
export {
  clockTime,
  DEFAULT_WORKING_HOURS,
  type TimeWindow,
  type WorkingHours,
  windowsOf,
  workingHoursProblems,
} from './workingHours';
