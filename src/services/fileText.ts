import { UserError } from '../core/text';

/**
 * The text of a PDF or a photo (PNG, JPEG), read by Drive: the file is uploaded as a temporary
 * Google Doc, which makes Drive convert it (OCR for an image or a scan), the Doc's text is
 * exported, and the Doc is deleted, also when the reading fails.
 *
 * The calls, checked against Google's references:
 * - `Drive.Files.create({ name, mimeType: 'application/vnd.google-apps.document', parents },
 *   blob, { ocrLanguage, fields: 'id' })`: Drive API v3 files.create with media converts the
 *   upload to the resource's Google type; `ocrLanguage` is its "hint for OCR processing during
 *   image import (ISO 639-1 code)" (developers.google.com/drive/api/reference/rest/v3/files/create;
 *   the advanced service takes the resource, the media blob and the optional arguments, as in the
 *   "Upload files" sample of developers.google.com/apps-script/advanced/drive).
 * - The Doc's text: `GET https://www.googleapis.com/drive/v3/files/{id}/export?mimeType=text/plain`
 *   with `UrlFetchApp.fetch` and the script's own token (`ScriptApp.getOAuthToken()`). Not
 *   `Drive.Files.export`: the advanced service declares it as returning nothing, and on a live
 *   account it only answers with `{alt: 'media'}` (Google issue 468534237, reported in
 *   brucemcpherson/gas-fakes#117), in an undocumented form. Not `DocumentApp.openById(id)
 *   .getBody().getText()`: it needs the `documents` scope, access to every Doc of the user.
 *   The export needs only `drive.file` (the Doc is Pokke's own file) plus
 *   `script.external_request` for UrlFetchApp, and the manifest's `urlFetchWhitelist` limits
 *   fetches to the Drive API's files URLs.
 * - `Drive.Files.remove(id)`: files.delete, for good (the Doc never reaches the trash).
 *
 * Drive's help asks for OCR files of 2 MB or less (support.google.com/drive/answer/176692);
 * larger photos are converted all the same, so Pokke refuses only files over 10 MB (a phone
 * photo is 2–8 MB; the Docs export returns at most 10 MB), before any call is made.
 */

const GOOGLE_DOC_MIME = 'application/vnd.google-apps.document';
const EXPORT_URL = 'https://www.googleapis.com/drive/v3/files/';

/** The files Pokke has Drive read, by content type and by file name extension. */
export const READABLE_FILE_TYPES: Readonly<Record<string, string>> = {
  'application/pdf': 'pdf',
  'image/png': 'png',
  'image/jpeg': 'jpg',
};

/** The largest file Pokke has Drive read. */
export const MAX_READABLE_BYTES = 10 * 1024 * 1024;

/** The language Drive's OCR is told to expect (ISO 639-1). */
export type OcrLanguage = 'ja' | 'en';

export interface ReadFileTextOptions {
  readonly ocrLanguage: OcrLanguage;
  /** The folder the temporary Doc is made in (default: My Drive). */
  readonly folderId?: string;
}

function drive(): GoogleAppsScript.Drive {
  // The global exists only when the manifest enables the service (ReferenceError otherwise).
  return Drive as GoogleAppsScript.Drive;
}

/**
 * The file's type when Drive can read it (PDF, PNG, JPEG): its content type, or its name's
 * extension for a generic type; null otherwise.
 */
export function readableType(contentType: string | null, name: string): string | null {
  const type = (contentType ?? '').toLowerCase().split(';')[0]?.trim() ?? '';
  if (type in READABLE_FILE_TYPES) return type;
  if (type !== '' && type !== 'application/octet-stream') return null;
  const ext = /\.([a-z0-9]+)$/i.exec(name)?.[1]?.toLowerCase();
  if (ext === 'pdf') return 'application/pdf';
  if (ext === 'png') return 'image/png';
  if (ext === 'jpg' || ext === 'jpeg') return 'image/jpeg';
  return null;
}

function megabytes(bytes: number): string {
  return (bytes / (1024 * 1024)).toFixed(1);
}

/**
 * The text Drive reads in a PDF or an image, with LF line ends. Throws a UserError for a file of
 * another type, one over MAX_READABLE_BYTES, or one Drive cannot convert.
 */
export function readFileText(
  blob: GoogleAppsScript.Base.Blob,
  options: ReadFileTextOptions,
): string {
  const name = blob.getName() ?? '';
  const type = readableType(blob.getContentType(), name);
  if (type === null) {
    throw new UserError(
      `${name || 'このファイル'} は読み取れません。読み取れるのは PDF・PNG・JPEG のファイルです`,
      `${name || 'This file'} cannot be read: only PDF, PNG and JPEG files can`,
    );
  }
  // A Gmail attachment knows its size; a Blob only tells it by handing out all its bytes.
  const sized = blob as Partial<Pick<GoogleAppsScript.Gmail.GmailAttachment, 'getSize'>>;
  const size = typeof sized.getSize === 'function' ? sized.getSize() : blob.getBytes().length;
  if (size > MAX_READABLE_BYTES) {
    throw new UserError(
      `${name} は ${megabytes(size)} MB あります。読み取れるのは ${megabytes(MAX_READABLE_BYTES)} MB までのファイルです`,
      `${name} is ${megabytes(size)} MB: files of up to ${megabytes(MAX_READABLE_BYTES)} MB can be read`,
    );
  }
  const docId = createDoc(blob, type, name, options);
  try {
    return exportText(docId, name);
  } finally {
    drive().Files.remove(docId);
  }
}

function createDoc(
  blob: GoogleAppsScript.Base.Blob,
  type: string,
  name: string,
  options: ReadFileTextOptions,
): string {
  const resource: GoogleAppsScript.Drive_v3.Drive.V3.Schema.File = {
    name: `Pokke OCR ${name}`,
    mimeType: GOOGLE_DOC_MIME,
  };
  if (options.folderId) resource.parents = [options.folderId];
  // A Gmail attachment may carry a generic type: Drive converts what the upload says it is.
  const media = blob.getContentType() === type ? blob : blob.copyBlob().setContentType(type);
  try {
    const doc = drive().Files.create(resource, media, {
      ocrLanguage: options.ocrLanguage,
      fields: 'id',
    });
    return String(doc.id);
  } catch (e) {
    if (e instanceof Error && e.name === 'GoogleJsonResponseException') {
      throw new UserError(
        `${name} を Drive で読み取れませんでした。壊れていないファイルか確かめてください`,
        `Drive could not read ${name}: check that the file is not damaged`,
      );
    }
    throw e;
  }
}

function exportText(docId: string, name: string): string {
  const response = UrlFetchApp.fetch(
    `${EXPORT_URL}${encodeURIComponent(docId)}/export?mimeType=text%2Fplain`,
    {
      headers: { Authorization: `Bearer ${ScriptApp.getOAuthToken()}` },
      muteHttpExceptions: true,
    },
  );
  const code = response.getResponseCode();
  if (code !== 200) {
    throw new UserError(
      `${name} の文字を Drive から受け取れませんでした（応答コード ${code}）`,
      `The text of ${name} could not be fetched from Drive (response code ${code})`,
    );
  }
  return response
    .getContentText('UTF-8')
    .replace(/^\uFEFF/, '')
    .replace(/\r\n?/g, '\n')
    .trim();
}
