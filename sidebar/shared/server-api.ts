/**
 * The server functions a sidebar may call through google.script.run, with their argument and
 * result types. Only JSON values cross (src/core/contracts/); the server validates every argument.
 */

import type {
  AutomationStatus,
  DryRunReport,
  DryRunRequest,
  InstallRequest,
  JobId,
  PlannedJob,
  RunLogEntry,
  RunNowReport,
} from '../../src/core/contracts/automations';
import type { ExpenseExportReport } from '../../src/core/contracts/expenseExport';
import type {
  ExpensesCheckReport,
  ExpensesMonthRequest,
  ExpensesMonthView,
  ExpensesSearchRequest,
  ExpensesSearchResult,
} from '../../src/core/contracts/expenses';
import type {
  InvoiceDefaults,
  InvoicePreview,
  InvoicePreviewItem,
  InvoiceRunRequest,
  InvoiceShowPreviewRequest,
  IssuedInvoice,
  IssueReport,
  RowProblem,
} from '../../src/core/contracts/invoices';
import type {
  PaymentsConfirmReport,
  PaymentsConfirmRequest,
  PaymentsDriveImportRequest,
  PaymentsImportReport,
  PaymentsImportRequest,
  PaymentsLayoutRequest,
  PaymentsPickerSetup,
  PaymentsView,
} from '../../src/core/contracts/payments';
import type {
  LanguageChoice,
  SaveResult,
  SettingsForm,
  SettingsView,
  SetupReport,
} from '../../src/core/contracts/settings';
import type {
  TransferCreateRequest,
  TransferDefaults,
  TransferPreview,
  TransferPreviewRequest,
  TransferReport,
  TransferUndoReport,
  TransferUndoRequest,
} from '../../src/core/contracts/transfers';
import type { ExportVendor } from '../../src/core/expenses/export';

export type {
  AutomationStatus,
  DryRunReport,
  DryRunRequest,
  InstallRequest,
  InvoiceDefaults,
  InvoicePreview,
  InvoicePreviewItem,
  InvoiceRunRequest,
  InvoiceShowPreviewRequest,
  IssuedInvoice,
  IssueReport,
  JobId,
  PlannedJob,
  RowProblem,
  RunLogEntry,
  RunNowReport,
  SaveResult,
  SettingsForm,
  SettingsView,
  SetupReport,
};

export interface ServerApi {
  settingsLoad(): SettingsView;
  settingsSave(form: SettingsForm): SaveResult;
  settingsLanguage(req: { language: LanguageChoice }): SettingsView;
  setupWorkbook(): SetupReport;
  invoicesDefaults(): InvoiceDefaults;
  invoicesPreview(req: InvoiceRunRequest): InvoicePreview;
  invoicesIssue(req: InvoiceRunRequest): IssueReport;
  invoicesContinue(): IssueReport;
  automationsStatus(): AutomationStatus;
  automationsInstall(req: InstallRequest): AutomationStatus;
  automationsUninstall(): AutomationStatus;
  automationsDryRun(req: DryRunRequest): DryRunReport;
  automationsRunNow(): RunNowReport;
  invoicesShowPreview(req: InvoiceShowPreviewRequest): { shown: true };
  expensesMonth(req: ExpensesMonthRequest): ExpensesMonthView;
  expensesCheck(req: ExpensesMonthRequest): ExpensesCheckReport;
  expensesSearch(req: ExpensesSearchRequest): ExpensesSearchResult;
  expensesExport(req: { month: string; vendors?: ExportVendor[] }): ExpenseExportReport;
  paymentsLoad(): PaymentsView;
  paymentsImport(req: PaymentsImportRequest): PaymentsImportReport;
  paymentsPicker(): PaymentsPickerSetup;
  paymentsImportDrive(req: PaymentsDriveImportRequest): PaymentsImportReport;
  paymentsSaveLayout(req: PaymentsLayoutRequest): PaymentsImportReport;
  paymentsConfirm(req: PaymentsConfirmRequest): PaymentsConfirmReport;
  transfersDefaults(): TransferDefaults;
  transfersPreview(req: TransferPreviewRequest): TransferPreview;
  transfersCreate(req: TransferCreateRequest): TransferReport;
  transfersUndo(req: TransferUndoRequest): TransferUndoReport;
}
