/**
 * Values crossing between the emulator (Node's realm) and the bundle (a node:vm context) must
 * belong to the realm that receives them, or `instanceof Date` and `instanceof Error` fail in the
 * bundle exactly where they would succeed on Apps Script.
 */
export interface Realm {
  toGuest(value: unknown): unknown;
  toHost(value: unknown): unknown;
  /** An Error of the guest realm, as Apps Script's services throw them. */
  error(message: string, name?: string): Error;
}

export const hostRealm: Realm = {
  toGuest: (v) => v,
  toHost: (v) => v,
  error: (message, name) => {
    const e = name === 'TypeError' ? new TypeError(message) : new Error(message);
    if (name && name !== 'TypeError') e.name = name;
    return e;
  },
};

interface GuestIntrinsics {
  Date: DateConstructor;
  Error: ErrorConstructor;
  TypeError: TypeErrorConstructor;
  Array: ArrayConstructor;
  ObjectPrototype: object;
}

const isPlainObject = (v: object, proto: object): boolean => Object.getPrototypeOf(v) === proto;
const isDateLike = (v: object): v is Date => Object.prototype.toString.call(v) === '[object Date]';

/** A realm over a vm context's intrinsics. Only Dates, arrays and plain objects are copied. */
export function vmRealm(guest: GuestIntrinsics): Realm {
  const toGuest = (v: unknown): unknown => {
    if (v === null || typeof v !== 'object') return v;
    if (isDateLike(v)) return new guest.Date(v.getTime());
    if (Array.isArray(v)) return guest.Array.from(v, toGuest);
    if (isPlainObject(v, Object.prototype)) {
      const out = Object.create(guest.ObjectPrototype) as Record<string, unknown>;
      for (const [k, val] of Object.entries(v)) out[k] = toGuest(val);
      return out;
    }
    return v;
  };
  const toHost = (v: unknown): unknown => {
    if (v === null || typeof v !== 'object') return v;
    if (isDateLike(v)) return new Date(v.getTime());
    if (Array.isArray(v)) return Array.from(v, toHost);
    if (isPlainObject(v, guest.ObjectPrototype)) {
      const out: Record<string, unknown> = {};
      for (const [k, val] of Object.entries(v)) out[k] = toHost(val);
      return out;
    }
    return v;
  };
  return {
    toGuest,
    toHost,
    error: (message, name) => {
      const e = name === 'TypeError' ? new guest.TypeError(message) : new guest.Error(message);
      if (name && name !== 'TypeError') e.name = name;
      return e;
    },
  };
}
