/**
 * The server functions a sidebar may call through google.script.run, with their argument and
 * result types. Only JSON values cross (src/ui/contracts.ts); the server validates every argument.
 */
import type {
  InvoicePreview,
  InvoicePreviewItem,
  InvoiceRunRequest,
  IssuedInvoice,
  IssueReport,
  RowProblem,
  SaveResult,
  SettingsForm,
  SettingsView,
  SetupReport,
} from '../../src/ui/contracts';

export type {
  InvoicePreview,
  InvoicePreviewItem,
  InvoiceRunRequest,
  IssuedInvoice,
  IssueReport,
  RowProblem,
  SaveResult,
  SettingsForm,
  SettingsView,
  SetupReport,
};

export interface ServerApi {
  settingsLoad(): SettingsView;
  settingsSave(form: SettingsForm): SaveResult;
  setupWorkbook(): SetupReport;
  invoicesPreview(req: InvoiceRunRequest): InvoicePreview;
  invoicesIssue(req: InvoiceRunRequest): IssueReport;
}
