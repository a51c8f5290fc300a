import type {
  SaveResult,
  SettingsForm,
  SettingsView,
  SetupReport,
} from '../../src/core/contracts/settings';
import { WORKBOOK } from '../../src/sheets/schema';
import { FILLED_SETTINGS_FORM } from '../fixtures/settings';
import { expectSeparateLanguages } from '../fixtures/text';
import { openBundle, sheetNames } from './support';

// Full-width digits in the postal code: saved normalised.
const form: SettingsForm = { ...FILLED_SETTINGS_FORM, postalCode: '１００-０００１' };

function snapshotAll(bundle: ReturnType<typeof openBundle>) {
  return bundle.workspace.SpreadsheetApp.active!.getSheets().map((s) => s.snapshot());
}

/** The items of the one Pokke menu onOpen added: caption → the function it calls. */
function menuItems(bundle: ReturnType<typeof openBundle>): Map<string, string> {
  const menus = bundle.workspace.ui.menus;
  expect(menus).toHaveLength(1);
  return new Map(
    menus[0]!.items.flatMap((i) => (i.kind === 'item' ? [[i.caption, i.functionName]] : [])),
  );
}

const JAPANESE = /[\u3040-\u30ff\u4e00-\u9fff]/;

describe('onOpen', () => {
  it('adds the Pokke menu whose items call top-level functions', () => {
    const bundle = openBundle();
    bundle.run('onOpen', [{ authMode: 'NONE' }]);
    const items = menuItems(bundle);
    expect([...items]).toEqual(
      expect.arrayContaining([
        ['ワークブックを準備', 'menuSetupWorkbook'],
        ['請求書', 'showInvoicesSidebar'],
        ['自動化', 'showAutomationsSidebar'],
        ['設定', 'showSettingsSidebar'],
      ]),
    );
    // Every item calls an entry point, and is captioned in Japanese only.
    for (const [caption, fn] of items) {
      expect(bundle.entryPoints).toContain(fn);
      expect(caption).not.toMatch(/[A-Za-z]/);
    }
  });

  it('speaks English to a user whose Google account is in English', () => {
    const japanese = openBundle();
    japanese.run('onOpen', [{ authMode: 'NONE' }]);
    const bundle = openBundle();
    bundle.workspace.user.locale = 'en_US';
    bundle.run('onOpen', [{ authMode: 'NONE' }]);
    const items = menuItems(bundle);
    expect([...items]).toEqual(
      expect.arrayContaining([
        ['Set up workbook', 'menuSetupWorkbook'],
        ['Invoices', 'showInvoicesSidebar'],
        ['Automations', 'showAutomationsSidebar'],
        ['Settings', 'showSettingsSidebar'],
      ]),
    );
    // The same items, in English only.
    expect([...items.values()]).toEqual([...menuItems(japanese).values()]);
    for (const caption of items.keys()) expect(caption).not.toMatch(JAPANESE);
  });
});

