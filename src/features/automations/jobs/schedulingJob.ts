import type { PlannedJob } from '../../../core/contracts/automations';
import { isPastReplyBy } from '../../../core/scheduling';
import { text } from '../../../core/text';
import { now } from '../../../services/clock';
import { SCHEDULING_SHEET } from '../../../sheets/schema';
import { openProposals } from '../../scheduling/proposalRows';
import { expireProposals } from '../../scheduling/settle';
import type { Job, JobOutcome } from '../job';

const LABEL = text('日程調整', 'Scheduling');

/**
 * Proposals not answered by their reply-by date: their holds (仮押さえ) are deleted (those the
 * owner moved are left) and the row becomes 期限切れ. A workbook without the 日程調整 sheet has
 * nothing to release.
 */
export const schedulingJob: Job = {
  id: 'scheduling',
  label: LABEL,
  reads: [SCHEDULING_SHEET],
  plan(ctx): PlannedJob {
    const at = now();
    const due = openProposals(ctx.tables.table(SCHEDULING_SHEET)).filter((p) =>
      isPastReplyBy(p.replyBy, at),
    );
    return {
      job: 'scheduling',
      label: LABEL,
      actions: due.map((p) =>
        text(
          `返信期限を過ぎた日程調整(${p.counterpart})の仮押さえを削除し、期限切れにする`,
          `Release the holds of the proposal to ${p.counterpart} (reply-by date passed)`,
        ),
      ),
      problems: [],
    };
  },
  run(ctx): JobOutcome {
    const report = expireProposals(ctx.tables, now(), ctx.lang, ctx.deadline);
    return { result: 'ok', count: report.expired, message: report.message, more: report.more };
  },
};
