/** Pure scheduling rules for the month-end automations: no Apps Script globals, no clock. */
export { type CatchUp, catchUp, describeSkipped, dueOccurrences, MAX_CATCH_UP_DAYS } from './due';
export {
  DEFAULT_REMINDER_OFFSETS,
  type OffsetsParse,
  parseReminderOffsets,
  type ReminderStep,
  reminderStepDue,
  type UnpaidInvoice,
} from './dunning';
export { type ParseRuleOptions, parseRule, type RuleParse, type RuleParseError } from './parseRule';
export {
  MAX_RECURRING_CATCH_UP,
  type MonthKey,
  parseMonthKey,
  parseRecurring,
  RECURRING_INTERVALS,
  type RecurringInput,
  type RecurringInterval,
  type RecurringParse,
  type RecurringPeriod,
  type RecurringSpec,
  recurringPeriodKey,
  recurringPeriodsDue,
  recurringSchedule,
} from './recurring';
export {
  ALL_MONTHS,
  type DayOfMonth,
  DEFAULT_HOLIDAY_POLICY,
  type HolidayPolicy,
  isDue,
  type Months,
  nextOccurrence,
  nthWeekdayOfMonth,
  occurrenceInMonth,
  occurrencesBetween,
  QUARTER_END_MONTHS,
  type RuleKind,
  type ScheduleRule,
} from './rules';
export {
  DEFAULT_SUMMARY_DAY,
  parseSummaryDay,
  type SummaryDay,
  type SummaryDayParse,
  summaryDayFor,
  summaryMonthDue,
} from './summary';
export { parseTimeRange, type TimeRange, type TimeRangeParse } from './timeRange';
