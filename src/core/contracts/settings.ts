/**
 * The shapes of the settings sidebar and of setup that cross google.script.run. Types only, below
 * both the features and the sidebars; the server validates every incoming value with zod
 * (src/ui/rpc.ts). Only JSON values cross: no Date, no undefined inside arrays, no functions.
 */

import type { Lang, LanguageChoice, Text } from '../text';

export type { Lang, LanguageChoice, Text };
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
  /**
   * The names English invoices and mails carry instead (optional: an English document falls back
   * on the Japanese name). The account holder stays in kana, as the bank shows it.
   */
  companyNameEn?: string;
  addressEn?: string;
  bankNameEn?: string;
  bankBranchEn?: string;
  rounding: RoundingMethod;
  /** Default payment terms for new clients, as written in Japanese (e.g. 月末締め翌月末払い). */
  defaultTerms: string;
  /** 請求書番号の形式, e.g. `{YYYY}-{MM}-{SEQ4}` (src/core/invoice/numbering.ts). */
  invoiceNumberPattern: string;
  /** 請求書の備考: printed under 備考 on every invoice; may span lines. */
  invoiceNote: string;
  /**
   * 振込手数料のお願い: する (the default) prints the transfer-fee sentence once, in the client's
   * language, on invoices that show a bank account; しない leaves it out.
   */
  transferFeeNote: SendDirectly;
  /** 請求書を直接送信: する sends each invoice on issue; しない (the default) makes Gmail drafts. */
  sendDirectly: SendDirectly;
}

export type SendDirectly = 'する' | 'しない';

export interface FieldIssue {
  field: keyof SettingsForm;
  /** `登録番号の形式が正しくありません` / `Invalid registration number`. */
  message: Text;
  /** Warnings do not block saving (e.g. an individual's registration number failing the check). */
  severity: 'error' | 'warning';
}

export interface SettingsView {
  lang: Lang;
  /** The person's own choice of language (kept for them, not in the workbook). */
  language: LanguageChoice;
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
  /** A one-line summary for the user. */
  message: Text;
}

export type SaveResult =
  | { ok: true; settings: SettingsForm; warnings: FieldIssue[] }
  | { ok: false; issues: FieldIssue[] };
