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
  if (bytes.length > MAX_STATEMENT_BYTES) {
    throw new UserError(
      `ファイルが大きすぎます(${formatYen(MAX_STATEMENT_BYTES / 1024 / 1024)}MBまで)。期間を分けてダウンロードしてください`,
      `The file is too large (at most ${formatYen(MAX_STATEMENT_BYTES / 1024 / 1024)} MB): download shorter periods`,
    );
  }
  const blob = Utilities.newBlob(bytes);
  const utf8 = blob.getDataAsString('UTF-8');
  if (!utf8.includes('\ufffd')) return utf8;
  return blob.getDataAsString(CP932);
}
