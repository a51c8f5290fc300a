/**
 * Bank and branch codes checked against the `zengin-code` data, with the names shown for the owner
 * to confirm. The data (about 5 MB in the package) never goes into Code.js: scripts/
 * build-zengin-data.mjs writes it in the compact form below to a file that the sidebar or the
 * playground loads when it needs it, and passes here.
 */
import { type Text, text } from '../text';

/**
 * The compact directory. Each bank is one string of lines joined with "\n": first
 * "<kana>\t<name>" of the bank, then one line per branch, "<3-digit code><kana>\t<name>".
 * Kana are full-width katakana as in zengin-code (ミズホ); names are without 銀行 (みずほ).
 */
export interface BankDirectoryData {
  /** zengin-code's data date, YYYYMMDD. */
  readonly updatedAt: string;
  /** Bank code (4 digits) → its lines. */
  readonly banks: Readonly<Record<string, string>>;
}

export interface DirectoryEntry {
  readonly code: string;
  readonly name: string;
  readonly kana: string;
}

export type BranchLookup =
  | { ok: true; bank: DirectoryEntry; branch: DirectoryEntry }
  | { ok: false; message: Text };

const BRANCH_CODE_LENGTH = 3;

function entry(code: string, line: string): DirectoryEntry {
  const tab = line.indexOf('\t');
  return { code, kana: line.slice(0, tab), name: line.slice(tab + 1) };
}

/** The bank with code `bankCode` (4 digits), or null. */
export function lookupBank(data: BankDirectoryData, bankCode: string): DirectoryEntry | null {
  const lines: unknown = data.banks[bankCode];
  // A string only for a bank: `toString` and the like come from the prototype as functions.
  if (typeof lines !== 'string') return null;
  const end = lines.indexOf('\n');
  return entry(bankCode, end < 0 ? lines : lines.slice(0, end));
}

/** The bank and the branch for the codes of a payee (4 and 3 digits), or why they are not valid. */
export function lookupBranch(
  data: BankDirectoryData,
  bankCode: string,
  branchCode: string,
): BranchLookup {
  const bank = lookupBank(data, bankCode);
  if (!bank) {
    return {
      ok: false,
      message: text(
        `銀行コード${bankCode}の金融機関はありません`,
        `No bank has the code ${bankCode}`,
      ),
    };
  }
  const lines = data.banks[bankCode]!;
  const at = /^\d{3}$/.test(branchCode) ? lines.indexOf(`\n${branchCode}`) : -1;
  if (at < 0) {
    return {
      ok: false,
      message: text(
        `${bank.name}(${bankCode})に支店コード${branchCode}の支店はありません`,
        `${bank.name} (${bankCode}) has no branch with the code ${branchCode}`,
      ),
    };
  }
  const start = at + 1 + BRANCH_CODE_LENGTH;
  const end = lines.indexOf('\n', start);
  const branch = entry(branchCode, lines.slice(start, end < 0 ? undefined : end));
  return { ok: true, bank, branch };
}
