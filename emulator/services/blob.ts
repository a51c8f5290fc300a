import { escapeHtmlAsCharRefs } from '../core/html-escape';
import { API_NAME } from '../core/instrument';
import { PDF_CONVERSION_RULE } from '../core/latency';
import type { Workspace } from '../workspace';
import { charsetOf, decode, encode, fromByteArray, toSignedBytes } from './charset';
import { estimatePdfPages } from './pdf-pages';

/** The global `MimeType` enum: plain strings, exactly Apps Script's values. */
export const MimeType: GoogleAppsScript.Base.MimeType = Object.freeze({
  GOOGLE_APPS_SCRIPT: 'application/vnd.google-apps.script',
  GOOGLE_DRAWINGS: 'application/vnd.google-apps.drawing',
  GOOGLE_DOCS: 'application/vnd.google-apps.document',
  GOOGLE_FORMS: 'application/vnd.google-apps.form',
  GOOGLE_SHEETS: 'application/vnd.google-apps.spreadsheet',
  GOOGLE_SITES: 'application/vnd.google-apps.site',
  GOOGLE_SLIDES: 'application/vnd.google-apps.presentation',
  FOLDER: 'application/vnd.google-apps.folder',
  SHORTCUT: 'application/vnd.google-apps.shortcut',
  BMP: 'image/bmp',
  GIF: 'image/gif',
  JPEG: 'image/jpeg',
  PNG: 'image/png',
  SVG: 'image/svg+xml',
  PDF: 'application/pdf',
  CSS: 'text/css',
  CSV: 'text/csv',
  HTML: 'text/html',
  JAVASCRIPT: 'application/javascript',
  PLAIN_TEXT: 'text/plain',
  RTF: 'application/rtf',
  OPENDOCUMENT_GRAPHICS: 'application/vnd.oasis.opendocument.graphics',
  OPENDOCUMENT_PRESENTATION: 'application/vnd.oasis.opendocument.presentation',
  OPENDOCUMENT_SPREADSHEET: 'application/vnd.oasis.opendocument.spreadsheet',
  OPENDOCUMENT_TEXT: 'application/vnd.oasis.opendocument.text',
  MICROSOFT_EXCEL: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  MICROSOFT_EXCEL_LEGACY: 'application/vnd.ms-excel',
  MICROSOFT_POWERPOINT: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  MICROSOFT_POWERPOINT_LEGACY: 'application/vnd.ms-powerpoint',
  MICROSOFT_WORD: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  MICROSOFT_WORD_LEGACY: 'application/msword',
  ZIP: 'application/zip',
  // No JSON: Apps Script's global MimeType has none (ContentService.MimeType.JSON is another enum).
});

const EXTENSION_TYPES: Record<string, string> = {
  txt: 'text/plain',
  html: 'text/html',
  htm: 'text/html',
  csv: 'text/csv',
  css: 'text/css',
  js: 'application/javascript',
  json: 'application/json',
  pdf: 'application/pdf',
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  gif: 'image/gif',
  bmp: 'image/bmp',
  svg: 'image/svg+xml',
  zip: 'application/zip',
  rtf: 'application/rtf',
  xlsx: MimeType.MICROSOFT_EXCEL,
  xls: MimeType.MICROSOFT_EXCEL_LEGACY,
  docx: MimeType.MICROSOFT_WORD,
  doc: MimeType.MICROSOFT_WORD_LEGACY,
  pptx: MimeType.MICROSOFT_POWERPOINT,
  ppt: MimeType.MICROSOFT_POWERPOINT_LEGACY,
  ods: MimeType.OPENDOCUMENT_SPREADSHEET,
  odt: MimeType.OPENDOCUMENT_TEXT,
};

/**
 * First bytes of every PDF the emulator "converts". The bytes that follow are the source HTML
 * (UTF-8), so a PDF saved to the emulated Drive or attached to a draft still carries what it was
 * made from; the local playground renders the real PDF from it with headless Chromium.
 */
export const EMULATED_PDF_MARKER =
  '%PDF-1.4\n%Pokke-emulated-PDF: the HTML below is rendered by the playground\n';

/** Types Apps Script can turn into a PDF with getAs (HTML, text, images; Google files go via Drive). */
const PDF_SOURCES = new Set([
  'text/html',
  'text/plain',
  'image/png',
  'image/jpeg',
  'image/gif',
  'image/bmp',
]);

export type BlobData = string | readonly unknown[] | Uint8Array;

/**
 * Apps Script's Blob, shared by Utilities, DriveApp, GmailApp and HtmlService. Bytes are kept raw;
 * getBytes() hands out Java's signed bytes.
 */
export class Blob implements GoogleAppsScript.Base.Blob {
  readonly [API_NAME] = 'Blob';
  private data: Buffer;
  private contentType: string | null;
  private name: string | null;
  /**
   * Emulator-only: for a PDF made by `getAs('application/pdf')`, the HTML it was converted from.
   * The playground renders it with headless Chromium (`page.pdf()`); tests can read it directly.
   */
  sourceHtml: string | undefined;

