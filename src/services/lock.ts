import { UserError } from '../core/bilingual';
import { flushWorkbook } from './workbook';

const WAIT_MS = 30_000;

/**
 * Runs `work` while holding the document lock, so two people (or a person and a trigger) never
 * write the same workbook rows at once. Writes are flushed before the lock is released.
 */
export function withDocumentLock<T>(work: () => T): T {
  const lock = LockService.getDocumentLock() ?? LockService.getScriptLock();
  if (!lock.tryLock(WAIT_MS)) {
    throw new UserError(
      '他の処理が実行中です。少し待ってからもう一度お試しください',
      'Another Pokke task is running. Please try again in a moment',
    );
  }
  try {
    const result = work();
    flushWorkbook();
    return result;
  } finally {
    lock.releaseLock();
  }
}
