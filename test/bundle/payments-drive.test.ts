/**
 * Payments in, the two other ways in: a statement saved in Drive (picked with the Google Picker,
 * read under drive.file only once picked) and the owner's mapping for a bank Pokke does not know
 * (set once from the file's header, kept in 設定, recognised by itself next time).
 */
import iconv from 'iconv-lite';
import type { Bundle } from '../../emulator/runtime';
import { grantPicked } from '../../playground/pickerDrive';
import { DEMO_BANK_CSV, seedDemoDrive } from '../../playground/seed';
import { DEMO_DIR } from '../../playground/session';
import type {
  PaymentsImportReport,
  PaymentsLayoutRequest,
  PaymentsPickerSetup,
} from '../../src/core/contracts/payments';
import { book, demoAt, records, tokyo } from './automations-support';

function demoMonth(): Bundle {
  const bundle = demoAt('2026-11-30T18:00:00+09:00');
  bundle.runJson('invoicesIssue', [{ closingDate: '2026-11-30' }]);
  bundle.workspace.clock.set(tokyo('2026-12-30T10:00:00'));
  bundle.runJson('automationsRunNow', []);
  bundle.workspace.clock.set(tokyo('2027-01-08T18:00:00'));
  return bundle;
}

const setting = (bundle: Bundle, key: string) =>
  records(bundle, '設定').find((r) => r['キー'] === key)?.['値'];

describe('payments in from a CSV saved in Drive (Google Picker, drive.file)', () => {
  function withDemoDrive(): { bundle: Bundle; fileId: string } {
    const bundle = demoMonth();
    seedDemoDrive(bundle.workspace, DEMO_DIR);
    const file = bundle.workspace.DriveApp.allFiles().find((f) => f.name === DEMO_BANK_CSV)!;
    return { bundle, fileId: file.id };
  }

  it('tells the owner what to set before the Picker can open, then hands it token, key and project number', () => {
    const { bundle } = withDemoDrive();
    const before = bundle.runJson('paymentsPicker', []) as PaymentsPickerSetup;
    expect(before.ok).toBe(false);
    expect(!before.ok && before.message.ja).toContain('POKKE_PICKER_API_KEY, POKKE_PICKER_APP_ID');
    const props = bundle.workspace.PropertiesService.getScriptProperties();
    props.setProperty('POKKE_PICKER_API_KEY', 'AIza-demo-key');
    props.setProperty('POKKE_PICKER_APP_ID', '123456789012');
    const after = bundle.runJson('paymentsPicker', []) as PaymentsPickerSetup;
    expect(after).toEqual({
      ok: true,
      oauthToken: bundle.workspace.ScriptApp.getOAuthToken(),
      developerKey: 'AIza-demo-key',
      appId: '123456789012',
    });
  });

  it('imports a picked file exactly like an upload; the same file twice adds nothing', () => {
    const { bundle, fileId } = withDemoDrive();
    grantPicked(bundle.workspace, fileId);
    const first = bundle.runJson('paymentsImportDrive', [{ fileId }]) as PaymentsImportReport;
    expect(first.message.ja).toBe('三井住友銀行の明細を6行取り込みました(うち入金4件)');
    expect(first.view.lines).toHaveLength(4);
    const again = bundle.runJson('paymentsImportDrive', [{ fileId }]) as PaymentsImportReport;
    expect([again.added, again.alreadyThere]).toEqual([0, 6]);
    expect(records(bundle, '入出金明細')).toHaveLength(6);
    expect(bundle.workspace.meter.total('Drive')).toBeGreaterThan(0);
  });

  it('refuses a file the owner never picked for Pokke, with a clear message, importing nothing', () => {
    const { bundle, fileId } = withDemoDrive();
    expect(() => bundle.runJson('paymentsImportDrive', [{ fileId }])).toThrow(
      'このファイルはPokkeから読めません。「Driveから選ぶ」でファイルを選び直してください',
    );
    expect(records(bundle, '入出金明細')).toEqual([]);
  });
});

