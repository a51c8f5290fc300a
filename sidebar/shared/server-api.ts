/**
 * The server functions a sidebar may call through google.script.run, with their argument and
 * result types. Only JSON values cross (src/ui/contracts.ts); the server validates every argument.
 */
import type {
  TransferCreateRequest,
  TransferDefaults,
  TransferPreview,
  TransferPreviewRequest,
  TransferReport,
  TransferUndoReport,
  TransferUndoRequest,
} from '../../src/core/contracts/transfers';
import type {
  AutomationStatus,
  DryRunReport,
  DryRunRequest,
  InstallRequest,
  JobId,
  PlannedJob,
  RunLogEntry,
  RunNowReport,
} from '../../src/ui/automationContracts';
import type {
  InvoiceDefaults,
  InvoicePreview,
  InvoicePreviewItem,
  InvoiceRunRequest,
  InvoiceShowPreviewRequest,
  IssuedInvoice,
  IssueReport,
  LanguageChoice,
  RowProblem,
  SaveResult,
  SettingsForm,
  SettingsView,
  SetupReport,
} from '../../src/ui/contracts';

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
  transfersDefaults(): TransferDefaults;
  transfersPreview(req: TransferPreviewRequest): TransferPreview;
  transfersCreate(req: TransferCreateRequest): TransferReport;
  transfersUndo(req: TransferUndoRequest): TransferUndoReport;
}
