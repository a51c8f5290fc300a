import type { Job } from '../job';
import { recurringJob } from './recurringJob';
import { remindersJob } from './remindersJob';
import { routinesJob } from './routinesJob';
import { schedulingJob } from './schedulingJob';
import { summaryJob } from './summaryJob';
import { tasksSyncJob } from './tasksSyncJob';

/**
 * The dispatcher's jobs, in the order they run each day. Task sync and routines first (cheap,
 * and what the owner looks at in the morning); recurring invoices, the heaviest, may continue on
 * a one-off trigger; the summary comes last so it sees the day's invoices. Expired scheduling
 * holds are released early, before the owner looks at the calendar.
 */
export const JOBS: readonly Job[] = [
  tasksSyncJob,
  routinesJob,
  schedulingJob,
  recurringJob,
  remindersJob,
  summaryJob,
];
