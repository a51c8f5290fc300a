import { addDays, type DateKey } from '../../../src/core/dates';
import { parseRule, type ScheduleRule } from '../../../src/core/schedule';

export const k = (s: string) => s as DateKey;

export function rule(text: string): ScheduleRule {
  const parsed = parseRule(text);
  if (!parsed.ok) throw new Error(parsed.message.en);
  return parsed.rule;
}

export function daysOf(year: number): DateKey[] {
  const out: DateKey[] = [];
  for (let d = k(`${year}-01-01`); d <= k(`${year}-12-31`); d = addDays(d, 1)) out.push(d);
  return out;
}
