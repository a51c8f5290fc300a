import type { PlannedJob } from '../../../core/contracts/automations';
import { addDays, type DateKey, tokyoInstant } from '../../../core/dates';
import { oneLine } from '../../../core/normalize';
import {
  dueOccurrences,
  nextOccurrence,
  parseRule,
  parseTimeRange,
  type TimeRange,
} from '../../../core/schedule';
import { inLang, joinWith, mapText, type Text, text } from '../../../core/text';
import { insertEvent, pokkeEventsBetween } from '../../../services/calendar';
import { now } from '../../../services/clock';
import { flushWorkbook } from '../../../services/workbook';
import { cellText, textCell } from '../../../sheets/cells';
import { ROUTINE_METHODS, ROUTINES_SHEET, TASKS_SHEET } from '../../../sheets/schema';
import { appendRecords, type Table, writeColumn } from '../../../sheets/table';
import {
  type Job,
  type JobContext,
  type JobOutcome,
  pastDeadline,
  skippedForMissingSheets,
} from '../job';

type RoutineKey = (typeof ROUTINES_SHEET.columns)[number]['key'];
type TaskKey = (typeof TASKS_SHEET.columns)[number]['key'];

const LABEL = text('定期業務', 'Routines');
export const OPEN_TASK = '未完了';
const CALENDAR = ROUTINE_METHODS[1];

/** The key that makes a routine's task for one day unique in the タスク sheet. */
export const routineTaskKey = (name: string, day: DateKey) => `定期業務:${name}:${day}`;

interface Occurrence {
  readonly name: string;
  readonly due: DateKey;
  readonly doneWhen: string;
}

interface RoutinePlan {
  readonly tasks: Occurrence[];
  /** Calendar blocks due (made unless Pokke's event with the same key exists). */
  readonly blocks: (Occurrence & { readonly time: TimeRange | null })[];
  readonly next: Map<number, unknown>;
  readonly messages: Map<number, unknown>;
  readonly problems: Text[];
}

interface Books {
  readonly routines: Table<RoutineKey>;
  readonly tasks: Table<TaskKey>;
}

function readBooks(ctx: JobContext): Books | null {
  const routines = ctx.tables.table(ROUTINES_SHEET);
  const tasks = ctx.tables.table(TASKS_SHEET);
  return routines && tasks ? { routines, tasks } : null;
}

/**
 * Each active routine whose rule falls on a day since the last run (catching up missed days
 * once) becomes a task in the タスク sheet, keyed by routine and day so it is never made twice.
 * A row whose rule cannot be read gets the reason in its メッセージ cell; the others still run.
 */
function planRoutines(books: Books, ctx: JobContext): RoutinePlan {
  const existing = new Set(books.tasks.rows.map((r) => cellText(r.values.key)));
  const plan: RoutinePlan = {
    tasks: [],
    blocks: [],
    next: new Map(),
    messages: new Map(),
    problems: [],
  };
  for (const row of books.routines.rows) {
    const name = cellText(row.values.name);
    const ruleText = cellText(row.values.rule);
    if (!name && !ruleText) continue;
    const setMessage = (message: Text | null) => {
      const shown = message ? inLang(message, ctx.lang) : '';
      if (cellText(row.values.message) !== shown) plan.messages.set(row.rowNumber, textCell(shown));
    };
    const problem = (message: Text) => {
      setMessage(message);
      plan.problems.push(mapText(message, (m) => `${ROUTINES_SHEET.name} ${row.rowNumber}: ${m}`));
    };
    if (!name) {
      setMessage(text('業務名を入力してください', 'Enter the routine name'));
      continue;
    }
    if (cellText(row.values.active) === 'しない') {
      setMessage(null);
      continue;
    }
    const parsed = parseRule(ruleText);
    if (!parsed.ok) {
      problem(parsed.message);
      continue;
    }
    const calendar = cellText(row.values.method) === CALENDAR;
    const time = calendar ? parseTimeRange(cellText(row.values.time)) : null;
    if (time && !time.ok) {
      problem(time.message);
      continue;
    }
    setMessage(null);
    for (const due of dueOccurrences(parsed.rule, ctx.lastDay, ctx.today)) {
      const occurrence = { name, due, doneWhen: cellText(row.values.doneWhen) };
      // A block is checked against the calendar itself, so a run cut off after the task row
      // still makes it.
      if (time?.ok) plan.blocks.push({ ...occurrence, time: time.value });
      if (existing.has(routineTaskKey(name, due))) continue;
      existing.add(routineTaskKey(name, due));
      plan.tasks.push(occurrence);
    }
    const next = nextOccurrence(parsed.rule, addDays(ctx.today, 1));
    const nextCell = next ? tokyoInstant(next) : '';
    const current = row.values.next;
    const same =
      current instanceof Date && nextCell instanceof Date
        ? current.getTime() === nextCell.getTime()
        : cellText(current) === '' && nextCell === '';
    if (!same) plan.next.set(row.rowNumber, nextCell);
  }
  return plan;
}

