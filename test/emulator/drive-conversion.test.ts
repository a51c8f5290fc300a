import { readFileSync } from 'node:fs';
import { DOC_CONVERSION_RULE, latencyOf } from '../../emulator/core/latency';
import { GOOGLE_DOC_MIME, TESSERACT_INSTALL } from '../../emulator/services/drive/conversion';
import type { File } from '../../emulator/services/drive/items';
import { Workspace, type WorkspaceOptions } from '../../emulator/workspace';

/**
 * The Drive advanced service's conversion of an upload to a Google Doc, read back through the
 * Drive API's export with UrlFetchApp: real PDF text (PDF.js) and real OCR (tesseract).
 */

type GDrive = GoogleAppsScript.Drive;
type GUrlFetch = GoogleAppsScript.URL_Fetch.UrlFetchApp;
type GUtilities = GoogleAppsScript.Utilities.Utilities;

const DRIVE_V3 = { userSymbol: 'Drive', serviceId: 'drive', version: 'v3' } as const;
const INVOICE_PDF = readFileSync('playground/demo/receipts/supplier-invoice.pdf');
const RECEIPT_JPG = readFileSync('playground/demo/receipts/cafe-receipt.jpg');
// One empty page and no text layer, as a scanner without OCR writes it (PDF.js rebuilds the xref).
const SCAN_PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj <</Type/Catalog/Pages 2 0 R>> endobj\n' +
    '2 0 obj <</Type/Pages/Kids[3 0 R]/Count 1>> endobj\n' +
    '3 0 obj <</Type/Page/Parent 2 0 R/MediaBox[0 0 200 200]>> endobj\n' +
    'trailer <</Root 1 0 R>>\n%%EOF\n',
);

function setup(options: WorkspaceOptions = {}) {
  const ws = new Workspace({ advancedServices: [DRIVE_V3], ...options });
  const g = ws.globals();
  return {
    ws,
    Drive: g.Drive as GDrive,
    UrlFetchApp: g.UrlFetchApp as GUrlFetch,
    Utilities: g.Utilities as GUtilities,
  };
}

function exportUrl(id: string): string {
  return `https://www.googleapis.com/drive/v3/files/${id}/export?mimeType=text%2Fplain`;
}

function toDoc(
  s: ReturnType<typeof setup>,
  bytes: Uint8Array,
  type: string,
  ocrLanguage?: string,
): string {
  const blob = s.Utilities.newBlob([...bytes], type, 'upload');
  const options = ocrLanguage === undefined ? {} : { ocrLanguage };
  const doc = s.Drive.Files.create({ name: 'OCR', mimeType: GOOGLE_DOC_MIME }, blob, options);
  return String(doc.id);
}

/** The Doc's text as the export answers it (BOM and CRLF kept). */
function exported(s: ReturnType<typeof setup>, id: string): string {
  const token = s.ws.ScriptApp.getOAuthToken();
  return s.UrlFetchApp.fetch(exportUrl(id), {
    headers: { Authorization: `Bearer ${token}` },
  }).getContentText('UTF-8');
}

describe('Drive.Files.create converting to a Google Doc', () => {
  it("makes a Doc whose text is a PDF's text layer", () => {
    const s = setup();
    const id = toDoc(s, INVOICE_PDF, 'application/pdf', 'ja');
    const doc = s.ws.DriveApp.store.items.get(id) as File;
    expect(doc.mimeType).toBe(GOOGLE_DOC_MIME);
    const text = exported(s, id);
    expect(text.startsWith('\uFEFF')).toBe(true);
    expect(text).toContain('\r\n');
    const lines = text.slice(1).split('\r\n');
    expect(lines).toEqual(
      expect.arrayContaining([
        '株式会社こもれび商会',
        '登録番号 T9000000007788',
        'ご請求金額 21,292円（税込）',
        '8%対象 2,400円 消費税 192円',
      ]),
    );
  });

  it('reads a photographed receipt with tesseract, in the language asked for', () => {
    const s = setup();
    const ja = exported(s, toDoc(s, RECEIPT_JPG, 'image/jpeg', 'ja'));
    expect(ja).toContain('喫茶 山小屋');
    expect(ja).toContain('登録番号 T9000000004455');
    expect(ja).toMatch(/合計\s+[¥\\]2,420/);
    // English only: tesseract's eng data has no kanji, so the shop's name cannot come out.
    const en = exported(s, toDoc(s, RECEIPT_JPG, 'image/jpeg', 'en'));
    expect(en).toContain('T9000000004455');
    expect(en).not.toMatch(/山小屋/);
  });

  it('gives an empty Doc for a PDF without a text layer, and refuses a corrupt one', () => {
    const s = setup();
    expect(exported(s, toDoc(s, SCAN_PDF, 'application/pdf'))).toBe('\uFEFF');
    expect(() => toDoc(s, Buffer.from('%PDF-1.4\nnot a pdf at all'), 'application/pdf')).toThrow(
      'API call to drive.files.create failed with error: The uploaded file could not be converted.',
    );
  });

  it('refuses what it cannot read instead of making up a text', () => {
    const s = setup();
    expect(() => toDoc(s, Buffer.from('PK\u0003\u0004'), 'application/zip')).toThrow(
      'Converting application/zip to a Google Doc is not emulated',
    );
    expect(() => toDoc(s, RECEIPT_JPG, 'image/jpeg', 'fr')).toThrow('OCR in fr is not emulated');
  });

  it('names the install command when tesseract or its Japanese data is missing', () => {
    const s = setup();
    const { PATH, TESSDATA_PREFIX } = process.env;
    try {
      process.env.PATH = '/nonexistent';
      expect(() => toDoc(s, RECEIPT_JPG, 'image/jpeg', 'ja')).toThrow(
        `The emulator's OCR needs tesseract: run ${TESSERACT_INSTALL}`,
      );
      process.env.PATH = PATH;
      process.env.TESSDATA_PREFIX = '/nonexistent';
      expect(() => toDoc(s, RECEIPT_JPG, 'image/jpeg', 'ja')).toThrow(
        `tesseract has no jpn+eng data: run ${TESSERACT_INSTALL}`,
      );
    } finally {
      process.env.PATH = PATH;
      if (TESSDATA_PREFIX === undefined) delete process.env.TESSDATA_PREFIX;
      else process.env.TESSDATA_PREFIX = TESSDATA_PREFIX;
    }
  });

  it('costs the upload plus the modelled conversion of each page read', () => {
    const s = setup();
    const before = s.ws.clock.now();
    toDoc(s, RECEIPT_JPG, 'image/jpeg', 'ja');
    const perPage = 5000;
    // Utilities.newBlob is local (0 ms); the upload 400 ms; one photographed page.
    expect(s.ws.clock.now() - before).toBe(latencyOf('Drive.Files.create') + perPage);
    toDoc(s, INVOICE_PDF, 'application/pdf', 'ja');
    expect(s.ws.meter.units()[DOC_CONVERSION_RULE]).toBe(2);
    expect(s.ws.meter.counts()['Drive.Files.create']).toBe(2);
  });
});

