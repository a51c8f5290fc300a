/**
 * The invoice feature's settings through the bundle: the number pattern, the note, direct sending
 * (with the daily quota and crashes around the send), issuing selected lines, and the preview
 * dialog. The demo company, month end 2026-11-30; sales rows 2 山田, 3/4/6 さくら, 5 みなと,
 * 7 Blue Harbor Studio (English).
 */
import { type Bundle, loadBundleFromDist } from '../../emulator/runtime';
import { seedDemo } from '../../playground/seed';
import { DEMO_DIR, ExecutionLog, readDemoCompany } from '../../playground/session';
import type { InvoicePreview, IssueReport } from '../../src/core/contracts/invoices';
import type { SaveResult, SettingsForm, SettingsView } from '../../src/core/contracts/settings';

const CLOSING = { closingDate: '2026-11-30' };
const HOSTILE = '<img src=x onerror=alert(1)>';

function demoBundle(): Bundle {
  const bundle = loadBundleFromDist('dist', { now: '2026-11-30T18:00:00+09:00' });
  seedDemo(bundle, new ExecutionLog(bundle), readDemoCompany(), DEMO_DIR);
  return bundle;
}

function saveSettings(bundle: Bundle, changes: Partial<SettingsForm>): void {
  const view = bundle.runJson('settingsLoad') as SettingsView;
  const saved = bundle.runJson('settingsSave', [{ ...view.settings, ...changes }]) as SaveResult;
  expect(saved).toMatchObject({ ok: true });
}

function sheet(bundle: Bundle, name: string) {
  return bundle.workspace.SpreadsheetApp.active!.getSheetByName(name)!;
}

/** The 請求書 sheet as records keyed by header. */
function invoiceRecords(bundle: Bundle): Record<string, string>[] {
  const [headers, ...rows] = sheet(bundle, '請求書').getDataRange().getDisplayValues();
  return rows.map((r) => Object.fromEntries(headers!.map((h, i) => [h, r[i] ?? ''])));
}

function salesNumbers(bundle: Bundle): string[] {
  const [headers, ...rows] = sheet(bundle, '売上明細').getDataRange().getDisplayValues();
  const col = headers!.indexOf('請求書番号');
  return rows.map((r) => r[col] ?? '');
}

const outbox = (bundle: Bundle, kind: 'sent' | 'draft') =>
  bundle.workspace.GmailApp.outbox().filter((m) => m.kind === kind);

const issue = (bundle: Bundle, request: object = CLOSING) =>
  bundle.runJson('invoicesIssue', [request]) as IssueReport;

