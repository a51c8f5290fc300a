/**
 * Payments in (入金確認) through the built bundle: the demo month's invoices issued (11/30) and the
 * dispatcher's month end (12/30, みなと企画's December invoice), then the demo bank statement
 * (Shift_JIS) imported, proposed, confirmed — and the next day's dispatcher.
 */
import { readFileSync } from 'node:fs';
import iconv from 'iconv-lite';
import type { Bundle } from '../../emulator/runtime';
import type {
  PaymentDecision,
  PaymentsConfirmReport,
  PaymentsImportReport,
  PaymentsView,
} from '../../src/core/contracts/payments';
import { book, demoAt, records, tokyo } from './automations-support';

const DEMO_CSV = readFileSync('playground/demo/bank-2026-12.csv');
const HEADER = '年月日,お引出し,お預入れ,お取り扱い内容,残高';

function demoMonth(): Bundle {
  const bundle = demoAt('2026-11-30T18:00:00+09:00');
  bundle.runJson('invoicesIssue', [{ closingDate: '2026-11-30' }]);
  at(bundle, '2026-12-30T10:00:00');
  bundle.runJson('automationsRunNow', []);
  at(bundle, '2027-01-08T18:00:00');
  return bundle;
}

const at = (bundle: Bundle, iso: string) => bundle.workspace.clock.set(tokyo(iso));

const upload = (bundle: Bundle, bytes: Uint8Array, fileName = 'meisai.csv') =>
  bundle.runJson('paymentsImport', [
    { fileName, base64: Buffer.from(bytes).toString('base64') },
  ]) as PaymentsImportReport;

const confirm = (bundle: Bundle, decisions: PaymentDecision[]) =>
  bundle.runJson('paymentsConfirm', [{ decisions }]) as PaymentsConfirmReport;

const sjis = (text: string) => iconv.encode(text, 'Shift_JIS');
const utf8Bom = (text: string) => Buffer.concat([Buffer.of(0xef, 0xbb, 0xbf), Buffer.from(text)]);

/** The best proposal of every line that has one; 対象外 for the others. */
function acceptAll(view: PaymentsView): PaymentDecision[] {
  return view.lines.map((l) =>
    l.proposals[0]
      ? {
          lineKey: l.lineKey,
          action: 'match',
          invoices: l.proposals[0].invoices.map((i) => i.number),
        }
      : { lineKey: l.lineKey, action: 'ignore' },
  );
}

const invoiceRow = (bundle: Bundle, number: string) =>
  records(bundle, '請求書').find((r) => r['請求書番号'] === number)!;

const reminderDrafts = (bundle: Bundle) =>
  bundle.workspace.GmailApp.outbox()
    .filter((m) => m.kind === 'draft' && /\d{4}-\d{2}-\d{4}/.test(m.subject))
    .map((m) => m.subject);

