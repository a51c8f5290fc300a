/**
 * The bank and branch directory (zengin-code), which scripts/build.mjs writes as the project file
 * zengin-data.html: about 900 KB that Code.js never carries. Apps Script parses only the script
 * files on every execution; this one is read (one HtmlService call) only by a run that checks
 * bank codes, and once per execution.
 */
import type { BankDirectoryData } from '../core/transfers/bankDirectory';

export const BANK_DIRECTORY_FILE = 'zengin-data';

let cached: BankDirectoryData | null | undefined;

/** The directory, or null when the project lacks the file or it cannot be read. */
export function readBankDirectory(): BankDirectoryData | null {
  if (cached !== undefined) return cached;
  cached = null;
  try {
    const content = HtmlService.createHtmlOutputFromFile(BANK_DIRECTORY_FILE).getContent();
    const json = content.slice(content.indexOf('{'), content.lastIndexOf('}') + 1);
    const data = JSON.parse(json) as BankDirectoryData;
    if (typeof data.updatedAt === 'string' && data.banks && typeof data.banks === 'object') {
      cached = data;
    }
  } catch (e) {
    console.error(`bank directory: ${e instanceof Error ? e.message : String(e)}`);
  }
  return cached;
}