describe('Drive.Files.remove', () => {
  it("deletes the app's own file for good, and nothing it cannot see", () => {
    const s = setup({
      oauthScopes: [
        'https://www.googleapis.com/auth/drive.file',
        'https://www.googleapis.com/auth/script.external_request',
      ],
    });
    const id = toDoc(s, SCAN_PDF, 'application/pdf');
    s.Drive.Files.remove(id);
    expect(s.ws.DriveApp.store.items.has(id)).toBe(false);
    expect(() => s.Drive.Files.get(id)).toThrow(`File not found: ${id}.`);
    const theirs = s.ws.DriveApp.createFile('private.txt', 'x').getId();
    expect(() => s.Drive.Files.remove(theirs)).toThrow(
      `API call to drive.files.delete failed with error: File not found: ${theirs}.`,
    );
    expect(s.ws.DriveApp.store.items.has(theirs)).toBe(true);
    expect(s.ws.meter.counts()['Drive.Files.remove']).toBe(2);
  });
});

describe('UrlFetchApp: the Drive export of a Doc', () => {
  it('answers as the API does without the token, for a file that is not a Doc, or unseen', () => {
    const s = setup({
      oauthScopes: [
        'https://www.googleapis.com/auth/drive.file',
        'https://www.googleapis.com/auth/script.external_request',
      ],
    });
    const doc = toDoc(s, SCAN_PDF, 'application/pdf');
    const muted = (url: string, token?: string) =>
      s.UrlFetchApp.fetch(url, {
        headers: token ? { Authorization: `Bearer ${token}` } : {},
        muteHttpExceptions: true,
      }).getResponseCode();
    const token = s.ws.ScriptApp.getOAuthToken();
    expect(muted(exportUrl(doc))).toBe(401);
    expect(() => s.UrlFetchApp.fetch(exportUrl(doc))).toThrow(
      'Request failed for https://www.googleapis.com returned code 401',
    );
    const pdf = s.Drive.Files.create(
      { name: 'a.pdf', mimeType: 'application/pdf' },
      s.Utilities.newBlob([...SCAN_PDF], 'application/pdf', 'a.pdf'),
    );
    expect(muted(exportUrl(String(pdf.id)), token)).toBe(403);
    const theirs = s.ws.DriveApp.createFile('a.txt', 'x').getId();
    expect(muted(exportUrl(theirs), token)).toBe(404);
    expect(muted(exportUrl(doc), token)).toBe(200);
    expect(s.ws.meter.counts()['UrlFetchApp.fetch']).toBe(5);
  });

  it('needs script.external_request, and has no network for anything else', () => {
    const s = setup({ oauthScopes: ['https://www.googleapis.com/auth/drive.file'] });
    expect(() => s.UrlFetchApp.fetch(exportUrl('x'))).toThrow(
      'Specified permissions are not sufficient to call UrlFetchApp.fetch. Required permissions: https://www.googleapis.com/auth/script.external_request',
    );
    const open = setup();
    expect(() => open.UrlFetchApp.fetch('https://example.com/')).toThrow(
      'https://example.com/) is not emulated',
    );
  });
});