describe('settings used by issuing', () => {
  it('new setting rows are added to an existing 設定 sheet without touching the owner values', () => {
    const bundle = demoBundle();
    const settings = sheet(bundle, '設定');
    const rows = settings.getDataRange().getValues();
    // An older workbook: the three new rows are missing, the owner's values are there.
    const keep = rows.filter(
      (r) => !['invoiceNumberPattern', 'invoiceNote', 'sendDirectly'].includes(String(r[0])),
    );
    const companyRow = keep.findIndex((r) => r[0] === 'companyName');
    keep[companyRow]![2] = '自分で書いた会社名';
    settings.clearContents();
    // The rows move up: their dropdowns stay behind with the cells, so clear those too.
    settings.getRange(1, 1, settings.getMaxRows(), settings.getMaxColumns()).clearDataValidations();
    settings.getRange(1, 1, keep.length, keep[0]!.length).setValues(keep);
    expect((bundle.runJson('settingsLoad') as SettingsView).needsSetup).toBe(true);

    bundle.run('menuSetupWorkbook');
    const after = settings.getDataRange().getValues();
    const byKey = new Map(after.map((r) => [String(r[0]), r[2]]));
    expect(byKey.get('companyName')).toBe('自分で書いた会社名');
    expect(byKey.get('invoiceNumberPattern')).toBe('{YYYY}-{MM}-{SEQ4}');
    expect(byKey.get('invoiceNote')).toBe('');
    expect(byKey.get('sendDirectly')).toBe('しない');
    expect(after.slice(0, keep.length)).toEqual(keep);
    const view = bundle.runJson('settingsLoad') as SettingsView;
    expect(view.needsSetup).toBe(false);
    expect(view.settings).toMatchObject({ sendDirectly: 'しない', invoiceNote: '' });
  });

  it('numbers invoices with the owner pattern', () => {
    const bundle = demoBundle();
    saveSettings(bundle, { invoiceNumberPattern: 'INV-{YY}{MM}-{SEQ3}' });
    const report = issue(bundle);
    expect(report.issued.map((i) => i.number).sort()).toEqual([
      'INV-2611-001',
      'INV-2611-002',
      'INV-2611-003',
      'INV-2611-004',
    ]);
    for (const f of bundle.workspace.DriveApp.allFiles())
      expect(f.name).toMatch(/_INV-2611-00\d\.pdf$/);
  });

  it('a bad pattern typed into the sheet stops the run with a message in the user language, writing nothing', () => {
    const bundle = demoBundle();
    const settings = sheet(bundle, '設定');
    const keys = settings
      .getRange(1, 1, settings.getLastRow(), 1)
      .getValues()
      .map((r) => r[0]);
    settings.getRange(keys.indexOf('invoiceNumberPattern') + 1, 3).setValue('請求{MM}');
    const before = bundle.workspace.SpreadsheetApp.active!.snapshot();
    expect(() => issue(bundle)).toThrow(
      new Error(
        '設定の請求書番号の形式: 「請」は使えません。英数字と記号 -_./# が使えます(例: {YYYY}-{MM}-{SEQ4} → 2026-11-0001)。設定を直してから発行してください',
      ),
    );
    bundle.runJson('settingsLanguage', [{ language: 'en' }]);
    expect(() => issue(bundle)).toThrow(
      new Error(
        'Invoice number pattern: "請" is not allowed; use letters, digits and -_./# (e.g. {YYYY}-{MM}-{SEQ4} → 2026-11-0001) (in Settings); fix it before issuing',
      ),
    );
    expect(bundle.workspace.SpreadsheetApp.active!.snapshot()).toEqual(before);
    expect(bundle.workspace.DriveApp.allFiles()).toEqual([]);
  });

  it('prints the note, escaped, with its line breaks, in the Japanese and English layouts', () => {
    const bundle = demoBundle();
    saveSettings(bundle, { invoiceNote: `振込手数料はご負担ください。\n${HOSTILE}` });
    issue(bundle);
    const files = bundle.workspace.DriveApp.allFiles();
    const ja = files.find((f) => f.name.includes('山田デザイン事務所'))!.sourceHtml!;
    const en = files.find((f) => f.name.includes('Blue Harbor Studio'))!.sourceHtml!;
    const printed = '振込手数料はご負担ください。<br>&lt;img src=x onerror=alert(1)&gt;';
    expect(ja).toContain('備考');
    expect(ja).toContain(printed);
    expect(en).toContain('Notes');
    expect(en).toContain(printed);
    for (const html of [ja, en]) expect(html).not.toContain(HOSTILE);
  });
});

