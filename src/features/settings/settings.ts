import type {
  RoundingMethod,
  SaveResult,
  SettingsForm,
  SettingsView,
} from '../../core/contracts/settings';
import type { Lang, LanguageChoice } from '../../core/text';
import { text, UserError } from '../../core/text';
import { type WorkbookTables, workbookTables } from '../../sheets/workbookTables';
import { validateSettings } from './settingsFields';
import { ACCOUNT_TYPES, ROUNDING_LABELS, SEND_DIRECTLY_CHOICES } from './settingsRows';
import {
  ensureSettingRows,
  missingSettingRows,
  readSettingsSheet,
  type SettingKey,
  writeSettingsSheet,
} from './settingsSheet';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

const roundingFromLabel = (label: string): RoundingMethod | undefined =>
  (Object.entries(ROUNDING_LABELS) as [RoundingMethod, string][]).find(
    ([m, l]) => l === label || m === label,
  )?.[0];

/** The settings sidebar's view: the settings, and the person's language. */
export function loadSettings(
  tables: WorkbookTables,
  lang: Lang,
  language: LanguageChoice,
): SettingsView {
  return { lang, language, ...readSettings(tables) };
}

/** The owner's settings from the 設定 sheet, with what is wrong in them. */
export function readSettings(
  tables: WorkbookTables,
): Pick<SettingsView, 'settings' | 'needsSetup' | 'issues'> {
  const { values, table } = readSettingsSheet(tables);
  const accountType = (ACCOUNT_TYPES as readonly string[]).includes(values.accountType)
    ? (values.accountType as SettingsForm['accountType'])
    : '普通';
  const sendDirectly = (SEND_DIRECTLY_CHOICES as readonly string[]).includes(values.sendDirectly)
    ? (values.sendDirectly as SettingsForm['sendDirectly'])
    : 'しない';
  const transferFeeNote = (SEND_DIRECTLY_CHOICES as readonly string[]).includes(
    values.transferFeeNote,
  )
    ? (values.transferFeeNote as SettingsForm['transferFeeNote'])
    : 'する';
  const settings: SettingsForm = {
    ...values,
    accountType,
    rounding: roundingFromLabel(values.rounding) ?? 'floor',
    transferFeeNote,
    sendDirectly,
  };
  const { warnings, errors } = validateSettings(settings);
  const issues = [...errors, ...warnings];
  if (values.rounding && !roundingFromLabel(values.rounding)) {
    issues.push({
      field: 'rounding',
      severity: 'warning',
      message: text(
        `端数処理「${values.rounding}」は使えません。切り捨てとして扱います`,
        `Unknown rounding "${values.rounding}"; floor is used`,
      ),
    });
  }
  if (values.sendDirectly && values.sendDirectly !== sendDirectly) {
    issues.push({
      field: 'sendDirectly',
      severity: 'warning',
      message: text(
        `請求書を直接送信「${values.sendDirectly}」は使えません。しない として扱います`,
        `Unknown value "${values.sendDirectly}" for direct sending; しない (drafts) is used`,
      ),
    });
  }
  if (values.transferFeeNote && values.transferFeeNote !== transferFeeNote) {
    issues.push({
      field: 'transferFeeNote',
      severity: 'warning',
      message: text(
        `振込手数料のお願い「${values.transferFeeNote}」は使えません。する として扱います`,
        `Unknown value "${values.transferFeeNote}" for the transfer-fee sentence; する (print it) is used`,
      ),
    });
  }
  const needsSetup = !table || missingSettingRows(table).length > 0;
  return { settings, needsSetup, issues };
}

/** Validates and saves the form. Nothing is written when any field has an error. */
export function saveSettings(ss: Spreadsheet, input: SettingsForm, lang: Lang): SaveResult {
  const { form, errors, warnings } = validateSettings(input);
  if (errors.length > 0) return { ok: false, issues: errors };
  let { table } = readSettingsSheet(workbookTables(ss));
  if (table && ensureSettingRows(table, lang)) table = readSettingsSheet(workbookTables(ss)).table;
  if (!table) {
    throw new UserError(
      '設定シートがありません。先に「ワークブックを準備」を実行してください',
      'The 設定 sheet is missing; run "Set up workbook" first',
    );
  }
  // A field the form leaves out (an English name from an older page) keeps its cell as it is.
  const stored: Partial<Record<SettingKey, string>> = {
    ...form,
    rounding: ROUNDING_LABELS[form.rounding],
  };
  writeSettingsSheet(table, stored);
  return { ok: true, settings: form, warnings };
}
