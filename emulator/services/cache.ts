import { API_NAME } from '../core/instrument';
import type { Workspace } from '../workspace';
import { argumentTooLarge, stringWithinBytes } from './argument-size';

/**
 * Documented limits (developers.google.com/apps-script/reference/cache/cache) and the measured
 * ones (justin.poehnelt.com, "Exploring Apps Script CacheService limits"): keys up to 250
 * characters, values up to 100 KB (102,400 bytes), expiration 10 minutes by default and 6 hours at
 * most, 1,000 items per cache, of which the 900 farthest from expiry are kept when it overflows.
 */
export const CACHE_KEY_LIMIT = 250;
export const CACHE_VALUE_LIMIT = 100 * 1024;
export const CACHE_DEFAULT_TTL_SEC = 600;
export const CACHE_MAX_TTL_SEC = 21600;
export const CACHE_ITEM_CAP = 1000;
export const CACHE_ITEMS_KEPT = 900;

interface Entry {
  readonly value: string;
  readonly expiresAt: number;
}

export type CacheScope = 'script' | 'user' | 'document';

export class Cache implements GoogleAppsScript.Cache.Cache {
  readonly [API_NAME] = 'Cache';
  private readonly entries = new Map<string, Entry>();

  constructor(
    private readonly ws: Workspace,
    readonly scope: CacheScope,
  ) {}

  private checkKey(key: unknown): string {
    const k = String(key);
    if (k.length > CACHE_KEY_LIMIT) throw argumentTooLarge('key');
    return k;
  }

  private checkValue(value: unknown): string {
    return stringWithinBytes(value, CACHE_VALUE_LIMIT, 'value');
  }

  /**
   * Out-of-range expirations are not documented as errors (the measurements found them
   * accepted), so the emulator clamps them: above 6 hours to 6 hours, below 1 second or not a
   * number to the 10-minute default. Unconfirmed on a live account.
   */
  private ttlMs(expirationInSeconds: unknown): number {
    if (expirationInSeconds === undefined) return CACHE_DEFAULT_TTL_SEC * 1000;
    const n = Math.trunc(Number(expirationInSeconds));
    if (!Number.isFinite(n) || n < 1) return CACHE_DEFAULT_TTL_SEC * 1000;
    return Math.min(n, CACHE_MAX_TTL_SEC) * 1000;
  }

  private live(key: string): Entry | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    if (entry.expiresAt <= this.ws.clock.now()) {
      this.entries.delete(key);
      return undefined;
    }
    return entry;
  }

  private store(values: [string, string][], ttlMs: number): void {
    const expiresAt = this.ws.clock.now() + ttlMs;
    for (const [k, v] of values) {
      this.entries.delete(k);
      this.entries.set(k, { value: v, expiresAt });
    }
    if (this.entries.size > CACHE_ITEM_CAP) {
      for (const k of [...this.entries.keys()]) this.live(k);
    }
    if (this.entries.size > CACHE_ITEM_CAP) {
      const keep = [...this.entries.entries()]
        .sort(([, a], [, b]) => b.expiresAt - a.expiresAt)
        .slice(0, CACHE_ITEMS_KEPT);
      this.entries.clear();
      for (const [k, e] of keep) this.entries.set(k, e);
    }
  }

  get(key: string): string | null {
    return this.live(this.checkKey(key))?.value ?? null;
  }

  getAll(keys: string[]): Record<string, string> {
    const out: Record<string, string> = {};
    for (const key of keys) {
      const k = this.checkKey(key);
      const entry = this.live(k);
      if (entry) out[k] = entry.value;
    }
    return out;
  }

  put(key: string, value: string, expirationInSeconds?: GoogleAppsScript.Integer): void {
    this.store([[this.checkKey(key), this.checkValue(value)]], this.ttlMs(expirationInSeconds));
  }

  /** Checks every pair before storing any (a rejected batch stores nothing). */
  putAll(values: Record<string, unknown>, expirationInSeconds?: GoogleAppsScript.Integer): void {
    const pairs = Object.entries(values).map(([k, v]): [string, string] => [
      this.checkKey(k),
      this.checkValue(v),
    ]);
    this.store(pairs, this.ttlMs(expirationInSeconds));
  }

  remove(key: string): void {
    this.entries.delete(this.checkKey(key));
  }

  removeAll(keys: string[]): void {
    for (const key of keys) this.entries.delete(this.checkKey(key));
  }

  /** Emulator-only: live entries with their expiry (not counted). */
  snapshot(): Record<string, { value: string; expiresAt: number }> {
    const out: Record<string, { value: string; expiresAt: number }> = {};
    for (const k of [...this.entries.keys()]) {
      const e = this.live(k);
      if (e) out[k] = { value: e.value, expiresAt: e.expiresAt };
    }
    return out;
  }
}

/**
 * getDocumentCache() returns null outside a container-bound context; Pokke always runs bound to
 * (or as an add-on of) a spreadsheet, so the emulator always has a document cache.
 */
export class CacheServiceEmulator implements GoogleAppsScript.Cache.CacheService {
  readonly [API_NAME] = 'CacheService';
  readonly script: Cache;
  readonly document: Cache;
  private readonly users = new Map<string, Cache>();

  constructor(private readonly ws: Workspace) {
    this.script = new Cache(ws, 'script');
    this.document = new Cache(ws, 'document');
  }

  /** Emulator-only: the user cache of the current user (or of `email`), not counted. */
  user(email = this.ws.user.email): Cache {
    let cache = this.users.get(email);
    if (!cache) {
      cache = new Cache(this.ws, 'user');
      this.users.set(email, cache);
    }
    return cache;
  }

  getScriptCache(): Cache {
    return this.script;
  }

  getUserCache(): Cache {
    return this.user();
  }

  getDocumentCache(): Cache {
    return this.document;
  }
}
