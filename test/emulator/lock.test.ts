import { loadBundle } from '../../emulator/runtime';
import { LOCK_TIMEOUT_MESSAGE } from '../../emulator/services/lock';
import { Workspace } from '../../emulator/workspace';

describe('LockService', () => {
  it('takes a free lock at once, and again without waiting in the same execution', () => {
    const ws = new Workspace();
    const start = ws.clock.now();
    const lock = ws.LockService.getScriptLock();
    expect(lock.hasLock()).toBe(false);
    expect(lock.tryLock(1000)).toBe(true);
    expect(lock.hasLock()).toBe(true);
    expect(ws.LockService.getScriptLock().tryLock(0)).toBe(true);
    expect(ws.clock.now()).toBe(start);
    lock.releaseLock();
    expect(lock.hasLock()).toBe(false);
    expect(ws.LockService.holder('script')).toBe('none');
  });

  it('waits for another execution to let go, advancing the clock by the wait', () => {
    const ws = new Workspace();
    const start = ws.clock.now();
    ws.LockService.holdByOtherExecution('script', start + 4000);
    const lock = ws.LockService.getScriptLock();
    expect(lock.tryLock(10000)).toBe(true);
    expect(ws.clock.now()).toBe(start + 4000);
    expect(ws.LockService.holder('script')).toBe('self');
  });

  it('times out: tryLock returns false and waitLock throws, after spending the whole timeout', () => {
    const ws = new Workspace();
    const start = ws.clock.now();
    ws.LockService.holdByOtherExecution('script', Number.POSITIVE_INFINITY);
    const lock = ws.LockService.getScriptLock();
    expect(lock.tryLock(5000)).toBe(false);
    expect(lock.hasLock()).toBe(false);
    expect(ws.clock.now()).toBe(start + 5000);
    expect(() => lock.waitLock(30000)).toThrow(LOCK_TIMEOUT_MESSAGE);
    expect(ws.clock.now()).toBe(start + 35000);
    ws.LockService.releaseOtherExecution('script');
    expect(lock.tryLock(0)).toBe(true);
  });

  it.each(['script', 'user', 'document'] as const)(
    'keeps script, user and document locks independent: another execution holds the %s lock',
    (held) => {
      const ws = new Workspace();
      ws.LockService.holdByOtherExecution(held, Number.POSITIVE_INFINITY);
      const locks = {
        script: ws.LockService.getScriptLock(),
        user: ws.LockService.getUserLock(),
        document: ws.LockService.getDocumentLock(),
      };
      for (const [scope, lock] of Object.entries(locks)) {
        expect([scope, lock.tryLock(0)]).toEqual([scope, scope !== held]);
      }
    },
  );

  it('releases the execution’s locks when the execution ends', () => {
    const ws = new Workspace();
    const bundle = loadBundle(
      `function job() { LockService.getDocumentLock().waitLock(1000); return LockService.getDocumentLock().hasLock(); }`,
      { workspace: ws },
    );
    // hasLock is per Lock object: a new object that never called tryLock/waitLock has not acquired.
    expect(bundle.run('job')).toBe(false);
    expect(ws.LockService.holder('document')).toBe('none');
    expect(ws.meter.counts()).toEqual({
      'LockService.Lock.hasLock': 1,
      'LockService.Lock.waitLock': 1,
      'LockService.getDocumentLock': 2,
    });
  });

  it('a bundle sees the timeout as an Error with Apps Script’s message, and the wait counts', () => {
    const ws = new Workspace();
    ws.LockService.holdByOtherExecution('script', Number.POSITIVE_INFINITY);
    const bundle = loadBundle(
      `function job() { try { LockService.getScriptLock().waitLock(20000); return 'got it'; }
                        catch (e) { return (e instanceof Error) + ':' + e.message; } }`,
      { workspace: ws },
    );
    const start = ws.clock.now();
    expect(bundle.run('job')).toBe(`true:${LOCK_TIMEOUT_MESSAGE}`);
    expect(ws.clock.now() - start).toBeGreaterThanOrEqual(20000);
  });

  it('a wait longer than the execution has left ends the execution', () => {
    const ws = new Workspace();
    ws.LockService.holdByOtherExecution('script', Number.POSITIVE_INFINITY);
    const bundle = loadBundle(
      `function job() { LockService.getScriptLock().tryLock(7 * 60 * 1000); }`,
      {
        workspace: ws,
      },
    );
    expect(() => bundle.run('job')).toThrow('Exceeded maximum execution time');
  });
});
