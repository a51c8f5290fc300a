import { UserError } from '../core/text';
import { flushWorkbook } from './workbook';

const WAIT_MS = 30_000;

/**
 * The workbook lock was not free within the wait: another Pokke task is writing the workbook.
 * Still named UserError, so every surface shows its message as it shows any UserError's.
 */
export class WorkbookBusyError extends UserError {
  constructor() {
    super(
      'Pokke の別の処理(自動化・請求書の発行など)がワークブックを更新中です。少し待ってからもう一度お試しください',
      'Another Pokke task (automations, invoicing…) is updating the workbook. Please try again in a moment',
    );
  }
}

/**
 * Runs `work` while holding the script lock — the one lock every writer of the workbook takes:
 * sidebars, menu items, Gmail cards, the daily trigger and the continuations. Pokke is a script
 * bound to the owner's workbook (its cards come from the same project), so the script lock is the
 * workbook's lock; the document lock does not exist in a card and the user lock does not exclude a
 * trigger, so neither would keep two writers of the same rows apart. Writes are flushed before the
 * lock is released, so the next holder reads them.
 */
export function withWorkbookLock<T>(work: () => T): T {
  const lock = LockService.getScriptLock();
  if (!lock.tryLock(WAIT_MS)) {
    throw new WorkbookBusyError();
  }
  try {
    const result = work();
    flushWorkbook();
    return result;
  } finally {
    lock.releaseLock();
  }
}
