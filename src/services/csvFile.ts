/**
 * CSV files in Drive (Drive advanced service, API v3, `drive.file` scope like drive.ts), in the
 * encoding the reader expects. Apps Script's V8 has no TextEncoder: the bytes come from
 * `Blob.setDataFromString(text, charset)`, which encodes with the server's Java charsets.
 *
 * A character the charset lacks would be written as `?` without a word (Java's encoder replaces
 * it): the text is decoded back and compared, and where it differs the file is not saved and the
 * caller learns the first character that did not survive, to name its row.
 */
import type { CsvEncoding } from '../core/expenses/export';
import { type DriveFileRef, type DriveFolderRef, ensureFolderPath } from './drive';

const CSV_MIME = 'text/csv';

/** The Java charset name `setDataFromString` takes, and whether a byte-order mark leads. */
const CHARSETS: Readonly<Record<CsvEncoding, { charset: string; bom: boolean }>> = {
  'utf-8-bom': { charset: 'UTF-8', bom: true },
  shift_jis: { charset: 'Shift_JIS', bom: false },
};

export type EncodedCsv =
  | { readonly ok: true; readonly blob: GoogleAppsScript.Base.Blob }
  | {
      readonly ok: false;
      /** Index in `text` of the first character the charset lacks. */
      readonly at: number;
      readonly character: string;
    };

/** The bytes of `text` in `encoding` as a named CSV blob, or where the charset fails it. */
export function encodeCsv(text: string, encoding: CsvEncoding, fileName: string): EncodedCsv {
  const { charset, bom } = CHARSETS[encoding];
  const content = bom ? `\uFEFF${text}` : text;
  const blob = Utilities.newBlob('', CSV_MIME, fileName);
  blob.setDataFromString(content, charset);
  const back = blob.getDataAsString(charset);
  if (back === content) return { ok: true, blob };
  const at = firstDifference(content, back) - (bom ? 1 : 0);
  const code = text.codePointAt(at) ?? 0xfffd;
  return { ok: false, at, character: String.fromCodePoint(code) };
}

function firstDifference(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) if (a[i] !== b[i]) return i;
  return n;
}

/** The folder at `folderPath` below My Drive, created where missing (one lookup per level). */
export function csvFolder(folderPath: readonly string[]): DriveFolderRef {
  return ensureFolderPath(folderPath);
}

/** Creates the file in `folder`; a file of the same name there is left as it is. */
export function saveCsvFile(
  folder: DriveFolderRef,
  blob: GoogleAppsScript.Base.Blob,
): DriveFileRef {
  const created = (Drive as GoogleAppsScript.Drive).Files.create(
    { name: blob.getName() ?? 'export.csv', parents: [folder.id], mimeType: CSV_MIME },
    blob,
    { fields: 'id,webViewLink' },
  );
  return { id: String(created.id), url: String(created.webViewLink) };
}
