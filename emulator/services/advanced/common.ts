import type { Workspace } from '../../workspace';

/**
 * What the emulated advanced services (Drive v3, Gmail v1…) share: Apps Script's error for a
 * failed API call, Google's partial-response `fields` syntax, and the scope check.
 */

/**
 * The error Apps Script throws when an advanced-service call fails:
 * `GoogleJsonResponseException: API call to drive.files.list failed with error: Invalid Value`.
 * `method` is the API's own method name (`drive.files.list`, `gmail.users.drafts.get`).
 */
export function apiError(method: string, reason: string): Error {
  const e = new Error(`API call to ${method} failed with error: ${reason}`);
  e.name = 'GoogleJsonResponseException';
  return e;
}

/**
 * The API's answer when the token lacks every scope a method accepts (HTTP 403). Apps Script
 * builds the token from the manifest's `oauthScopes` when it lists them; the wording is the
 * API's, as Apps Script is reported to pass it through (unconfirmed for each method).
 */
export const INSUFFICIENT_SCOPES = 'Request had insufficient authentication scopes.';

/**
 * Throws the API's error unless the workspace holds one of `anyOf`. A workspace without explicit
 * scopes (no manifest, or a manifest without `oauthScopes`: Apps Script then asks for whatever
 * the code uses) holds them all.
 */
export function requireScope(ws: Workspace, method: string, anyOf: readonly string[]): void {
  const granted = ws.grantedScopes;
  if (granted === undefined) return;
  if (anyOf.some((s) => granted.includes(scopeUrl(s)))) return;
  throw apiError(method, INSUFFICIENT_SCOPES);
}

/** `drive.file` → `https://www.googleapis.com/auth/drive.file`; full URLs stay. */
export function scopeUrl(scope: string): string {
  return scope.startsWith('https://') ? scope : `https://www.googleapis.com/auth/${scope}`;
}

/** Does the workspace hold one of these scopes (all of them when none are explicit)? */
export function hasScope(ws: Workspace, anyOf: readonly string[]): boolean {
  const granted = ws.grantedScopes;
  return granted === undefined || anyOf.some((s) => granted.includes(scopeUrl(s)));
}

/** A parsed `fields` selection: each key selects all of a field (null) or part of it. */
export type FieldTree = Map<string, FieldTree | null>;

/**
 * Parses Google's partial-response syntax: `files(id,name),nextPageToken`, `message/id`, `*`.
 * Throws `Invalid field selection …` (the APIs' wording) on a syntax error.
 */
export function parseFields(method: string, fields: string): FieldTree {
  const s = String(fields).replace(/\s+/g, '');
  let i = 0;
  const fail = (): never => {
    throw apiError(method, `Invalid field selection ${fields}`);
  };
  const list = (depth: number): FieldTree => {
    const tree: FieldTree = new Map();
    for (;;) {
      const path: string[] = [];
      for (;;) {
        const m = /^[A-Za-z0-9_*]+/.exec(s.slice(i));
        if (!m) fail();
        path.push((m as RegExpExecArray)[0]);
        i += (m as RegExpExecArray)[0].length;
        if (s[i] !== '/') break;
        i += 1;
      }
      let sub: FieldTree | null = null;
      if (s[i] === '(') {
        i += 1;
        sub = list(depth + 1);
        if (s[i] !== ')') fail();
        i += 1;
      }
      insert(tree, path, sub);
      if (s[i] === ',') {
        i += 1;
        continue;
      }
      if (s[i] === ')' && depth > 0) return tree;
      if (i === s.length && depth === 0) return tree;
      fail();
    }
  };
  if (s === '') return new Map([['*', null]]);
  return list(0);
}

function insert(tree: FieldTree, path: string[], sub: FieldTree | null): void {
  const [head, ...rest] = path;
  if (head === undefined) return;
  if (rest.length === 0) {
    const existing = tree.get(head);
    if (existing === null) return;
    if (sub === null || existing === undefined) tree.set(head, sub);
    else for (const [k, v] of sub) insert(existing, [k], v);
    return;
  }
  let child = tree.get(head);
  if (child === null) return;
  if (child === undefined) {
    child = new Map();
    tree.set(head, child);
  }
  insert(child, rest, sub);
}

/** The part of a resource a field selection keeps (arrays element by element). */
export function applyFields(value: unknown, tree: FieldTree | null): unknown {
  if (tree === null || tree.has('*')) return value;
  if (Array.isArray(value)) return value.map((v) => applyFields(v, tree));
  if (value === null || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const [k, sub] of tree) {
    const v = (value as Record<string, unknown>)[k];
    if (v !== undefined) out[k] = applyFields(v, sub);
  }
  return out;
}

/** An opaque page token (base64url JSON), and its reading (null when it is not one of ours). */
export function pageToken(data: Record<string, unknown>): string {
  return Buffer.from(JSON.stringify(data), 'utf8').toString('base64url');
}

export function readPageToken(token: unknown): Record<string, unknown> | null {
  try {
    const v = JSON.parse(Buffer.from(String(token), 'base64url').toString('utf8')) as unknown;
    return v && typeof v === 'object' ? (v as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}