describe('set up workbook', () => {
  it('creates every sheet with Japanese headers, a frozen bold header, formats and dropdowns', () => {
    const bundle = openBundle();
    const report = bundle.runJson('setupWorkbook') as SetupReport;
    expect(report.created).toEqual(WORKBOOK.map((s) => s.name));
    expectSeparateLanguages(report.message);
    expect(report.message.ja).toMatch(/^ワークブックを準備しました/);
    expect(report.message.en).toBe(`Workbook set up: created ${WORKBOOK.length} sheet(s)`);
    expect(sheetNames(bundle)).toEqual(
      expect.arrayContaining([
        '設定',
        '取引先',
        '売上明細',
        '請求書',
        '経費',
        '定期請求',
        '定期業務',
        'タスク',
        '月次集計',
        '実行ログ',
      ]),
    );

    const ss = bundle.workspace.SpreadsheetApp.active!;
    const sales = ss.getSheetByName('売上明細')!.snapshot();
    expect(sales.values[0]).toEqual([
      '日付',
      '取引先',
      '品目',
      '数量',
      '単位',
      '単価',
      '税率',
      '税込/税抜',
      '摘要',
      'メモ',
      '請求書番号',
      'メッセージ',
      '定期キー',
    ]);
    expect(sales.frozenRows).toBe(1);
    const taxRate = ss.getSheetByName('売上明細')!.getRange('G2').getDataValidation();
    expect(taxRate?.getCriteriaValues()[0]).toEqual(['10%', '8%', '0%', '非課税']);
    expect(ss.getSheetByName('売上明細')!.getRange('F2').getNumberFormat()).toBe('#,##0');
    expect(ss.getSheetByName('売上明細')!.getRange('A1').getFontWeight()).toBe('bold');

    const settings = ss.getSheetByName('設定')!.getDataRange().getValues();
    expect(settings[0]).toEqual(['キー', '項目', '値', '説明']);
    expect(settings.map((r) => r[0])).toEqual(
      expect.arrayContaining(['companyName', 'registrationNumber', 'rounding']),
    );
  });

  it('changes nothing when run a second time, and costs only a few reads', () => {
    const bundle = openBundle();
    bundle.runJson('setupWorkbook');
    const before = snapshotAll(bundle);
    bundle.workspace.meter.resetCounts();
    const report = bundle.runJson('setupWorkbook') as SetupReport;
    expect(report.created).toEqual([]);
    expect(report.updated).toEqual([]);
    expect(report.message.ja).toMatch(/変更はありません/);
    expect(report.message.en).toMatch(/nothing changed/);
    expect(snapshotAll(bundle)).toEqual(before);
    const counts = bundle.workspace.meter.counts();
    const writes = Object.keys(counts).filter((k) => /\.set|\.insert|\.append|\.delete/.test(k));
    expect(writes).toEqual([]);
  });

  it('keeps the owner’s own columns and order, and adds only what is missing', () => {
    const bundle = openBundle();
    const ss = bundle.workspace.SpreadsheetApp.active!;
    const clients = ss.insertSheet('取引先');
    clients.getRange(1, 1, 2, 3).setValues([
      ['メール', '自分用メモ', '取引先名'],
      ['info@example.jp', '大事な顧客', '山田デザイン事務所'],
    ]);
    const report = bundle.runJson('setupWorkbook') as SetupReport;
    expect(report.updated).toContain('取引先');
    const values = clients.getDataRange().getValues();
    expect(values[0]!.slice(0, 4)).toEqual(['メール', '自分用メモ', '取引先名', '敬称']);
    expect(values[1]!.slice(0, 3)).toEqual(['info@example.jp', '大事な顧客', '山田デザイン事務所']);
  });

  it('works from the menu and tells the user what it did, in their language', () => {
    const alerts = (bundle: ReturnType<typeof openBundle>) =>
      bundle.workspace.ui.shown.flatMap((s) => (s.kind === 'alert' ? [s.prompt] : []));
    const bundle = openBundle();
    bundle.run('menuSetupWorkbook');
    expect(alerts(bundle)).toEqual([
      expect.stringMatching(/^ワークブックを準備しました\(作成: 設定、/),
    ]);

    const english = openBundle();
    english.workspace.user.locale = 'en';
    english.run('menuSetupWorkbook');
    expect(alerts(english)).toEqual([`Workbook set up: created ${WORKBOOK.length} sheet(s)`]);
  });
});

describe('settings sidebar server functions', () => {
  it('opens the settings sidebar from the built HTML file', () => {
    const bundle = openBundle();
    bundle.run('showSettingsSidebar');
    const sidebar = bundle.workspace.ui.sidebar;
    expect(sidebar?.title).toBe('設定');
    expect(sidebar?.content).toContain('<script>');
    expect(sidebar?.content).not.toMatch(/<script[^>]+src=/);
  });

  it('saves to the 設定 sheet and loads the same values back', () => {
    const bundle = openBundle();
    bundle.runJson('setupWorkbook');
    const saved = bundle.runJson('settingsSave', [form]) as SaveResult;
    expect(saved.ok).toBe(true);
    const view = bundle.runJson('settingsLoad') as SettingsView;
    expect(view.needsSetup).toBe(false);
    // The English names, left out of the form, are saved empty.
    expect(view.settings).toEqual({
      ...form,
      postalCode: '100-0001',
      companyNameEn: '',
      addressEn: '',
      bankNameEn: '',
      bankBranchEn: '',
    });
    const rows = bundle.workspace.SpreadsheetApp.active!.getSheetByName('設定')!
      .getDataRange()
      .getDisplayValues();
    const byKey = Object.fromEntries(rows.map((r) => [r[0], r[2]]));
    expect(byKey.accountNumber).toBe('0123456');
    expect(byKey.rounding).toBe('切り捨て');
    expect(byKey.companyName).toBe('株式会社ぽっけ商店');
  });

  it('refuses a malformed registration number and writes nothing', () => {
    const bundle = openBundle();
    bundle.runJson('setupWorkbook');
    const sheet = bundle.workspace.SpreadsheetApp.active!.getSheetByName('設定')!;
    const before = sheet.snapshot();
    const saved = bundle.runJson('settingsSave', [
      { ...form, registrationNumber: 'T123' },
    ]) as SaveResult;
    expect(saved).toEqual({
      ok: false,
      issues: [expect.objectContaining({ field: 'registrationNumber', severity: 'error' })],
    });
    const [issue] = saved.ok ? [] : saved.issues;
    expectSeparateLanguages(issue?.message);
    expect(issue?.message.ja).toMatch(/^登録番号は「T」と13桁の数字です/);
    expect(sheet.snapshot()).toEqual(before);
  });

  it('saves a number that fails the corporate check digit, with a warning', () => {
    const bundle = openBundle();
    bundle.runJson('setupWorkbook');
    const saved = bundle.runJson('settingsSave', [
      { ...form, registrationNumber: 'T1000012050002' },
    ]) as SaveResult;
    expect(saved.ok).toBe(true);
    expect(saved.ok && saved.warnings.map((w) => w.field)).toEqual(['registrationNumber']);
  });

  it('rejects a request that is not a settings form with a readable message', () => {
    const bundle = openBundle();
    bundle.runJson('setupWorkbook');
    expect(() => bundle.runJson('settingsSave', [{ companyName: 1 }])).toThrow(
      /^入力内容が正しくありません/,
    );
    expect(() => bundle.runJson('settingsSave', [{ ...form, extra: '<script>' }])).toThrow(
      /入力内容/,
    );
    bundle.runJson('settingsLanguage', [{ language: 'en' }]);
    expect(() => bundle.runJson('settingsSave', [{ companyName: 1 }])).toThrow(
      /^The request was not valid \(Company or trade name, [^\u3040-\u30ff\u4e00-\u9fff]*\)$/,
    );
  });

  it('stores hostile text as text, never as a formula', () => {
    const bundle = openBundle();
    bundle.runJson('setupWorkbook');
    const saved = bundle.runJson('settingsSave', [
      { ...form, address: '=IMPORTXML("http://evil.example","//a")' },
    ]) as SaveResult;
    expect(saved.ok).toBe(true);
    const view = bundle.runJson('settingsLoad') as SettingsView;
    expect(view.settings.address).toBe('=IMPORTXML("http://evil.example","//a")');
    const sheet = bundle.workspace.SpreadsheetApp.active!.getSheetByName('設定')!;
    const formulas = sheet.getDataRange().getFormulas().flat().filter(Boolean);
    expect(formulas).toEqual([]);
  });

  it('asks for setup when the workbook has no 設定 sheet', () => {
    const bundle = openBundle();
    const view = bundle.runJson('settingsLoad') as SettingsView;
    expect(view.needsSetup).toBe(true);
    expect(view.settings.rounding).toBe('floor');
  });
});

describe('the language a user chooses in the settings', () => {
  const userLanguage = (bundle: ReturnType<typeof openBundle>) =>
    bundle.workspace.PropertiesService.getUserProperties().getProperty('pokke.language');

  it('follows the account locale until the user picks one, kept for them, not in the workbook', () => {
    const bundle = openBundle();
    bundle.runJson('setupWorkbook');
    bundle.workspace.user.locale = 'en_GB';
    expect(bundle.runJson('settingsLoad') as SettingsView).toMatchObject({
      lang: 'en',
      language: 'auto',
    });
    const workbook = snapshotAll(bundle);

    const ja = bundle.runJson('settingsLanguage', [{ language: 'ja' }]) as SettingsView;
    expect(ja).toMatchObject({ lang: 'ja', language: 'ja', needsSetup: false });
    expect(userLanguage(bundle)).toBe('ja');
    expect(bundle.runJson('settingsLoad') as SettingsView).toMatchObject({
      lang: 'ja',
      language: 'ja',
    });
    bundle.run('showSettingsSidebar');
    expect(bundle.workspace.ui.sidebar?.title).toBe('設定');

    const auto = bundle.runJson('settingsLanguage', [{ language: 'auto' }]) as SettingsView;
    expect(auto).toMatchObject({ lang: 'en', language: 'auto' });
    expect(userLanguage(bundle)).toBeNull();
    bundle.run('showSettingsSidebar');
    expect(bundle.workspace.ui.sidebar?.title).toBe('Settings');
    expect(snapshotAll(bundle)).toEqual(workbook);
  });

  it('refuses a language Pokke does not speak', () => {
    const bundle = openBundle();
    bundle.runJson('setupWorkbook');
    expect(() => bundle.runJson('settingsLanguage', [{ language: 'fr' }])).toThrow(
      /^入力内容が正しくありません/,
    );
    expect(userLanguage(bundle)).toBeNull();
  });
});

describe('settings field rules', () => {
  it('refuses payment terms Pokke cannot read, and accepts the usual ones', () => {
    const bundle = openBundle();
    bundle.runJson('setupWorkbook');
    const bad = bundle.runJson('settingsSave', [
      { ...form, defaultTerms: 'そのうち払い' },
    ]) as SaveResult;
    expect(bad).toEqual({
      ok: false,
      issues: [expect.objectContaining({ field: 'defaultTerms', severity: 'error' })],
    });
    for (const terms of ['20日締め翌月10日払い', '納品後30日', '月末締め翌々月10日払い']) {
      expect(
        (bundle.runJson('settingsSave', [{ ...form, defaultTerms: terms }]) as SaveResult).ok,
      ).toBe(true);
    }
  });

  it('folds full-width digits and hiragana the way banks expect', () => {
    const bundle = openBundle();
    bundle.runJson('setupWorkbook');
    const saved = bundle.runJson('settingsSave', [
      {
        ...form,
        accountNumber: '７６５４３２１',
        accountHolder: 'かぶ）ぽっけしょうてん',
        phone: '０３ー１２３４ー５６７８',
      },
    ]) as SaveResult;
    expect(saved.ok && saved.settings).toMatchObject({
      accountNumber: '7654321',
      accountHolder: 'カブ)ポッケショウテン',
      phone: '03-1234-5678',
    });
  });
});
