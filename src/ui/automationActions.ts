import * as z from 'zod/mini';
import type {
  AutomationStatus,
  DryRunReport,
  RunLogEntry,
  RunNowReport,
} from '../core/contracts/automations';
import { parseDateKey, tokyoDateKey } from '../core/dates';
import { inLang, type Lang, type Text, text, UserError } from '../core/text';
import { CONTINUE_HANDLER, DISPATCH_HANDLER } from '../features/automations/automationState';
import { dispatch, dryRun } from '../features/automations/dispatcher';
import { appendRunLog, RESULT, type RunRecord } from '../features/automations/runLog';
import {
  automationStatus,
  installAutomations,
  uninstallAutomations,
} from '../features/automations/triggerSetup';
import { now } from '../services/clock';
import { userLang } from '../services/language';
import { WorkbookBusyError, withWorkbookLock } from '../services/lock';
import { activeWorkbook } from '../services/workbook';
import { workbookTables } from '../sheets/workbookTables';
import { noRequest, rpc } from './rpc';
import { openSidebar } from './sheetsActions';
import { requireTriggerFiring } from './triggerFiring';

export function openAutomations(): void {
  openSidebar('automations', text('自動化', 'Automations'));
}

export const automationsStatusRpc = rpc(
  noRequest,
  (): AutomationStatus => automationStatus(activeWorkbook(), userLang(), now()),
);

export const automationsInstallRpc = rpc(
  z.strictObject({ hour: z.number().check(z.int(), z.gte(0), z.lte(23)) }),
  (req): AutomationStatus =>
    withWorkbookLock(() => {
      installAutomations(req.hour, now());
      return automationStatus(activeWorkbook(), userLang(), now());
    }),
);

export const automationsUninstallRpc = rpc(
  noRequest,
  (): AutomationStatus =>
    withWorkbookLock(() => {
      uninstallAutomations();
      return automationStatus(activeWorkbook(), userLang(), now());
    }),
);

export const automationsDryRunRpc = rpc(
  z.strictObject({
    date: z.string().check(z.refine((s) => parseDateKey(s) !== null)),
  }),
  (req): DryRunReport => dryRun(activeWorkbook(), parseDateKey(req.date)!, userLang()),
);

/** The sidebar's 今すぐ実行: today's jobs now, even if the daily run already did them. */
export const automationsRunNowRpc = rpc(
  noRequest,
  (): RunNowReport =>
    withWorkbookLock(() => {
      const lang = userLang();
      const runs = dispatch(activeWorkbook(), now(), 'manual', lang).map((r) => toEntry(r, lang));
      return {
        runs,
        message: text(
          `${tokyoDateKey(now())} の処理を実行しました`,
          `Ran the jobs for ${tokyoDateKey(now())}`,
        ),
      };
    }),
);

function toEntry(r: RunRecord, lang: Lang): RunLogEntry {
  return {
    startedAt: r.startedAt.toISOString(),
    finishedAt: r.finishedAt.toISOString(),
    day: r.day,
    job: inLang(r.job, lang),
    result: RESULT[r.result],
    count: r.count,
    message: r.message ? inLang(r.message, lang) : '',
  };
}

/**
 * The daily trigger and its one-off continuation. A call that is not a firing of that trigger
 * (google.script.run from a page) is refused before anything happens. A firing that cannot get
 * the lock within 30 s (another run, someone issuing invoices) leaves a line in the run log and
 * stops: the next run catches up, as every job is idempotent.
 */
export function runDispatcherTrigger(kind: 'daily' | 'continue', event: unknown): void {
  requireTriggerFiring(kind === 'daily' ? DISPATCH_HANDLER : CONTINUE_HANDLER, event);
  const ss = activeWorkbook();
  const lang = userLang();
  try {
    withWorkbookLock(() => dispatch(ss, now(), kind, lang));
  } catch (e) {
    if (!(e instanceof UserError)) throw e;
    const at = now();
    appendRunLog(
      workbookTables(ss),
      [
        {
          startedAt: at,
          finishedAt: at,
          day: tokyoDateKey(at),
          job: text('自動化', 'Automations'),
          result: 'skipped',
          count: 0,
          message: skipReason(e),
        },
      ],
      lang,
    );
  }
}

/** Why a firing did nothing: the run-log line of a skip says so, and that the next run catches up. */
function skipReason(e: UserError): Text {
  if (e instanceof WorkbookBusyError) {
    return text(
      '他の処理(請求書の発行など)がワークブックを更新中だったためスキップしました。次回の実行でこの日の分も行います',
      'Skipped: another Pokke task (invoicing…) was updating the workbook; the next run catches up on this day',
    );
  }
  return text(
    `次の理由でスキップしました。次回の実行で再試行します\n${e.text.ja}`,
    `Skipped for the reason below; the next run tries again\n${e.text.en}`,
  );
}