describe('sending directly (設定「請求書を直接送信」する)', () => {
  it('sends each invoice once: 送付済, no draft link, the time sent in メッセージ', () => {
    const bundle = demoBundle();
    saveSettings(bundle, { sendDirectly: 'する' });
    const preview = bundle.runJson('invoicesPreview', [CLOSING]) as InvoicePreview;
    expect(preview.sendDirectly).toBe(true);
    bundle.workspace.meter.resetCounts();
    const report = issue(bundle);
    expect(report.message.ja).toMatch(/^4件の請求書を作成しました\(うち4件をメールで送信\)/);
    expect(report.message.en).toMatch(/^Issued 4 invoice\(s\), 4 sent by mail/);
    expect(report.issued.every((i) => i.sent && i.draftUrl === '')).toBe(true);
    expect(outbox(bundle, 'sent')).toHaveLength(4);
    expect(outbox(bundle, 'draft')).toHaveLength(0);
    for (const m of outbox(bundle, 'sent'))
      expect(m.attachments.map((a) => a.contentType)).toEqual(['application/pdf']);
    for (const r of invoiceRecords(bundle)) {
      expect(r['状態']).toBe('送付済');
      expect(r['下書き']).toBe('');
      expect(r['PDF']).toMatch(/^https:\/\/drive\.google\.com\//);
      // After the issuing warnings, if any (さくら食品's mixed 8% lines).
      expect(r['メッセージ']).toMatch(/(^|\n)2026\/11\/30 18:\d\d に送信しました$/);
      expect(r['メッセージ']).not.toMatch(/Sent/);
    }
    const again = issue(bundle);
    expect(again.issued).toEqual([]);
    expect(outbox(bundle, 'sent')).toHaveLength(4);
  });

  it.each([
    ['Japanese', 'ja'],
    ['English', 'en'],
  ] as const)(
    'falls back to drafts when the daily quota is used up, and says so in the cell and report (%s)',
    (_, locale) => {
      const bundle = demoBundle();
      bundle.workspace.user.locale = locale;
      saveSettings(bundle, { sendDirectly: 'する' });
      const meter = bundle.workspace.meter;
      meter.consume('email', meter.remaining('email') - 2);
      const report = issue(bundle);
      expect(outbox(bundle, 'sent')).toHaveLength(2);
      expect(outbox(bundle, 'draft')).toHaveLength(2);
      expect(report.message.ja).toContain(
        'メール送信の1日の上限に達したため、2件は下書きにしました',
      );
      expect(report.message.en).toContain('The daily mail limit was reached: 2 left as draft(s)');
      const records = invoiceRecords(bundle);
      const drafted = records.filter((r) => r['状態'] === '下書き');
      expect(drafted).toHaveLength(2);
      // The cells are in the language of the person who issued, and only in it.
      const [fellBack, other] =
        locale === 'en'
          ? [
              /(^|\n)The daily mail sending limit was reached \(0 left\), so a draft was made/,
              /下書き/,
            ]
          : [/(^|\n)メール送信の1日の上限に達したため下書きにしました\(残り0件\)/, /draft/i];
      for (const r of drafted) {
        expect(r['下書き']).toMatch(/^https:\/\/mail\.google\.com\//);
        expect(r['メッセージ']).toMatch(fellBack);
        expect(r['メッセージ']).not.toMatch(other);
      }
      const sent = records.filter((r) => r['状態'] === '送付済');
      for (const r of sent)
        expect(r['メッセージ']).toMatch(
          locale === 'en'
            ? /(^|\n)Sent on 2026\/11\/30 18:\d\d \(JST\)$/
            : /(^|\n)2026\/11\/30 18:\d\d に送信しました$/,
        );
      expect(report.issued.filter((i) => i.sent)).toHaveLength(2);
    },
  );

  /** The index of the first send in a clean run's trace. */
  function firstSendCall(): number {
    const probe = demoBundle();
    saveSettings(probe, { sendDirectly: 'する' });
    probe.workspace.meter.startTrace();
    issue(probe);
    const index = probe.workspace.meter.trace().indexOf('Gmail.Users.Drafts.send');
    expect(index).toBeGreaterThan(0);
    return index;
  }

  it.each([
    ['right after the mail left', 1],
    ['just before the mail left', 0],
  ])('a run cut off %s sends every invoice exactly once after the retry', (_when, offset) => {
    const cut = firstSendCall() + offset;
    const bundle = demoBundle();
    saveSettings(bundle, { sendDirectly: 'する' });
    bundle.workspace.meter.killAfter(cut);
    expect(() => issue(bundle)).toThrow(/killed|Exceeded maximum execution time/);
    expect(outbox(bundle, 'sent')).toHaveLength(offset);
    const first = invoiceRecords(bundle).find((r) =>
      (r['メッセージ'] ?? '').startsWith('【送信処理中】'),
    )!;
    expect(first).toBeDefined();
    // The mark is Pokke's own, the same in every language: nothing joined to it.
    expect(first['メッセージ']).toBe('【送信処理中】');
    expect(first['下書き']).toMatch(/^https:\/\/mail\.google\.com\//);

    const retry = issue(bundle);
    expect(retry.issued).toHaveLength(4);
    // The mail left if and only if its draft is gone: each invoice is sent once, none is dropped.
    const subjects = outbox(bundle, 'sent').map((m) => m.subject);
    expect(new Set(subjects).size).toBe(4);
    expect(subjects).toHaveLength(4);
    expect(outbox(bundle, 'draft')).toHaveLength(0);
    expect(bundle.workspace.DriveApp.allFiles()).toHaveLength(4);
    const records = invoiceRecords(bundle);
    expect(records).toHaveLength(4);
    for (const r of records) {
      expect(r['状態']).toBe('送付済');
      // After the issuing warnings, if any (さくら食品's mixed 8% lines).
      expect(r['メッセージ']).toMatch(/(^|\n)2026\/11\/30 18:\d\d に送信しました$/);
      expect(r['メッセージ']).not.toMatch(/Sent/);
    }

    const third = issue(bundle);
    expect(third.issued).toEqual([]);
    expect(outbox(bundle, 'sent')).toHaveLength(4);
  });
});

describe('issuing selected lines', () => {
  it('the preview lists each invoice lines with their rows', () => {
    const bundle = demoBundle();
    const preview = bundle.runJson('invoicesPreview', [CLOSING]) as InvoicePreview;
    const sakura = preview.invoices.find((i) => i.client === '株式会社さくら食品')!;
    expect(sakura.lines.map((l) => l.row)).toEqual([3, 4, 6]);
    expect(sakura.lines[0]).toEqual({
      row: 3,
      date: '2026-11-05',
      item: '焼き菓子詰め合わせ',
      amount: 48000,
      recurring: false,
      pending: false,
      taxRate: 8,
      taxMode: 'exclusive',
    });
  });

  it('issues one invoice per client of the selection, over the selected lines only, once', () => {
    const bundle = demoBundle();
    const report = issue(bundle, { ...CLOSING, rows: [3, 2] });
    expect(report.issued.map((i) => [i.client, i.number]).sort()).toEqual([
      ['山田デザイン事務所', expect.any(String)],
      ['株式会社さくら食品', expect.any(String)],
    ]);
    const records = invoiceRecords(bundle);
    const sakura = records.find((r) => r['取引先'] === '株式会社さくら食品')!;
    expect([sakura['対象期間(開始)'], sakura['対象期間(終了)']]).toEqual([
      '2026/11/05',
      '2026/11/05',
    ]);
    expect(sakura['請求キー']).toMatch(/\|sel-[0-9a-f]{8}\|/);
    const numbers = salesNumbers(bundle);
    expect(numbers[1]).toBe(sakura['請求書番号']);
    expect([numbers[2], numbers[4]]).toEqual(['', '']);

    // The same selection again: refused row by row, nothing new.
    const again = issue(bundle, { ...CLOSING, rows: [2, 3] });
    expect(again.issued).toEqual([]);
    expect(again.refused.map((p) => p.row)).toEqual([2, 3]);
    expect(again.refused[1]!.message).toEqual({
      ja: expect.stringMatching(/^請求書 .+ で請求済みです$/),
      en: expect.stringMatching(/^Already billed on invoice /),
    });
    expect(again.message.ja).toMatch(/選択分は発行していません/);
    expect(again.message.en).toMatch(/the selection was not issued/);
    expect(bundle.workspace.DriveApp.allFiles()).toHaveLength(2);

    // A mix of billed and unbilled rows issues nothing of the selection.
    const mixed = issue(bundle, { ...CLOSING, rows: [3, 4] });
    expect(mixed.issued).toEqual([]);
    expect(mixed.refused.map((p) => p.row)).toEqual([3]);
    expect(salesNumbers(bundle)[2]).toBe('');

    // The month-end run bills the rest under new numbers.
    const rest = issue(bundle);
    expect(rest.issued.map((i) => i.client).sort()).toEqual(
      ['Blue Harbor Studio', '合同会社みなと企画', '株式会社さくら食品'].sort(),
    );
    expect(salesNumbers(bundle).every((n) => n !== '')).toBe(true);
    expect(bundle.workspace.DriveApp.allFiles()).toHaveLength(5);
  });

  it('refuses unknown rows and a malformed selection', () => {
    const bundle = demoBundle();
    const report = issue(bundle, { ...CLOSING, rows: [3, 999] });
    expect(report.issued).toEqual([]);
    expect(report.refused).toEqual([
      {
        sheet: '売上明細',
        row: 999,
        message: { ja: '請求できる明細がありません', en: 'No billable line in this row' },
      },
    ]);
    expect(() => issue(bundle, { ...CLOSING, rows: [] })).toThrow(/^入力内容が正しくありません/);
    expect(() => issue(bundle, { ...CLOSING, rows: [1.5] })).toThrow(/入力内容/);
    expect(() => issue(bundle, { ...CLOSING, rows: ['3'] })).toThrow(/入力内容/);
    expect(bundle.workspace.DriveApp.allFiles()).toEqual([]);
  });

  it('a selection cut off after its records is finished by the retry, never duplicated', () => {
    const probe = demoBundle();
    probe.workspace.meter.startTrace();
    issue(probe, { ...CLOSING, rows: [3, 4] });
    const firstDrive = probe.workspace.meter.trace().findIndex((k) => k.startsWith('Drive.'));

    const bundle = demoBundle();
    bundle.workspace.meter.killAfter(firstDrive + 1);
    expect(() => issue(bundle, { ...CLOSING, rows: [3, 4] })).toThrow(
      /killed|Exceeded maximum execution time/,
    );
    const retry = issue(bundle, { ...CLOSING, rows: [3, 4] });
    expect(retry.issued).toHaveLength(1);
    expect(retry.refused.map((p) => p.row)).toEqual([3, 4]);
    expect(bundle.workspace.DriveApp.allFiles()).toHaveLength(1);
    expect(outbox(bundle, 'draft')).toHaveLength(1);
    const records = invoiceRecords(bundle);
    expect(records).toHaveLength(1);
    expect(records[0]!['PDF']).toMatch(/^https:\/\/drive\.google\.com\//);
    // The resumed invoice bills exactly the selection (48,000 + 6,000 + 10% on 6,000 + 8% on 48,000).
    expect(retry.issued[0]!.billed).toBe(48000 + 3840 + 6000 + 600);
  });
});

describe('the rendered preview of one invoice', () => {
  function withHostileClient(bundle: Bundle): void {
    for (const [name, col] of [
      ['取引先', '取引先名'],
      ['売上明細', '取引先'],
    ] as const) {
      const s = sheet(bundle, name);
      const values = s.getDataRange().getValues();
      const c = values[0]!.indexOf(col);
      values.forEach((r, i) => {
        if (r[c] === '山田デザイン事務所') s.getRange(i + 1, c + 1).setValue(HOSTILE);
      });
    }
  }

  it('shows the invoice as issuing would render it, marked as a preview, writing nothing', () => {
    const bundle = demoBundle();
    withHostileClient(bundle);
    saveSettings(bundle, { invoiceNote: '振込手数料はご負担ください' });
    const preview = bundle.runJson('invoicesPreview', [CLOSING]) as InvoicePreview;
    const item = preview.invoices.find((i) => i.client === HOSTILE)!;
    const before = bundle.workspace.SpreadsheetApp.active!.snapshot();
    bundle.workspace.meter.resetCounts();
    const result = bundle.runJson('invoicesShowPreview', [
      { closingDate: '2026-11-30', periodKey: item.periodKey },
    ]);
    expect(result).toEqual({ shown: true });
    const dialogs = bundle.workspace.ui.dialogs;
    expect(dialogs).toHaveLength(1);
    const dialog = dialogs[0]!;
    expect(dialog.kind).toBe('modal');
    expect(dialog.title).toBe(`プレビュー: ${HOSTILE}`);
    expect(dialog.width).toBeGreaterThan(700);
    const html = dialog.content;
    // The owner's language only: Japanese for the demo owner.
    expect(html).toContain('プレビュー：まだ発行されていません。番号は発行時に採番します');
    expect(html).not.toContain('PREVIEW');
    expect(html).toContain('(発行時に採番)');
    expect(html).toContain('振込手数料はご負担ください');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(html).not.toContain(HOSTILE);
    expect(html).toContain('¥60,500');
    expect(bundle.workspace.SpreadsheetApp.active!.snapshot()).toEqual(before);
    expect(bundle.workspace.DriveApp.allFiles()).toEqual([]);
    expect(bundle.workspace.GmailApp.outbox()).toEqual([]);
    // Reads the user's language (their properties, their locale) and the sheets (SpreadsheetApp,
    // and the Sheets API for the batched read) and shows the dialog: no Drive, no Gmail.
    const services = Object.keys(bundle.workspace.meter.counts()).map((k) => k.split('.')[0]);
    expect([...new Set(services)].sort()).toEqual([
      'HtmlService',
      'PropertiesService',
      'Session',
      'Sheets',
      'SpreadsheetApp',
    ]);
  });

  it('is titled and marked in the language of the person looking, the invoice in its own', () => {
    const bundle = demoBundle();
    bundle.workspace.user.locale = 'en';
    const preview = bundle.runJson('invoicesPreview', [CLOSING]) as InvoicePreview;
    const yamada = preview.invoices.find((i) => i.client === '山田デザイン事務所')!;
    bundle.runJson('invoicesShowPreview', [{ ...CLOSING, periodKey: yamada.periodKey }]);
    const dialog = bundle.workspace.ui.dialogs[0]!;
    expect(dialog.title).toBe('Invoice preview');
    expect(dialog.content).toContain('PREVIEW: not issued yet; the number is assigned on issue');
    expect(dialog.content).not.toContain('プレビュー');
    // 山田デザイン事務所 is billed in Japanese.
    expect(dialog.content).toContain('(発行時に採番)');
  });

  it('with a selection, shows only that client selected lines; a stale item is refused', () => {
    const bundle = demoBundle();
    const preview = bundle.runJson('invoicesPreview', [CLOSING]) as InvoicePreview;
    const sakura = preview.invoices.find((i) => i.client === '株式会社さくら食品')!;
    bundle.runJson('invoicesShowPreview', [
      { closingDate: '2026-11-30', periodKey: sakura.periodKey, rows: [2, 4] },
    ]);
    const html = bundle.workspace.ui.dialogs[0]!.content;
    expect(html).toContain('ギフト包装');
    expect(html).not.toContain('焼き菓子詰め合わせ');
    issue(bundle);
    expect(() =>
      bundle.runJson('invoicesShowPreview', [
        { closingDate: '2026-11-30', periodKey: sakura.periodKey },
      ]),
    ).toThrow(/^この請求書はプレビューにありません/);
    expect(() =>
      bundle.runJson('invoicesShowPreview', [{ closingDate: '2026-11-30', periodKey: '' }]),
    ).toThrow(/^入力内容が正しくありません/);
  });
});