describe("the owner's mapping for a bank Pokke does not know", () => {
  const HEADER = 'お取引日,お受取金額,お支払金額,ご依頼人・摘要,差引残高';
  const fileOf = (...lines: string[]) =>
    iconv.encode(`口座番号 1234567\r\n${[HEADER, ...lines].join('\r\n')}\r\n`, 'Shift_JIS');
  const DECEMBER = fileOf(
    '2026年12月10日,"83,920",,ﾌﾘｺﾐ ｶ)ｻｸﾗｼﾖｸﾋﾝ,"1,328,640"',
    '2026年12月12日,,"3,300",ｶｰﾄﾞ ﾃｽｳﾘﾖｳ,"1,325,340"',
  );
  const JANUARY = fileOf('2027年1月8日,"169,400",,ﾌﾘｺﾐ ﾄﾞ)ﾐﾅﾄｷｶｸ,"1,494,740"');
  const upload = (bundle: Bundle, bytes: Buffer) =>
    bundle.runJson('paymentsImport', [
      { fileName: 'meisai.csv', base64: bytes.toString('base64') },
    ]) as PaymentsImportReport;
  const layout: PaymentsLayoutRequest['layout'] = {
    name: 'しんきん銀行',
    date: { kind: 'column', column: 'お取引日', format: 'y年m月d日' },
    amount: { kind: 'inOut', in: 'お受取金額', out: 'お支払金額' },
    description: ['ご依頼人・摘要'],
    balance: '差引残高',
  };
  const save = (bundle: Bundle, l: PaymentsLayoutRequest['layout'], bytes = DECEMBER) =>
    bundle.runJson('paymentsSaveLayout', [
      { source: { fileName: 'meisai.csv', base64: bytes.toString('base64') }, layout: l },
    ]) as PaymentsImportReport;

  it('shows the header of an unknown file, saves the mapping in 設定, imports; next file goes in by itself', () => {
    const bundle = demoMonth();
    const unknown = upload(bundle, DECEMBER);
    expect(unknown.added).toBe(0);
    expect(unknown.layoutNeeded).toEqual({
      header: HEADER.split(','),
      samples: [
        ['2026年12月10日', '83,920', '', 'ﾌﾘｺﾐ ｶ)ｻｸﾗｼﾖｸﾋﾝ', '1,328,640'],
        ['2026年12月12日', '', '3,300', 'ｶｰﾄﾞ ﾃｽｳﾘﾖｳ', '1,325,340'],
      ],
      dateFormats: ['yyyymmdd', 'y/m/d', 'y-m-d', 'y年m月d日'],
    });
    expect(records(bundle, '入出金明細')).toEqual([]);

    // A mapping that does not read the file is refused and not kept.
    expect(() => save(bundle, { ...layout, name: ' ' })).toThrow('銀行名を入力してください');
    expect(() =>
      save(bundle, { ...layout, date: { kind: 'column', column: 'お取引日', format: 'y/m/d' } }),
    ).toThrow('3行目: 日付を読み取れません');
    expect(setting(bundle, 'bankCsvLayouts')).toBe('');

    const saved = save(bundle, layout);
    expect(saved.message.ja).toBe('しんきん銀行の明細を2行取り込みました(うち入金1件)');
    expect(JSON.parse(setting(bundle, 'bankCsvLayouts')!)).toEqual([layout]);
    expect(saved.view.lines[0]!.proposals[0]!.invoices[0]!.number).toBe('2026-11-0004');

    const january = upload(bundle, JANUARY);
    expect(january.layoutNeeded).toBeUndefined();
    expect(january.message.ja).toBe('しんきん銀行の明細を1行取り込みました(うち入金1件)');
    expect(records(bundle, '入出金明細')).toHaveLength(3);
  });

  it('adds the 設定 row to a workbook set up before it existed', () => {
    const bundle = demoMonth();
    const sheet = book(bundle).getSheetByName('設定')!;
    const keys = sheet
      .getRange(1, 1, sheet.getLastRow(), 1)
      .getValues()
      .map((r) => r[0]);
    sheet.deleteRow(keys.indexOf('bankCsvLayouts') + 1);
    expect(setting(bundle, 'bankCsvLayouts')).toBeUndefined();
    save(bundle, layout);
    expect(JSON.parse(setting(bundle, 'bankCsvLayouts')!)).toEqual([layout]);
    expect(records(bundle, '設定').find((r) => r['キー'] === 'bankCsvLayouts')!['項目']).toBe(
      '銀行CSVの列の対応',
    );
  });
});
