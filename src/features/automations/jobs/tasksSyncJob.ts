import type { PlannedJob } from '../../../core/contracts/automations';
import { text } from '../../../core/text';
import { now } from '../../../services/clock';
import { cellText } from '../../../sheets/cells';
import { TASKS_SHEET } from '../../../sheets/schema';
import { syncTasks } from '../../mailTasks/sync';
import type { Job, JobOutcome } from '../job';

const LABEL = text('タスク同期', 'Task sync');

/** Completion ticked in the タスク sheet or in Google Tasks shows on both sides. */
export const tasksSyncJob: Job = {
  id: 'tasks',
  label: LABEL,
  reads: [TASKS_SHEET],
  plan(ctx): PlannedJob {
    const linked = (ctx.tables.table(TASKS_SHEET)?.rows ?? []).filter(
      (r) => cellText(r.values.googleTaskId) !== '',
    );
    return {
      job: 'tasks',
      label: LABEL,
      actions:
        linked.length > 0
          ? [
              text(
                `タスクシートとGoogle ToDoリストの完了状態をそろえる(${linked.length}件)`,
                `Match completion of ${linked.length} task(s) with Google Tasks`,
              ),
            ]
          : [],
      problems: [],
    };
  },
  run(ctx): JobOutcome {
    const report = syncTasks(ctx.tables, now());
    return {
      // A list that could not be read (another account's) is worth a look in the run log.
      result: report.unreadableLists ? 'partial' : 'ok',
      count: report.completedInSheet + report.completedInTasks,
      message: report.message,
      more: false,
    };
  },
};
