import { bilingual } from '../../../core/bilingual';
import { addDays, type DateKey, tokyoInstant } from '../../../core/dates';
import { dueOccurrences, nextOccurrence, parseRule } from '../../../core/schedule';
import { cellText, textCell } from '../../../sheets/cells';
import { ROUTINES_SHEET, TASKS_SHEET } from '../../../sheets/schema';
import {
  appendRecords,
  findSheet,
  readTable,
  type Table,
  writeColumn,
} from '../../../sheets/table';
import type { PlannedJob } from '../../../ui/automationContracts';
import type { Job, JobContext, JobOutcome } from '../job';

type RoutineKey = (typeof ROUTINES_SHEET.columns)[number]['key'];
type TaskKey = (typeof TASKS_SHEET.columns)[number]['key'];

const LABEL = bilingual('定期業務', 'Routines');
export const OPEN_TASK = '未完了';

/** The key that makes a routine's task for one day unique in the タスク sheet. */
export const routineTaskKey = (name: string, day: DateKey) => `定期業務:${name}:${day}`;

interface RoutinePlan {
  readonly tasks: { readonly name: string; readonly due: DateKey; readonly doneWhen: string }[];
  readonly next: Map<number, unknown>;
  readonly messages: Map<number, unknown>;
  readonly problems: string[];
}

interface Books {
  readonly routines: Table<RoutineKey>;
  readonly tasks: Table<TaskKey>;
}

function readBooks(ctx: JobContext): Books | null {
  const routines = findSheet(ctx.ss, ROUTINES_SHEET);
  const tasks = findSheet(ctx.ss, TASKS_SHEET);
  if (!routines || !tasks) return null;
  return { routines: readTable(routines, ROUTINES_SHEET), tasks: readTable(tasks, TASKS_SHEET) };
}

/**
 * Each active routine whose rule falls on a day since the last run (catching up missed days
 * once) becomes a task in the タスク sheet, keyed by routine and day so it is never made twice.
 * A row whose rule cannot be read gets the reason in its メッセージ cell; the others still run.
 */
function planRoutines(books: Books, ctx: JobContext): RoutinePlan {
  const existing = new Set(books.tasks.rows.map((r) => cellText(r.values.key)));
  const plan: RoutinePlan = { tasks: [], next: new Map(), messages: new Map(), problems: [] };
  for (const row of books.routines.rows) {
    const name = cellText(row.values.name);
    const ruleText = cellText(row.values.rule);
    if (!name && !ruleText) continue;
    const setMessage = (text: string) => {
      if (cellText(row.values.message) !== text) plan.messages.set(row.rowNumber, textCell(text));
    };
    if (!name) {
      setMessage(bilingual('業務名を入力してください', 'Enter the routine name'));
      continue;
    }
    if (cellText(row.values.active) === 'しない') {
      setMessage('');
      continue;
    }
    const parsed = parseRule(ruleText);
    if (!parsed.ok) {
      setMessage(parsed.message);
      plan.problems.push(`${ROUTINES_SHEET.name} ${row.rowNumber}: ${parsed.message}`);
      continue;
    }
    setMessage('');
    for (const due of dueOccurrences(parsed.rule, ctx.lastDay, ctx.today)) {
      if (existing.has(routineTaskKey(name, due))) continue;
      existing.add(routineTaskKey(name, due));
      plan.tasks.push({ name, due, doneWhen: cellText(row.values.doneWhen) });
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
  plan(ctx): PlannedJob {
    const books = readBooks(ctx);
    if (!books) return { job: 'routines', label: LABEL, actions: [], problems: [] };
    const plan = planRoutines(books, ctx);
    return {
      job: 'routines',
      label: LABEL,
      actions: plan.tasks.map((t) =>
        bilingual(
          `タスク「${t.name}」(期限 ${t.due})を作成`,
          `Create task "${t.name}" due ${t.due}`,
        ),
      ),
      problems: plan.problems,
    };
  },
  run(ctx): JobOutcome {
    const books = readBooks(ctx);
    if (!books) return { result: 'skipped', count: 0, message: '', more: false };
    const plan = planRoutines(books, ctx);
    const now = new Date();
    appendRecords(
      books.tasks,
      plan.tasks.map((t) => ({
        title: textCell(t.name),
        due: tokyoInstant(t.due),
        status: OPEN_TASK,
        notes: textCell(t.doneWhen),
        source: textCell(ROUTINES_SHEET.name),
        createdAt: now,
        key: textCell(routineTaskKey(t.name, t.due)),
      })),
    );
    writeColumn(books.routines, 'next', plan.next);
    writeColumn(books.routines, 'message', plan.messages);
    return {
      result: plan.problems.length > 0 ? 'partial' : 'ok',
      count: plan.tasks.length,
      message: [
        plan.tasks.length > 0
          ? bilingual(
              `タスクを${plan.tasks.length}件作成しました: ${plan.tasks.map((t) => t.name).join('、')}`,
              `Created ${plan.tasks.length} task(s)`,
            )
          : '',
        ...plan.problems,
      ]
        .filter(Boolean)
        .join('\n'),
      more: false,
    };
  },
};