describe('payments in (入金確認) through the bundle', () => {
  it('imports the Shift_JIS statement once: the same file and an overlapping UTF-8 file add nothing twice', () => {
    const bundle = demoMonth();
    const first = upload(bundle, DEMO_CSV);
    expect(first.added).toBe(6);
    expect(first.message.ja).toBe('三井住友銀行の明細を6行取り込みました(うち入金4件)');
    expect(records(bundle, '入出金明細').map((r) => [r['摘要'], r['状態']])).toEqual([
      ['ｶｰﾄﾞ ﾎﾟﾂｹﾈﾂﾄｶｲｾﾝ', '対象外'],
      ['ﾌﾘｺﾐ ｶ)ｻｸﾗｼﾖｸﾋﾝ', '未照合'],
      ['ﾌﾘｺﾐ ﾀﾅｶ ｲﾁﾛｳ', '未照合'],
      ['ﾌﾘｺﾐ ｼﾌﾞﾔﾐﾄﾞﾘﾌﾄﾞｳｻﾝ', '対象外'],
      ['ﾌﾘｺﾐ ﾔﾏﾀﾞ ﾃﾞｻﾞｲﾝｼﾞﾑｼﾖ', '未照合'],
      ['ﾌﾘｺﾐ ﾄﾞ)ﾐﾅﾄｷｶｸ', '未照合'],
    ]);
    // Blue Harbor's 振込名義カナ comes from its name; the kanji names stay for the owner to type.
    expect(records(bundle, '取引先').map((r) => r['振込名義カナ'])).toEqual([
      '',
      'カ)サクラシヨクヒン',
      'ド)ミナトキカク',
      'BLUE HARBOR STUDIO',
    ]);

    const again = upload(bundle, DEMO_CSV);
    expect(again.added).toBe(0);
    expect(again.alreadyThere).toBe(6);
    // A later download, UTF-8 with a BOM, newest first: the two last lines again and one new.
    const later = [
      HEADER,
      '2027/1/12,,33000,ﾌﾘｺﾐ ｶ)ｻｸﾗｼﾖｸﾋﾝ,1487040',
      '2027/1/8,,169400,ﾌﾘｺﾐ ﾄﾞ)ﾐﾅﾄｷｶｸ,1454040',
      '2026/12/28,,60500,ﾌﾘｺﾐ ﾔﾏﾀﾞ ﾃﾞｻﾞｲﾝｼﾞﾑｼﾖ,1284640',
    ].join('\r\n');
    const overlap = upload(bundle, utf8Bom(`${later}\r\n`));
    expect([overlap.added, overlap.alreadyThere]).toEqual([1, 2]);
    expect(records(bundle, '入出金明細')).toHaveLength(7);
  });

  it('refuses a broken file whole: wrong encoding, unknown header, a cut-off last line', () => {
    const bundle = demoMonth();
    const utf16 = Buffer.from(`\ufeff${HEADER}\r\n2026/12/10,,1000,ﾌﾘｺﾐ ｱ,1000\r\n`, 'utf16le');
    expect(() => upload(bundle, utf16)).toThrow(/文字コード|見出し行/);
    // An unknown header imports nothing and asks for the owner's mapping (payments-drive.test).
    const unknown = upload(bundle, sjis('日付,金額,メモ\r\n2026/12/10,1000,x\r\n'));
    expect(unknown.message.ja).toMatch(/見出し行から銀行を判別できません/);
    expect(unknown.layoutNeeded?.header).toEqual(['日付', '金額', 'メモ']);
    const cut = sjis(`${HEADER}\r\n2026/12/10,,83920,ﾌﾘｺﾐ ｶ)ｻｸﾗｼﾖｸﾋﾝ,1328640\r\n2026/12/15,,5500`);
    expect(() => upload(bundle, cut)).toThrow(/3行目/);
    expect(records(bundle, '入出金明細')).toEqual([]);
  });

  it('proposes best first with reasons, confirms: invoices 入金済, the fee in 経費, the name learned; twice changes nothing; no reminder next day', () => {
    const bundle = demoMonth();
    const { view } = upload(bundle, DEMO_CSV);
    expect(
      view.lines.map((l) => [
        l.amount,
        l.proposals.map((p) => [
          p.invoices.map((i) => i.number).join('+'),
          p.confidence,
          p.reason.ja,
        ]),
      ]),
    ).toEqual([
      [169400, [['2026-11-0002+2027-01-0001', 96, '2件の請求書の合計・金額一致・名義一致']]],
      [83920, [['2026-11-0004', 91, '振込手数料 440円差・名義一致']]],
      [60500, [['2026-11-0003', 40, '金額一致・名義不明']]],
      [5500, []],
    ]);
    const report = confirm(bundle, acceptAll(view));
    expect(report.confirmed).toHaveLength(3);
    expect(report.ignored).toBe(1);
    expect(report.feesIn).toBe('expenses');
    expect(report.view.lines).toEqual([]);
    const paid = (n: string) => {
      const r = invoiceRow(bundle, n);
      return [r['状態'], r['入金日'], r['入金額'], r['残高']];
    };
    expect(paid('2026-11-0004')).toEqual(['入金済', '2026/12/10', '84,360', '0']);
    expect(paid('2026-11-0003')).toEqual(['入金済', '2026/12/28', '60,500', '0']);
    expect(paid('2026-11-0002')).toEqual(['入金済', '2027/01/08', '133,100', '0']);
    expect(paid('2027-01-0001')).toEqual(['入金済', '2027/01/08', '36,300', '0']);
    expect(paid('2026-11-0001')[0]).not.toBe('入金済');
    expect(records(bundle, '経費').filter((r) => r['勘定科目'] === '支払手数料')).toEqual([
      expect.objectContaining({
        日付: '2026/12/10',
        取引先: '株式会社さくら食品',
        '金額(税込)': '440',
        税率: '10%',
        支払方法: '振込',
        メモ: '振込手数料(2026-11-0004 入金分)',
      }),
    ]);
    const clients = records(bundle, '取引先');
    expect(clients[0]!['振込名義カナ']).toBe('ヤマダデザインジムシヨ');
    expect(clients[1]!['いつもの振込手数料']).toBe('440');

    const snapshot = () =>
      ['請求書', '入出金明細', '経費', '取引先'].map((name) => records(bundle, name));
    const before = snapshot();
    const twice = confirm(bundle, acceptAll(view));
    expect([twice.confirmed.length, twice.unchanged]).toEqual([0, 4]);
    expect(snapshot()).toEqual(before);

    // The next business day (1/9–1/11 are a weekend and 成人の日): the unpaid invoice (Blue
    // Harbor, due 1/4) is reminded, the paid ones never.
    const draftsBefore = reminderDrafts(bundle);
    at(bundle, '2027-01-12T10:00:00');
    bundle.runJson('automationsRunNow', []);
    const made = reminderDrafts(bundle).slice(draftsBefore.length);
    expect(made).toEqual(['Payment status (invoice 2026-11-0001)']);
  });

  it('uses a learned name next month; a part payment keeps a balance until the rest arrives', () => {
    const bundle = demoMonth();
    confirm(bundle, acceptAll(upload(bundle, DEMO_CSV).view));
    // February: 山田's January invoice paid under the learned name; Blue Harbor pays in two parts.
    const sheet = book(bundle).getSheetByName('請求書')!;
    const header = sheet.getRange(1, 1, 1, sheet.getLastColumn()).getValues()[0]!.map(String);
    const row = header.map(
      (h) =>
        ({
          請求書番号: '2027-01-0009',
          取引先: '山田デザイン事務所',
          発行日: new Date(tokyo('2027-01-31T00:00:00')),
          支払期限: new Date(tokyo('2027-02-28T00:00:00')),
          請求額: 44000,
          '合計(税込)': 44000,
          状態: '送付済',
        })[h] ?? '',
    );
    sheet.getRange(sheet.getLastRow() + 1, 1, 1, header.length).setValues([row]);
    at(bundle, '2027-02-26T18:00:00');
    const feb = [
      HEADER,
      '2027/2/10,,200000,ﾌﾘｺﾐ BLUE HARBOR STUDIO,1654040',
      '2027/2/26,,44000,ﾌﾘｺﾐ ﾔﾏﾀﾞ ﾃﾞｻﾞｲﾝｼﾞﾑｼﾖ,1698040',
    ].join('\r\n');
    const { view } = upload(bundle, sjis(feb));
    const byAmount = new Map(view.lines.map((l) => [l.amount, l.proposals[0]]));
    expect(byAmount.get(44000)).toMatchObject({
      invoices: [{ number: '2027-01-0009' }],
      reason: { ja: '金額一致・名義一致' },
    });
    expect(byAmount.get(200000)).toMatchObject({
      kind: 'partial',
      invoices: [{ number: '2026-11-0001', settled: 200000, remaining: 31000 }],
    });
    confirm(bundle, acceptAll(view));
    const blue = () => {
      const r = invoiceRow(bundle, '2026-11-0001');
      return [r['状態'], r['入金日'], r['入金額'], r['残高']];
    };
    expect(blue()).toEqual(['下書き', '', '200,000', '31,000']);
    expect(invoiceRow(bundle, '2027-01-0009')['状態']).toBe('入金済');

    at(bundle, '2027-03-01T18:00:00');
    const rest = upload(
      bundle,
      sjis(`${HEADER}\r\n2027/3/1,,31000,ﾌﾘｺﾐ BLUE HARBOR STUDIO,1729040\r\n`),
    );
    expect(rest.view.lines[0]!.proposals[0]).toMatchObject({
      invoices: [{ number: '2026-11-0001', settled: 31000, remaining: 0 }],
    });
    confirm(bundle, acceptAll(rest.view));
    expect(blue()).toEqual(['入金済', '2027/03/01', '231,000', '0']);
  });

  it('an owner correction: another invoice, and 対象外', () => {
    const bundle = demoMonth();
    const { view } = upload(bundle, DEMO_CSV);
    const unknown = view.lines.find((l) => l.amount === 5500)!;
    const yamada = view.lines.find((l) => l.amount === 60500)!;
    const report = confirm(bundle, [
      { lineKey: unknown.lineKey, action: 'ignore' },
      // 山田's transfer taken for Blue Harbor's invoice: a part payment the owner chose.
      { lineKey: yamada.lineKey, action: 'match', invoices: ['2026-11-0001'] },
    ]);
    expect(report.ignored).toBe(1);
    expect(invoiceRow(bundle, '2026-11-0001')['残高']).toBe('170,500');
    // Blue Harbor now also goes by 山田's bank name: the owner said so.
    expect(records(bundle, '取引先')[3]!['振込名義カナ']).toBe(
      'BLUE HARBOR STUDIO、ヤマダデザインジムシヨ',
    );
    const states = records(bundle, '入出金明細').map((r) => r['状態']);
    expect(states.filter((s) => s === '未照合')).toHaveLength(2);
  });

  it('keeps the fee in 入出金明細 when 経費 lacks the columns it needs', () => {
    const bundle = demoMonth();
    book(bundle).deleteSheet(book(bundle).getSheetByName('経費')!);
    const report = confirm(bundle, acceptAll(upload(bundle, DEMO_CSV).view));
    expect(report.feesIn).toBe('statement');
    expect(report.message.ja).toContain('振込手数料 440円を入出金明細の振込手数料列に記録');
    const sakura = records(bundle, '入出金明細').find((r) => r['金額'] === '83,920')!;
    expect(sakura['振込手数料']).toBe('440');
  });

  it('costs the same Sheets calls for 10 and 5,000 lines', () => {
    const calls = (count: number) => {
      const bundle = demoMonth();
      const lines = Array.from({ length: count }, (_, i) => {
        const day = 1 + (i % 28);
        return `2027/2/${day},,${1000 + i},ﾌﾘｺﾐ ﾃｽﾄ${i},${2_000_000 + i}`;
      });
      const csv = sjis(`${HEADER}\r\n${lines.join('\r\n')}\r\n`);
      bundle.workspace.meter.resetCounts();
      const report = upload(bundle, csv);
      expect(report.added).toBe(count);
      return (
        bundle.workspace.meter.total('SpreadsheetApp') + bundle.workspace.meter.total('Sheets')
      );
    };
    const small = calls(10);
    expect(calls(5000)).toBe(small);
    expect(small).toBeLessThanOrEqual(15);
  });
});
