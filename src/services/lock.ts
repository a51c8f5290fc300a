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

/**
 * Runs `work` while holding the user's lock: in Gmail there is no document, and what must not
 * run twice (a task made from a mail, on a double click) belongs to the user.
 */
export function withUserLock<T>(work: () => T): T {
  const lock = LockService.getUserLock();
  if (!lock.tryLock(WAIT_MS)) {
    throw new UserError(
      '他の処理が実行中です。少し待ってからもう一度お試しください',
      'Another Pokke task is running. Please try again in a moment',
    );
  }
  try {
    return work();
  } finally {
    lock.releaseLock();
  }
}
