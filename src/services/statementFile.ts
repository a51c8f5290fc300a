/**
 * A bank statement file's bytes (base64 from the sidebar's upload) → text. Banks write Shift_JIS
 * (in fact Microsoft's CP932, with ① ㈱ and the like) or UTF-8, with or without a byte-order mark.
 * Bytes that are valid UTF-8 are read as UTF-8; anything else as CP932, by its Java name
 * `Windows-31J` (Apps Script's charsets are Java's; plain `Shift_JIS` lacks the NEC and IBM
 * characters CP932 files carry). Bytes neither reads leave U+FFFD, which the reader refuses.
 */
import { MAX_STATEMENT_BYTES } from '../core/contracts/payments';
import { formatYen } from '../core/money';
import { UserError } from '../core/text';

const CP932 = 'Windows-31J';

export function decodeStatementBytes(base64: string): string {
  let bytes: GoogleAppsScript.Byte[];
  try {
    bytes = Utilities.base64Decode(base64);
  } catch {
    throw new UserError('ファイルを受け取れませんでした', 'The file did not arrive whole');
  }
  return decodeStatementByteArray(bytes);
}

function tooLarge(): UserError {
  return new UserError(
    `ファイルが大きすぎます(${formatYen(MAX_STATEMENT_BYTES / 1024 / 1024)}MBまで)。期間を分けてダウンロードしてください`,
    `The file is too large (at most ${formatYen(MAX_STATEMENT_BYTES / 1024 / 1024)} MB): download shorter periods`,
  );
}

/** The same decoding for bytes already at hand (a file read from Drive). */
export function decodeStatementByteArray(bytes: GoogleAppsScript.Byte[]): string {
  if (bytes.length > MAX_STATEMENT_BYTES) throw tooLarge();
  const blob = Utilities.newBlob(bytes);
  const utf8 = blob.getDataAsString('UTF-8');
  if (!utf8.includes('\ufffd')) return utf8;
  return blob.getDataAsString(CP932);
}

/**
 * The bytes of a statement the owner picked in Drive with the Google Picker. With the drive.file
 * scope Pokke reads only files it created or the user picked for it: any other id answers
 * `File not found`, which is told as "pick it again" (the file may also have been deleted).
 *
 * The calls (developers.google.com/drive/api/reference/rest/v3/files/get, through the Drive
 * advanced service, which takes the API's parameters as its optional arguments):
 * - `Drive.Files.get(id, { fields: 'id,name,mimeType,size' })`: the metadata, to refuse a Google
 *   Sheet (it has no bytes to download: it would need files.export) or a file over 10 MB before
 *   downloading anything;
 * - `Drive.Files.get(id, { alt: 'media' })`: "If you provide the URL parameter alt=media, then the
 *   response includes the file contents in the response body". Apps Script documents no return
 *   type for it: a Blob, bytes or a string are all taken (a string can only be UTF-8 text; a
 *   Shift_JIS file read as one would be refused by the encoding check).
 */
export function readPickedStatement(fileId: string): {
  readonly name: string;
  readonly bytes: GoogleAppsScript.Byte[];
} {
  const files = (Drive as GoogleAppsScript.Drive).Files;
  let meta: GoogleAppsScript.Drive_v3.Drive.V3.Schema.File;
  try {
    meta = files.get(fileId, { fields: 'id,name,mimeType,size' });
  } catch (e) {
    if (e instanceof Error && /File not found/i.test(e.message)) {
      throw new UserError(
        'このファイルはPokkeから読めません。「Driveから選ぶ」でファイルを選び直してください(削除されたか、Pokkeに選ばれていないファイルです)',
        'Pokke cannot read this file: choose it again with "Choose from Drive" (it was deleted, or never picked for Pokke)',
      );
    }
    throw e;
  }
  const name = String(meta.name ?? '');
  if (String(meta.mimeType ?? '').startsWith('application/vnd.google-apps.')) {
    throw new UserError(
      `${name} はGoogleスプレッドシートなどのファイルです。銀行からダウンロードしたCSVファイルを選んでください`,
      `${name} is a Google Docs editors file: choose the CSV file as downloaded from the bank`,
    );
  }
  if (Number(meta.size ?? 0) > MAX_STATEMENT_BYTES) throw tooLarge();
  return { name, bytes: bytesOf(files.get(fileId, { alt: 'media' }) as unknown) };
}

function bytesOf(content: unknown): GoogleAppsScript.Byte[] {
  if (typeof content === 'string') return Utilities.newBlob(content).getBytes();
  if (Array.isArray(content)) return content as GoogleAppsScript.Byte[];
  const blob = content as Partial<GoogleAppsScript.Base.BlobSource> | null;
  if (blob && typeof blob.getBlob === 'function') return blob.getBlob().getBytes();
  throw new UserError('ファイルを受け取れませんでした', 'The file did not arrive whole');
}