  constructor(
    private readonly ws: Workspace,
    data: BlobData = [],
    contentType?: string | null,
    name?: string | null,
  ) {
    if (typeof data === 'string') {
      this.data = encode(data);
      this.contentType = contentType ?? 'text/plain';
    } else {
      this.data = data instanceof Uint8Array ? Buffer.from(data) : fromByteArray(data);
      this.contentType = contentType ?? null;
    }
    this.name = name ?? null;
  }

  /** Emulator-only: the raw bytes (no copy of Java semantics, not counted). */
  raw(): Buffer {
    return this.data;
  }

  toString(): string {
    return 'Blob';
  }

  getBlob(): Blob {
    return this;
  }

  /** Deprecated in Apps Script; a plain blob holds just itself. */
  getAllBlobs(): Blob[] {
    return [this];
  }

  getBytes(): number[] {
    return toSignedBytes(this.data);
  }

  setBytes(data: GoogleAppsScript.Byte[]): Blob {
    this.data = fromByteArray(data);
    this.sourceHtml = undefined;
    return this;
  }

  getDataAsString(charset?: string): string {
    return decode(this.data, charset === undefined ? 'utf-8' : charsetOf(charset));
  }

  setDataFromString(string: string, charset?: string): Blob {
    this.data = encode(String(string), charset === undefined ? 'utf-8' : charsetOf(charset));
    this.sourceHtml = undefined;
    return this;
  }

  getContentType(): string | null {
    return this.contentType;
  }

  setContentType(contentType: string | null): Blob {
    this.contentType = contentType;
    return this;
  }

  setContentTypeFromExtension(): Blob {
    const ext = /\.([^.]+)$/.exec(this.name ?? '')?.[1]?.toLowerCase();
    const type = ext ? EXTENSION_TYPES[ext] : undefined;
    // Wording unconfirmed on a live account.
    if (!type)
      throw new Error(
        `Could not determine the content type from the file name: ${this.name ?? ''}`,
      );
    this.contentType = type;
    return this;
  }

  getName(): string | null {
    return this.name;
  }

  setName(name: string): Blob {
    this.name = String(name);
    return this;
  }

  isGoogleType(): boolean {
    return (this.contentType ?? '').startsWith('application/vnd.google-apps.');
  }

  copyBlob(): Blob {
    const copy = new Blob(this.ws, this.data, this.contentType, this.name);
    copy.sourceHtml = this.sourceHtml;
    return copy;
  }

  /**
   * Converts the blob. Only conversion to PDF is modelled: it consumes one unit of the daily
   * `conversions` quota, costs more the more pages it renders (see pdf-pages.ts) and returns an
   * emulated PDF (see EMULATED_PDF_MARKER and `sourceHtml`).
   * As on Apps Script the name's last extension is replaced: "ShoppingList.12.25.2014" becomes
   * "ShoppingList.12.25.pdf".
   */
  getAs(contentType: string): Blob {
    const target = String(contentType).toLowerCase();
    const from =
      (this.contentType ?? 'application/octet-stream').toLowerCase().split(';')[0]?.trim() ?? '';
    if (target === from) return this.copyBlob();
    if (target !== 'application/pdf' || !PDF_SOURCES.has(from)) {
      throw new Error(`Converting from ${from} to ${target} is not supported.`);
    }
    this.ws.meter.consume('conversions');
    let html: string;
    if (from === 'text/html') html = this.getDataAsString();
    else if (from === 'text/plain')
      html = `<pre>${escapeHtmlAsCharRefs(this.getDataAsString())}</pre>`;
    else html = `<img src="data:${from};base64,${this.data.toString('base64')}">`;
    this.ws.meter.chargeUnits(PDF_CONVERSION_RULE, estimatePdfPages(html) - 1);
    const pdf = new Blob(
      this.ws,
      Buffer.concat([Buffer.from(EMULATED_PDF_MARKER, 'utf8'), Buffer.from(html, 'utf8')]),
      'application/pdf',
      this.name === null ? null : `${this.name.replace(/\.[^.]*$/, '')}.pdf`,
    );
    pdf.sourceHtml = html;
    return pdf;
  }
}

/** The emulator Blob behind any BlobSource (a Blob, a File, an attachment...). */
export function blobOf(ws: Workspace, source: GoogleAppsScript.Base.BlobSource): Blob {
  const blob: unknown = source.getBlob();
  if (blob instanceof Blob) return blob;
  const b = blob as GoogleAppsScript.Base.Blob;
  return new Blob(ws, b.getBytes(), b.getContentType(), b.getName());
}

/** Emulator-only: the HTML inside an emulated PDF's bytes, or undefined for any other bytes. */
export function emulatedPdfHtml(bytes: Uint8Array): string | undefined {
  const marker = Buffer.from(EMULATED_PDF_MARKER, 'utf8');
  const buf = Buffer.from(bytes);
  if (buf.length < marker.length || !buf.subarray(0, marker.length).equals(marker))
    return undefined;
  return buf.subarray(marker.length).toString('utf8');
}
