import { API_NAME } from '../core/instrument';
import type { Workspace } from '../workspace';

export type LockScope = 'script' | 'user' | 'document';

/** Apps Script's message when waitLock gives up. */
export const LOCK_TIMEOUT_MESSAGE =
  'Lock timeout: another process was holding the lock for too long.';

type Holder = { readonly kind: 'self' } | { readonly kind: 'other'; readonly until: number };

/**
 * One mutual-exclusion lock as seen from the running execution. The emulator runs one execution
 * at a time, so "another execution" only exists when a test or the playground simulates one with
 * `LockServiceEmulator.holdByOtherExecution`. All Lock objects of the same scope in an execution
 * share the execution's hold: a second tryLock on the same scope succeeds at once, and
 * releaseLock on any of them releases it (unconfirmed on a live account).
 */
export class Lock implements GoogleAppsScript.Lock.Lock {
  readonly [API_NAME] = 'Lock';
  private acquired = false;

  constructor(
    private readonly service: LockServiceEmulator,
    private readonly key: string,
  ) {}

  hasLock(): boolean {
    return this.acquired && this.service.holderOf(this.key) === 'self';
  }

  /**
   * Waits (in virtual time) for another execution's hold to end, up to the timeout. Waiting
   * advances the clock through the meter, so a long wait can hit the 6-minute execution limit.
   */
  tryLock(timeoutInMillis: GoogleAppsScript.Integer): boolean {
    const ok = this.service.acquire(this.key, timeoutInMillis);
    if (ok) this.acquired = true;
    return ok;
  }

  waitLock(timeoutInMillis: GoogleAppsScript.Integer): void {
    if (!this.tryLock(timeoutInMillis)) throw new Error(LOCK_TIMEOUT_MESSAGE);
  }

  /** No effect if the lock is not held. */
  releaseLock(): void {
    if (this.acquired) this.service.release(this.key);
    this.acquired = false;
  }
}

/**
 * LockService. Locks held by the running execution are released when it ends
 * (`Workspace.endExecution`), as Apps Script releases them when a script terminates.
 *
 * Emulator-only API (not part of Apps Script, not counted):
 * - `holdByOtherExecution(scope, until)` — another execution holds the lock of `scope`
 *   ('script' | 'user' | 'document'; the user lock of the current user) until virtual time `until`
 *   (ms or Date; `Infinity` = until `releaseOtherExecution`). tryLock/waitLock in the running
 *   execution then wait for it, advancing the clock, or time out.
 * - `releaseOtherExecution(scope)` — ends a simulated hold now.
 * - `holder(scope)` — 'none' | 'self' | 'other'.
 */
export class LockServiceEmulator implements GoogleAppsScript.Lock.LockService {
  readonly [API_NAME] = 'LockService';
  private readonly holders = new Map<string, Holder>();

  constructor(private readonly ws: Workspace) {
    ws.onExecutionEnd(() => {
      for (const [key, h] of [...this.holders]) if (h.kind === 'self') this.holders.delete(key);
    });
  }

  private keyOf(scope: LockScope): string {
    if (scope === 'user') return `user:${this.ws.user.email}`;
    if (scope === 'script' || scope === 'document') return scope;
    throw new Error(`LockService emulator: unknown lock scope ${String(scope)}`);
  }

  getScriptLock(): Lock {
    return new Lock(this, this.keyOf('script'));
  }

  getUserLock(): Lock {
    return new Lock(this, this.keyOf('user'));
  }

  /**
   * Apps Script returns null outside a container-bound context; Pokke always runs bound to (or
   * as an add-on of) a spreadsheet, so the emulator always returns a lock.
   */
  getDocumentLock(): Lock {
    return new Lock(this, this.keyOf('document'));
  }

  /** Emulator-only: simulate another execution holding the lock until `until` (virtual time). */
  holdByOtherExecution(scope: LockScope, until: number | Date): void {
    const key = this.keyOf(scope);
    const ms = until instanceof Date ? until.getTime() : Number(until);
    if (Number.isNaN(ms)) throw new Error(`LockService emulator: invalid time ${String(until)}`);
    if (this.holderOf(key) === 'self') {
      throw new Error(`LockService emulator: the ${scope} lock is held by the running execution`);
    }
    this.holders.set(key, { kind: 'other', until: ms });
  }

  /** Emulator-only: end a simulated hold now. */
  releaseOtherExecution(scope: LockScope): void {
    const key = this.keyOf(scope);
    if (this.holders.get(key)?.kind === 'other') this.holders.delete(key);
  }

  /** Emulator-only: who holds the lock of `scope` now. */
  holder(scope: LockScope): 'none' | 'self' | 'other' {
    return this.holderOf(this.keyOf(scope));
  }

  /** @internal */
  holderOf(key: string): 'none' | 'self' | 'other' {
    const h = this.holders.get(key);
    if (!h) return 'none';
    if (h.kind === 'other' && h.until <= this.ws.clock.now()) {
      this.holders.delete(key);
      return 'none';
    }
    return h.kind;
  }

  /** @internal */
  acquire(key: string, timeoutInMillis: unknown): boolean {
    const timeout = Math.max(0, Math.trunc(Number(timeoutInMillis)) || 0);
    const holder = this.holderOf(key);
    if (holder === 'other') {
      const h = this.holders.get(key) as { kind: 'other'; until: number };
      const wait = h.until - this.ws.clock.now();
      if (wait > timeout) {
        this.ws.meter.spend(timeout);
        return false;
      }
      this.ws.meter.spend(wait);
      this.holders.delete(key);
    }
    this.holders.set(key, { kind: 'self' });
    return true;
  }

  /** @internal */
  release(key: string): void {
    if (this.holders.get(key)?.kind === 'self') this.holders.delete(key);
  }
}
