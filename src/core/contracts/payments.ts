/**
 * What the 入金確認 sidebar and the server exchange (types only): the bank lines still to confirm
 * with their proposals, the open invoices to choose from instead, and the reports of an import and
 * a confirmation. Messages are `Text`; the sidebar shows one language.
 */
import type { DateFormat } from '../payments/layouts';
import type { ProposalKind } from '../payments/match';
import type { OwnerLayout } from '../payments/ownerLayout';
import type { Lang, Text } from '../text';

/** The largest file the sidebar sends (a month of a busy account is far below it). */
export const MAX_STATEMENT_BYTES = 10 * 1024 * 1024;

export interface PaymentInvoiceView {
  readonly number: string;
  readonly client: string;
  /** YYYY-MM-DD */
  readonly dueDate: string;
  readonly billed: number;
  /** What is still due on it. */
  readonly balance: number;
}

export interface PaymentProposalView {
  readonly kind: ProposalKind;
  readonly client: string;
  readonly invoices: readonly {
    readonly number: string;
    readonly settled: number;
    readonly remaining: number;
  }[];
  readonly fee: number;
  readonly withholding: number;
  /** 0–100 */
  readonly confidence: number;
  /** 「金額一致・名義一致」 */
  readonly reason: Text;
}

export interface PaymentLineView {
  /** The line's identity in 入出金明細 (明細キー). */
  readonly lineKey: string;
  /** YYYY-MM-DD */
  readonly date: string;
  readonly amount: number;
  readonly description: string;
  /** Best first; empty when nothing fits. */
  readonly proposals: readonly PaymentProposalView[];
}

export interface PaymentsView {
  readonly lang: Lang;
  /** Money-in lines still 未照合, the most confident proposal first, lines without one last. */
  readonly lines: readonly PaymentLineView[];
  /** Every invoice still open, oldest due first, for the owner to choose another. */
  readonly openInvoices: readonly PaymentInvoiceView[];
  /** The 設定 row's fee tolerance in yen. */
  readonly feeTolerance: number;
  /** Problems the owner should know (a setting that could not be read…). */
  readonly notices: readonly Text[];
}

export interface PaymentsImportRequest {
  readonly fileName: string;
  /** The file's bytes, base64. */
  readonly base64: string;
}

/** A file whose header matches no known bank: its header row, for the owner to map. */
export interface PaymentsLayoutNeeded {
  readonly header: readonly string[];
  /** The first rows below the header, cut to the header's width. */
  readonly samples: readonly (readonly string[])[];
  readonly dateFormats: readonly DateFormat[];
}

/** Where a statement comes from: bytes the owner uploaded, or a file they picked in Drive. */
export type PaymentsStatementSource =
  | { readonly fileName: string; readonly base64: string }
  | { readonly fileId: string };

/** A file picked in the Google Picker (granted to Pokke under drive.file). */
export interface PaymentsDriveImportRequest {
  readonly fileId: string;
}

/** The owner's mapping for an unknown bank, and the file it was made from (imported once saved). */
export interface PaymentsLayoutRequest {
  readonly source: PaymentsStatementSource;
  readonly layout: OwnerLayout;
}

/** What the sidebar needs to open the Google Picker, or why it cannot yet. */
export type PaymentsPickerSetup =
  | {
      readonly ok: true;
      readonly oauthToken: string;
      readonly developerKey: string;
      /** The Cloud project number (PickerBuilder.setAppId). */
      readonly appId: string;
    }
  | { readonly ok: false; readonly message: Text };

export interface PaymentsImportReport {
  /** Set when nothing was imported because the owner has to say which column is which. */
  readonly layoutNeeded?: PaymentsLayoutNeeded;
  /** Lines added to 入出金明細 (money in and out). */
  readonly added: number;
  /** Lines of the file already in 入出金明細. */
  readonly alreadyThere: number;
  readonly bank: Text;
  readonly message: Text;
  readonly view: PaymentsView;
}

export type PaymentDecision =
  /** Settle these invoices (the proposal's, or the owner's own choice) with the line. */
  | { readonly lineKey: string; readonly action: 'match'; readonly invoices: readonly string[] }
  /** Not an invoice payment: 対象外. */
  | { readonly lineKey: string; readonly action: 'ignore' };

export interface PaymentsConfirmRequest {
  readonly decisions: readonly PaymentDecision[];
}

export interface ConfirmedPayment {
  readonly lineKey: string;
  readonly client: string;
  readonly invoices: readonly { readonly number: string; readonly paid: boolean }[];
  readonly fee: number;
}

export interface PaymentsConfirmReport {
  readonly confirmed: readonly ConfirmedPayment[];
  readonly ignored: number;
  /** Lines already handled (confirming twice changes nothing). */
  readonly unchanged: number;
  readonly problems: readonly { readonly lineKey: string; readonly message: Text }[];
  /** Where the transfer fees went: the 経費 sheet, or the 振込手数料 column of 入出金明細. */
  readonly feesIn: 'expenses' | 'statement' | null;
  readonly message: Text;
  readonly view: PaymentsView;
}

/** `npm run simulate -- reconcile`: import, then confirm what is at least this sure. */
export interface PaymentsReconcileRequest extends PaymentsImportRequest {
  /** Percent; none: only import and propose. */
  readonly confirmAbove?: number;
}

export interface PaymentsReconcileReport {
  readonly imported: PaymentsImportReport;
  readonly confirmed: PaymentsConfirmReport | null;
  readonly message: Text;
}
