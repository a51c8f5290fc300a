import { API_NAME } from '../core/instrument';
import type { Workspace } from '../workspace';
import { hasScope, scopeUrl } from './advanced/common';
import type { DriveAdvancedEmulator } from './advanced/drive';
import { Blob } from './blob';
import { charsetOf, decode, toSignedBytes } from './charset';
import { GOOGLE_DOC_MIME } from './drive/conversion';

/**
 * UrlFetchApp. The emulator has no network: the only URL it answers is the Drive API's export of
 * a Google Doc as plain text (`GET https://www.googleapis.com/drive/v3/files/{id}/export
 * ?mimeType=text/plain`, developers.google.com/drive/api/reference/rest/v3/files/export), with
 * the script's own token (`Authorization: Bearer ` + `ScriptApp.getOAuthToken()`), which is how
 * Pokke reads the text of a Doc Drive made from a PDF or a photo. Any other URL throws, naming it.
 *
 * Modelled:
 * - The scope: with explicit `oauthScopes`, a script without `script.external_request` gets Apps
 *   Script's `Specified permissions are not sufficient to call UrlFetchApp.fetch…`.
 * - The daily quota of URL Fetch calls (20,000 / 100,000).
 * - The export answers as the API does: 401 without the script's token, 403 when the token has
 *   no Drive scope, 404 for a file the token cannot see (drive.file: only the app's own files),
 *   403 `Export only supports Docs Editors files.` for a file that is not a Google Doc.
 * - A status of 400 or more throws `Request failed for … returned code N` unless the request
 *   sets `muteHttpExceptions`.
 *
 * Chosen (unconfirmed): the text export starts with a UTF-8 byte-order mark and ends its lines
 * with CRLF, as exports of Docs to .txt are widely reported to do; the manifest's
 * `urlFetchWhitelist` is not checked here (test/bundle/manifest.test.ts checks it lists the URL).
 */

const EXPORT_URL = /^https:\/\/www\.googleapis\.com\/drive\/v3\/files\/([^/?#]+)\/export\?(.*)$/;
const DRIVE_READ_SCOPES = ['drive', 'drive.readonly', 'drive.file'] as const;
const EXTERNAL_REQUEST = 'script.external_request';

type FetchParams = GoogleAppsScript.URL_Fetch.URLFetchRequestOptions;

export class HTTPResponse {
  readonly [API_NAME] = 'HTTPResponse';

  constructor(
    private readonly ws: Workspace,
    private readonly code: number,
    private readonly body: Buffer,
    private readonly headers: Record<string, string>,
  ) {}

  toString(): string {
    return 'HTTPResponse';
  }

  getResponseCode(): number {
    return this.code;
  }

  getContentText(charset?: string): string {
    return decode(this.body, charset === undefined ? 'utf-8' : charsetOf(charset));
  }

  getContent(): number[] {
    return toSignedBytes(this.body);
  }

  getBlob(): Blob {
    return new Blob(this.ws, this.body, this.headers['Content-Type'] ?? null);
  }

  getHeaders(): Record<string, string> {
    return { ...this.headers };
  }

  getAllHeaders(): Record<string, string> {
    return { ...this.headers };
  }
}

export class UrlFetchAppEmulator {
  readonly [API_NAME] = 'UrlFetchApp';

  constructor(private readonly ws: Workspace) {}

  toString(): string {
    return 'UrlFetchApp';
  }

  fetch(url: string, params: FetchParams = {}): HTTPResponse {
    const granted = this.ws.grantedScopes;
    if (granted !== undefined && !granted.includes(scopeUrl(EXTERNAL_REQUEST))) {
      throw new Error(
        `Specified permissions are not sufficient to call UrlFetchApp.fetch. Required permissions: ${scopeUrl(EXTERNAL_REQUEST)}`,
      );
    }
    this.ws.meter.consume('urlFetchCalls');
    const response = this.answer(String(url), params ?? {});
    const code = response.getResponseCode();
    if (code >= 400 && params?.muteHttpExceptions !== true) {
      const origin = new URL(String(url)).origin;
      throw new Error(
        `Request failed for ${origin} returned code ${code}. Truncated server response: ${response
          .getContentText()
          .slice(0, 200)} (use muteHttpExceptions option to examine full response)`,
      );
    }
    return response;
  }

  private answer(url: string, params: FetchParams): HTTPResponse {
    const match = EXPORT_URL.exec(url);
    const method = String(params.method ?? 'get').toLowerCase();
    const query = new URLSearchParams(match?.[2] ?? '');
    if (!match || method !== 'get' || query.get('mimeType') !== 'text/plain') {
      throw new Error(
        `UrlFetchApp.fetch(${method.toUpperCase()} ${url}) is not emulated: the emulator has no network and answers only Drive's export of a Google Doc as text/plain`,
      );
    }
    const id = decodeURIComponent(match[1] as string);
    if (!this.authorized(params.headers)) {
      return this.error(401, 'Request is missing required authentication credential.');
    }
    if (!hasScope(this.ws, DRIVE_READ_SCOPES)) {
      return this.error(403, 'Request had insufficient authentication scopes.');
    }
    const drive = this.ws.advanced<DriveAdvancedEmulator>('drive').core;
    const item = drive.store.items.get(drive.resolveId(id));
    if (!item || !drive.visible(item)) return this.error(404, `File not found: ${id}.`);
    if (!('mimeType' in item) || item.mimeType !== GOOGLE_DOC_MIME) {
      return this.error(403, 'Export only supports Docs Editors files.');
    }
    const text = item.data.getDataAsString().replace(/\r?\n/g, '\r\n');
    return new HTTPResponse(this.ws, 200, Buffer.from(`\uFEFF${text}`, 'utf8'), {
      'Content-Type': 'text/plain; charset=utf-8',
    });
  }

  private authorized(headers: FetchParams['headers']): boolean {
    const token = this.ws.ScriptApp.getOAuthToken();
    const entry = Object.entries(headers ?? {}).find(([k]) => k.toLowerCase() === 'authorization');
    return entry !== undefined && String(entry[1]) === `Bearer ${token}`;
  }

  private error(code: number, message: string): HTTPResponse {
    const body = JSON.stringify({ error: { code, message, errors: [{ message }] } }, null, 2);
    return new HTTPResponse(this.ws, code, Buffer.from(body, 'utf8'), {
      'Content-Type': 'application/json; charset=UTF-8',
    });
  }
}
