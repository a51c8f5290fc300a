/**
 * The bank and branch directory (zengin-code), which scripts/build.mjs writes as the project file
 * zengin-data.html: about 900 KB that Code.js never carries. Apps Script parses only the script
 * files on every execution; this one is read (two HtmlService calls) only by a run that checks
 * bank codes. A run reads it once and passes it down.
 */
import type { BankDirectoryData } from '../core/transfers/bankDirectory';

export const BANK_DIRECTORY_FILE = 'zengin-data';

/** The directory, or null when the project lacks the file or it cannot be read. */
export function readBankDirectory(): BankDirectoryData | null {
  try {
    const content = HtmlService.createHtmlOutputFromFile(BANK_DIRECTORY_FILE).getContent();
    const json = content.slice(content.indexOf('{'), content.lastIndexOf('}') + 1);
    const data = JSON.parse(json) as BankDirectoryData;
    if (typeof data.updatedAt === 'string' && data.banks && typeof data.banks === 'object') {
      return data;
    }
  } catch (e) {
    console.error(`bank directory: ${e instanceof Error ? e.message : String(e)}`);
  }
  return null;
}
