import { readFileSync } from 'node:fs';
import { hostRealm } from '../../emulator/core/realm';
import { Blob } from '../../emulator/services/blob';
import { GOOGLE_DOC_MIME } from '../../emulator/services/drive/conversion';
import { File } from '../../emulator/services/drive/items';
import { Workspace, type WorkspaceOptions } from '../../emulator/workspace';
import { UserError } from '../../src/core/text';
import { MAX_READABLE_BYTES, readFileText } from '../../src/services/fileText';

/**
 * src/services/fileText.ts over the emulator: a PDF or a photo read by Drive through a temporary
 * Google Doc, with the manifest's scopes (drive.file and script.external_request only).
 */

const MANIFEST = JSON.parse(readFileSync('appsscript.json', 'utf8')) as {
  oauthScopes: string[];
  dependencies: {
    enabledAdvancedServices: { userSymbol: string; serviceId: string; version: string }[];
  };
};
const INVOICE_PDF = readFileSync('playground/demo/receipts/supplier-invoice.pdf');
const RECEIPT_JPG = readFileSync('playground/demo/receipts/cafe-receipt.jpg');

type GUtilities = GoogleAppsScript.Utilities.Utilities;

/** The emulator's services as globals (counted), as the bundle sees them. */
function install(options: WorkspaceOptions = {}) {
  const ws = new Workspace({
    now: '2026-11-24T09:00:00+09:00',
    advancedServices: MANIFEST.dependencies.enabledAdvancedServices,
    oauthScopes: MANIFEST.oauthScopes,
    ...options,
  });
  const globals = ws.globals(hostRealm);
  const g = globalThis as Record<string, unknown>;
  const saved = Object.keys(globals).map((k) => [k, g[k]] as const);
  Object.assign(g, globals);
  const restore = () => {
    for (const [k, v] of saved) g[k] = v;
  };
  const blob = (bytes: Uint8Array, type: string | null, name: string) =>
    (globals.Utilities as GUtilities).newBlob([...bytes], type as string, name);
  const docsLeft = () =>
    [...ws.DriveApp.store.items.values()].filter(
      (i) => i instanceof File && i.mimeType === GOOGLE_DOC_MIME,
    );
  return { ws, restore, blob, docsLeft };
}

let env: ReturnType<typeof install>;
afterEach(() => env?.restore());

function userError(f: () => unknown): UserError {
  try {
    f();
  } catch (e) {
    if (e instanceof UserError) return e;
    throw e;
  }
  throw new Error('no error');
}

describe('readFileText', () => {
  it("reads a PDF's text through a temporary Doc, deleted afterwards, in a bounded number of calls", () => {
    env = install();
    const before = env.ws.clock.now();
    const text = readFileText(env.blob(INVOICE_PDF, 'application/pdf', '請求書.pdf'), {
      ocrLanguage: 'ja',
    });
    expect(text.split('\n')).toEqual(
      expect.arrayContaining(['株式会社こもれび商会', 'ご請求金額 21,292円（税込）']),
    );
    expect(text).not.toMatch(/\uFEFF|\r/);
    expect(env.docsLeft()).toEqual([]);
    const counts = env.ws.meter.counts();
    expect({
      create: counts['Drive.Files.create'],
      remove: counts['Drive.Files.remove'],
      fetch: counts['UrlFetchApp.fetch'],
      token: counts['ScriptApp.getOAuthToken'],
    }).toEqual({ create: 1, remove: 1, fetch: 1, token: 1 });
    expect(env.ws.meter.total()).toBeLessThanOrEqual(12);
    // Modelled: upload 400 + one page 5,000 + export 300 + delete 200 + token 50 (+ local reads).
    const modelled = env.ws.clock.now() - before;
    expect(modelled).toBeGreaterThanOrEqual(5950);
    expect(modelled).toBeLessThan(6000);
  });

  it('reads a photo by OCR, and a JPEG attached with a generic type by its name', () => {
    env = install();
    const text = readFileText(env.blob(RECEIPT_JPG, 'application/octet-stream', 'IMG_2481.JPG'), {
      ocrLanguage: 'ja',
    });
    expect(text).toContain('喫茶 山小屋');
    expect(env.docsLeft()).toEqual([]);
  });

  it('refuses another type or a file over the limit before any call to Drive', () => {
    env = install();
    // Large blobs made directly (a byte array of 10 MB through the realm takes seconds).
    const big = new Blob(env.ws, new Uint8Array(MAX_READABLE_BYTES + 1), 'image/png', 'scan.png');
    const tooBig = userError(() => readFileText(big, { ocrLanguage: 'ja' }));
    expect(tooBig.text).toEqual({
      ja: 'scan.png は 10.0 MB あります。読み取れるのは 10.0 MB までのファイルです',
      en: 'scan.png is 10.0 MB: files of up to 10.0 MB can be read',
    });
    // A 20 MB photo attached to a mail: its size is asked, not its bytes.
    env.ws.GmailApp.deliver({
      from: 'a@example.jp',
      subject: '領収書',
      attachments: [
        { name: 'photo.jpg', contentType: 'image/jpeg', data: new Uint8Array(20 * 1024 * 1024) },
      ],
    });
    const [message] = [...env.ws.GmailApp.box.messages.values()];
    const [attachment] = message!.getAttachments();
    const twenty = userError(() =>
      readFileText(attachment as unknown as GoogleAppsScript.Base.Blob, { ocrLanguage: 'ja' }),
    );
    expect(twenty.text.en).toBe('photo.jpg is 20.0 MB: files of up to 10.0 MB can be read');
    const other = userError(() =>
      readFileText(env.blob(new Uint8Array([1, 2]), 'image/gif', 'anim.gif'), {
        ocrLanguage: 'ja',
      }),
    );
    expect(other.text).toEqual({
      ja: 'anim.gif は読み取れません。読み取れるのは PDF・PNG・JPEG のファイルです',
      en: 'anim.gif cannot be read: only PDF, PNG and JPEG files can',
    });
    expect(env.ws.meter.total('Drive')).toBe(0);
    expect(env.ws.meter.total('UrlFetchApp')).toBe(0);
  });

  it('says a corrupt PDF cannot be read, and leaves no Doc behind', () => {
    env = install();
    const broken = userError(() =>
      readFileText(env.blob(Buffer.from('%PDF-1.7\n%broken'), 'application/pdf', 'bad.pdf'), {
        ocrLanguage: 'ja',
      }),
    );
    expect(broken.text.en).toBe('Drive could not read bad.pdf: check that the file is not damaged');
    expect(env.docsLeft()).toEqual([]);
  });

  it('deletes the temporary Doc when reading its text fails', () => {
    // A manifest without script.external_request: the export cannot be fetched.
    env = install({
      oauthScopes: MANIFEST.oauthScopes.filter((s) => !s.endsWith('script.external_request')),
    });
    expect(() =>
      readFileText(env.blob(INVOICE_PDF, 'application/pdf', '請求書.pdf'), { ocrLanguage: 'ja' }),
    ).toThrow('Specified permissions are not sufficient to call UrlFetchApp.fetch');
    expect(env.ws.meter.counts()['Drive.Files.remove']).toBe(1);
    expect(env.docsLeft()).toEqual([]);
  });
});