export const routinesJob: Job = {
  id: 'routines',
  label: LABEL,
  reads: [ROUTINES_SHEET, TASKS_SHEET],
  plan(ctx): PlannedJob {
    const books = readBooks(ctx);
    if (!books) return { job: 'routines', label: LABEL, actions: [], problems: [] };
    const plan = planRoutines(books, ctx);
    const blocks = blocksToMake(plan.blocks);
    return {
      job: 'routines',
      label: LABEL,
      actions: [
        ...plan.tasks.map((t) =>
          text(`タスク「${t.name}」(期限 ${t.due})を作成`, `Create task "${t.name}" due ${t.due}`),
        ),
        ...blocks.map((b) =>
          text(
            `カレンダーに「${b.name}」の予定(${b.due}${b.time ? ` ${b.time.start}〜${b.time.end}` : ' 終日'})を入れる`,
            `Add a calendar block "${b.name}" on ${b.due}${b.time ? ` ${b.time.start}–${b.time.end}` : ' (all day)'}`,
          ),
        ),
      ],
      problems: plan.problems,
    };
  },
  run(ctx): JobOutcome {
    const books = readBooks(ctx);
    if (!books) return skippedForMissingSheets(ctx, [ROUTINES_SHEET, TASKS_SHEET]);
    const plan = planRoutines(books, ctx);
    const at = now();
    appendRecords(
      books.tasks,
      plan.tasks.map((t) => ({
        title: textCell(oneLine(t.name)),
        due: tokyoInstant(t.due),
        status: OPEN_TASK,
        notes: textCell(t.doneWhen),
        source: textCell(ROUTINES_SHEET.name),
        createdAt: at,
        key: textCell(routineTaskKey(t.name, t.due)),
      })),
    );
    writeColumn(books.routines, 'next', plan.next);
    writeColumn(books.routines, 'message', plan.messages);
    ctx.tables.forget(ROUTINES_SHEET, TASKS_SHEET);
    flushWorkbook();
    const blocks = makeBlocks(plan.blocks, ctx);
    return {
      result: plan.problems.length > 0 ? 'partial' : 'ok',
      count: plan.tasks.length + blocks.made,
      message: joinWith(
        [
          ...(plan.tasks.length > 0
            ? [
                text(
                  `タスクを${plan.tasks.length}件作成しました: ${plan.tasks.map((t) => t.name).join('、')}`,
                  `Created ${plan.tasks.length} task(s): ${plan.tasks.map((t) => t.name).join(', ')}`,
                ),
              ]
            : []),
          ...(blocks.made > 0
            ? [
                text(
                  `カレンダーに${blocks.made}件の予定を入れました`,
                  `Added ${blocks.made} calendar block(s)`,
                ),
              ]
            : []),
          ...plan.problems,
        ],
        '\n',
      ),
      more: blocks.more,
    };
  },
};

/** Pokke's routine blocks already in the calendar over the blocks' days: one list call. */
function existingBlocks(blocks: RoutinePlan['blocks']): Set<string> {
  if (blocks.length === 0) return new Set();
  const days = blocks.map((b) => b.due).sort();
  return new Set(pokkeEventsBetween(days[0]!, days.at(-1)!).keys());
}

/** For the preview: the blocks a run would make (all of them if the calendar cannot be read). */
function blocksToMake(blocks: RoutinePlan['blocks']): RoutinePlan['blocks'] {
  let existing: Set<string>;
  try {
    existing = existingBlocks(blocks);
  } catch {
    existing = new Set();
  }
  return blocks.filter((b) => !existing.has(routineTaskKey(b.name, b.due)));
}

/** The calendar blocks not in the calendar yet: one list call, then one insert each. */
function makeBlocks(
  blocks: RoutinePlan['blocks'],
  ctx: JobContext,
): { made: number; more: boolean } {
  if (blocks.length === 0) return { made: 0, more: false };
  const existing = existingBlocks(blocks);
  let made = 0;
  for (const block of blocks) {
    const key = routineTaskKey(block.name, block.due);
    if (existing.has(key)) continue;
    if (pastDeadline(ctx)) return { made, more: true };
    insertEvent({
      summary: oneLine(block.name),
      description: block.doneWhen ? `完了の目安: ${block.doneWhen}` : '',
      day: block.due,
      ...(block.time ? { time: block.time } : {}),
      key,
    });
    made += 1;
  }
  return { made, more: false };
}
