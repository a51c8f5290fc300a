import type { Bundle } from './runtime';

/** What happened to one time-driven firing. */
export interface FiringOutcome {
  readonly handler: string;
  /** Epoch ms the trigger fired at. */
  readonly at: number;
  readonly ok: boolean;
  /** The error Apps Script would report in the executions list. */
  readonly error?: string;
  /** Modelled duration of the execution. */
  readonly elapsedMs: number;
}

export interface AdvanceOptions {
  /**
   * Called before each firing; return 'twice' to fire it twice in a row (a duplicate firing),
   * or a number of service calls after which the execution dies (a crash at a random point).
   */
  readonly before?: (handler: string, at: number) => 'once' | 'twice' | { killAfter: number };
  /**
   * Fire what fell due from this instant on instead of from the clock's now: the clock first goes
   * back to it, so each firing still runs at its own time (the playground moves its clock ahead
   * first and fires the triggers afterwards).
   */
  readonly from?: number;
  /**
   * Wraps each execution, e.g. to record it in an execution log. It must call `run` once and let
   * its failure through (a throw marks the firing as failed); what it returns is ignored.
   */
  readonly execute?: (handler: string, run: () => unknown, at: number) => unknown;
}

function errorText(e: unknown): string {
  // Errors thrown in the bundle come from the vm's realm: not `instanceof` this realm's Error.
  if (e !== null && typeof e === 'object' && 'message' in e) return String(e.message);
  return String(e);
}

/**
 * Moves the virtual clock to `toMs`, running every time-driven trigger that falls due on the
 * way ([from, toMs)), each as its own execution in time order — including one-off triggers
 * created by those executions (a run that continues itself later). A failing execution is
 * recorded and the clock moves on, as on Apps Script.
 */
export function advanceWithTriggers(
  bundle: Bundle,
  toMs: number,
  options: AdvanceOptions = {},
): FiringOutcome[] {
  const ws = bundle.workspace;
  const outcomes: FiringOutcome[] = [];
  if (options.from !== undefined) ws.clock.set(options.from);
  let cursor = ws.clock.now();
  const execute = options.execute ?? ((_handler: string, run: () => unknown) => run());
  for (;;) {
    const [firing] = ws.ScriptApp.dueTriggers(cursor, toMs);
    if (!firing) break;
    cursor = firing.at + 1;
    const handler = firing.trigger.getHandlerFunction();
    ws.ScriptApp.recordFiring(firing);
    const plan = options.before?.(handler, firing.at) ?? 'once';
    const times = plan === 'twice' ? 2 : 1;
    for (let n = 0; n < times; n++) {
      if (ws.clock.now() < firing.at) ws.clock.set(firing.at);
      if (typeof plan === 'object') ws.meter.killAfter(plan.killAfter);
      const start = ws.clock.now();
      const event = ws.ScriptApp.eventFor(firing);
      try {
        execute(handler, () => bundle.run(handler, [event], { triggered: true }), firing.at);
        outcomes.push({ handler, at: firing.at, ok: true, elapsedMs: ws.clock.now() - start });
      } catch (e) {
        outcomes.push({
          handler,
          at: firing.at,
          ok: false,
          error: errorText(e),
          elapsedMs: ws.clock.now() - start,
        });
      }
    }
  }
  if (ws.clock.now() < toMs) ws.clock.set(toMs);
  return outcomes;
}

/**
 * Runs `handler` now as its time-driven trigger fires: one execution, counted as trigger runtime,
 * given the event Apps Script passes (with the trigger's `triggerUid`). A handler that checks its
 * caller needs that trigger to exist: when the current user has none for `handler`, a daily one
 * is installed first (uncounted), as if the owner had turned it on.
 */
export function fireNow(bundle: Bundle, handler: string): unknown {
  const app = bundle.workspace.ScriptApp;
  const trigger =
    app.getProjectTriggers().find((t) => t.clock && t.getHandlerFunction() === handler) ??
    app.newTrigger(handler).timeBased().everyDays(1).create();
  const firing = { trigger, at: bundle.workspace.clock.now() };
  app.recordFiring(firing);
  return bundle.run(handler, [app.eventFor(firing)], { triggered: true });
}
