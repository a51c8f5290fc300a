/**
 * The shapes that cross google.script.run between the sidebars and the server. Sidebars import
 * these as types only; the server validates every incoming value with zod (src/ui/rpc.ts).
 * Only JSON values cross: no Date, no undefined inside arrays, no functions.
 */

import type { Lang } from '../core/bilingual';

export type { Lang };
export type RoundingMethod = 'floor' | 'round' | 'ceil';

/** The owner's settings as the sidebar edits them. Amounts are integer yen; text is as typed. */
export interface SettingsForm {
  companyName: string;
  /** `T` + 13 digits, or '' when the owner is not registered. */
  registrationNumber: string;
  postalCode: string;
  address: string;
  phone: string;
  email: string;
  /** Bank account shown on invoices. */
  bankName: string;
  bankBranch: string;
  accountType: '普通' | '当座';
  accountNumber: string;
  accountHolder: string;
  rounding: RoundingMethod;
  /** Default payment terms for new clients, as written in Japanese (e.g. 月末締め翌月末払い). */
  defaultTerms: string;
}

export interface FieldIssue {
  field: keyof SettingsForm;
  /** Japanese first, then English: `登録番号の形式が正しくありません / Invalid registration number`. */
  message: string;
  /** Warnings do not block saving (e.g. an individual's registration number failing the check). */
  severity: 'error' | 'warning';
}

export interface SettingsView {
  lang: Lang;
  settings: SettingsForm;
  /** True when the workbook has not been set up yet (the sidebar offers to set it up). */
  needsSetup: boolean;
  /** Problems found in what the 設定 sheet holds (the owner may have typed there directly). */
  issues: FieldIssue[];
}

/** What `setupWorkbook` did, sheet by sheet. */
export interface SetupReport {
  /** Sheets created. */
  created: string[];
  /** Sheets that existed and got missing columns or setting rows. */
  updated: string[];
  /** Sheets already complete. */
  unchanged: string[];
  /** A one-line summary for the user, Japanese first. */
  message: string;
}

export type SaveResult =
  | { ok: true; settings: SettingsForm; warnings: FieldIssue[] }
  | { ok: false; issues: FieldIssue[] };
