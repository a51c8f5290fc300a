import { API_NAME } from '../core/instrument';
import type { Workspace } from '../workspace';
import { stringWithinBytes } from './argument-size';

/** Apps Script's documented limits: 9 KB per value, 500 KB per store. */
export const PROPERTY_VALUE_LIMIT = 9 * 1024;
export const PROPERTY_STORE_LIMIT = 500 * 1024;

type StoreKind = 'script' | 'user' | 'document';

export class Properties implements GoogleAppsScript.Properties.Properties {
  readonly [API_NAME] = 'Properties';
  private readonly data = new Map<string, string>();

  constructor(
    private readonly ws: Workspace,
    readonly kind: StoreKind,
  ) {}

  private use(n = 1): void {
    this.ws.meter.consume('properties', n);
  }

  private bytes(next: Map<string, string>): number {
    let sum = 0;
    for (const [k, v] of next) sum += Buffer.byteLength(k) + Buffer.byteLength(v);
    return sum;
  }

  private write(entries: [string, unknown][], deleteAllOthers: boolean): this {
    const next = deleteAllOthers ? new Map<string, string>() : new Map(this.data);
    for (const [key, raw] of entries) {
      const value = stringWithinBytes(raw, PROPERTY_VALUE_LIMIT, 'value');
      next.set(String(key), value);
    }
    if (this.bytes(next) > PROPERTY_STORE_LIMIT) {
      throw new Error(
        'You have exceeded the property storage quota. Please remove some properties and try again.',
      );
    }
    this.data.clear();
    for (const [k, v] of next) this.data.set(k, v);
    return this;
  }

  getProperty(key: string): string | null {
    this.use();
    return this.data.get(String(key)) ?? null;
  }

  getProperties(): Record<string, string> {
    this.use();
    return Object.fromEntries(this.data);
  }

  getKeys(): string[] {
    this.use();
    return [...this.data.keys()];
  }

  setProperty(key: string, value: string): this {
    this.use();
    return this.write([[key, value]], false);
  }

  setProperties(properties: Record<string, string>, deleteAllOthers = false): this {
    this.use();
    return this.write(Object.entries(properties), deleteAllOthers);
  }

  deleteProperty(key: string): this {
    this.use();
    this.data.delete(String(key));
    return this;
  }

  deleteAllProperties(): this {
    this.use();
    this.data.clear();
    return this;
  }

  /** Emulator-only: a snapshot for tests and the playground (not counted). */
  snapshot(): Record<string, string> {
    return Object.fromEntries(this.data);
  }
}

export class PropertiesServiceEmulator implements GoogleAppsScript.Properties.PropertiesService {
  readonly [API_NAME] = 'PropertiesService';
  readonly script: Properties;
  readonly user: Properties;
  readonly document: Properties;

  constructor(ws: Workspace) {
    this.script = new Properties(ws, 'script');
    this.user = new Properties(ws, 'user');
    this.document = new Properties(ws, 'document');
  }

  getScriptProperties(): Properties {
    return this.script;
  }

  getUserProperties(): Properties {
    return this.user;
  }

  getDocumentProperties(): Properties {
    return this.document;
  }
}
