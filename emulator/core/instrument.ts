import type { Meter } from './meter';
import type { Realm } from './realm';

/**
 * Marks an emulated Apps Script object with its API class name (`Range`, `Sheet`...). Service
 * roots use the service's global name (`SpreadsheetApp`). Returned objects carrying this mark are
 * instrumented too, so every call on every object is counted.
 */
export const API_NAME: unique symbol = Symbol.for('pokke.emulator.apiName');

export interface Emulated {
  readonly [API_NAME]: string;
}

/**
 * Marks an emulated object whose properties a script may set, as it does on an HtmlTemplate
 * (`template.data = rows` before `evaluate()`).
 */
export const EXPANDO: unique symbol = Symbol.for('pokke.emulator.expando');

export function isEmulated(v: unknown): v is Emulated {
  return typeof v === 'object' && v !== null && API_NAME in v;
}

/** Per-execution context a wrapper needs. */
export interface Instrumentation {
  readonly meter: Meter;
  readonly realm: Realm;
}

const proxies = new WeakMap<Instrumentation, WeakMap<object, object>>();
const targets = new WeakMap<object, object>();

/** The emulator object behind a proxy handed to the bundle (or the value itself). */
export function unwrap<T>(value: T): T {
  if (typeof value === 'object' && value !== null) return (targets.get(value) as T) ?? value;
  return value;
}

function unwrapDeep(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(unwrapDeep);
  return unwrap(value);
}

/**
 * Wraps an emulated object so that each method call is counted under `service.Class.method`,
 * costs its modelled latency, has its arguments and result moved across realms, and throws
 * errors of the caller's realm. Identity is kept: the same object always gets the same proxy.
 *
 * Only the service root itself (`nested` false: what `Workspace.globals()` wraps) counts its own
 * methods as `Service.method`. Objects reached from it are always `Service.Class`, even when their
 * class shares the service's name: the Tasks advanced service's `Tasks.Tasks` collection counts
 * `Tasks.Tasks.insert`, next to `Tasks.Tasklists.list` and the root's `Tasks.newTask`.
 */
export function instrument<T extends object>(
  service: string,
  target: T,
  ins: Instrumentation,
  nested = false,
): T {
  let cache = proxies.get(ins);
  if (!cache) {
    cache = new WeakMap();
    proxies.set(ins, cache);
  }
  const cached = cache.get(target);
  if (cached) return cached as T;

  const className = (target as Partial<Emulated>)[API_NAME] ?? 'Object';
  const prefix = className === service && !nested ? service : `${service}.${className}`;
  // Emulated objects anywhere in an array (getSheets(), getDataValidations()'s 2-D grid) are
  // wrapped too, so calls on them are counted like any other.
  const wrapEmulated = (value: unknown): unknown => {
    if (isEmulated(value)) return instrument(service, value, ins, true);
    if (Array.isArray(value)) return value.map(wrapEmulated);
    return value;
  };
  const wrapResult = (result: unknown): unknown => ins.realm.toGuest(wrapEmulated(result));

  const proxy = new Proxy(target, {
    get(obj, prop, receiver) {
      const value = Reflect.get(obj, prop, receiver);
      if (typeof prop === 'symbol' || prop === 'constructor') return value;
      if (typeof value !== 'function') return wrapResult(value);
      return function emulatedCall(...args: unknown[]) {
        ins.meter.record(`${prefix}.${prop}`);
        const hostArgs = args.map((a) => unwrapDeep(ins.realm.toHost(a)));
        let result: unknown;
        try {
          result = (value as (...a: unknown[]) => unknown).apply(obj, hostArgs);
        } catch (e) {
          if (e instanceof Error && e.name !== 'ExecutionKilled') {
            throw ins.realm.error(e.message, e.name === 'Error' ? undefined : e.name);
          }
          throw e;
        }
        // A chained builder returns itself: hand back the same proxy.
        return result === obj ? proxy : wrapResult(result);
      };
    },
    set(obj, prop, value) {
      if (typeof prop === 'string' && EXPANDO in obj) {
        return Reflect.set(obj, prop, ins.realm.toHost(value));
      }
      throw ins.realm.error(`Cannot set properties of ${className}`, 'TypeError');
    },
  });
  cache.set(target, proxy);
  targets.set(proxy, target);
  return proxy;
}
