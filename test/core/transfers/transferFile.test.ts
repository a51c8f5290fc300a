/**
 * The 総合振込 file against one built by hand from the 全銀協 layout (全国銀行協会 レコード・フォーマット
 * §8 総合振込; 群馬銀行 z_format1.pdf): every field as [name, 1-based position, width, content],
 * N fields right-aligned zero-filled, C fields left-aligned space-filled.
 */
import type { DateKey } from '../../../src/core/dates';
import { toShiftJis } from '../../../src/core/transfers/shiftJis';
import {
  buildTransferFile,
  type Payable,
  type Requester,
  type TransferFileInput,
} from '../../../src/core/transfers/transferFile';

type Field = [name: string, position: number, width: number, content: string];

// Header record (1)
const HEADER: Field[] = [
  ['データ区分', 1, 1, '1'],
  ['種別コード (21 総合振込)', 2, 2, '21'],
  ['コード区分 (0 JIS)', 4, 1, '0'],
  ['依頼人コード N10', 5, 10, '1234567890'],
  ['依頼人名 C40', 15, 40, 'ｶ)ﾎﾟﾂｹ                                  '],
  ['振込指定日 MMDD', 55, 4, '0525'],
  ['仕向銀行番号 N4', 59, 4, '0001'],
  ['仕向銀行名 C15', 63, 15, 'ﾐｽﾞﾎ           '],
  ['仕向支店番号 N3', 78, 3, '001'],
  ['仕向支店名 C15', 81, 15, 'ﾄｳｷﾖｳ          '],
  ['預金種目 (1 普通)', 96, 1, '1'],
  ['口座番号 N7', 97, 7, '1234567'],
  ['ダミー C17', 104, 17, '                 '],
];
// Data record (2): 110,000 yen less 10,210 withheld on the 100,000 yen fee, 普通
const DATA_YAMADA: Field[] = [
  ['データ区分', 1, 1, '2'],
  ['被仕向銀行番号 N4', 2, 4, '0005'],
  ['被仕向銀行名 C15', 6, 15, 'ﾐﾂﾋﾞｼﾕ-ｴﾌｼﾞｴｲ  '],
  ['被仕向支店番号 N3', 21, 3, '101'],
  ['被仕向支店名 C15', 24, 15, 'ｼﾝｼﾞﾕｸ         '],
  ['手形交換所番号 N4', 39, 4, '0000'],
  ['預金種目', 43, 1, '1'],
  ['口座番号 N7', 44, 7, '7654321'],
  ['受取人名 C30', 51, 30, 'ﾔﾏﾀﾞ ﾊﾅｺ                      '],
  ['振込金額 N10', 81, 10, '0000099790'],
  ['新規コード (0 その他)', 91, 1, '0'],
  ['顧客コード1 N10', 92, 10, '0000000000'],
  ['顧客コード2 N10', 102, 10, '0000000000'],
  ['振込指定区分', 112, 1, '0'],
  ['識別表示 C1', 113, 1, ' '],
  ['ダミー C7', 114, 7, '       '],
];
// Data record (2): a company, 当座, no withholding; codes a sheet turned into numbers
const DATA_SAMPLE: Field[] = [
  ['データ区分', 1, 1, '2'],
  ['被仕向銀行番号 N4', 2, 4, '0009'],
  ['被仕向銀行名 C15', 6, 15, 'ﾐﾂｲｽﾐﾄﾓ        '],
  ['被仕向支店番号 N3', 21, 3, '123'],
  ['被仕向支店名 C15', 24, 15, 'ﾏﾙﾉｳﾁ          '],
  ['手形交換所番号 N4', 39, 4, '0000'],
  ['預金種目', 43, 1, '2'],
  ['口座番号 N7', 44, 7, '0000055'],
  ['受取人名 C30', 51, 30, 'ｶ)ｻﾝﾌﾟﾙｼﾖｳｼﾞ                  '],
  ['振込金額 N10', 81, 10, '0000330000'],
  ['新規コード (0 その他)', 91, 1, '0'],
  ['顧客コード1 N10', 92, 10, '0000000000'],
  ['顧客コード2 N10', 102, 10, '0000000000'],
  ['振込指定区分', 112, 1, '0'],
  ['識別表示 C1', 113, 1, ' '],
  ['ダミー C7', 114, 7, '       '],
];
// Data record (2): 貯蓄, no bank or branch name given
const DATA_DENKI: Field[] = [
  ['データ区分', 1, 1, '2'],
  ['被仕向銀行番号 N4', 2, 4, '0138'],
  ['被仕向銀行名 C15', 6, 15, '               '],
  ['被仕向支店番号 N3', 21, 3, '250'],
  ['被仕向支店名 C15', 24, 15, '               '],
  ['手形交換所番号 N4', 39, 4, '0000'],
  ['預金種目', 43, 1, '4'],
  ['口座番号 N7', 44, 7, '0012345'],
  ['受取人名 C30', 51, 30, 'ﾃﾞﾝｷｶﾞｲｼﾔ(ﾕ                   '],
  ['振込金額 N10', 81, 10, '0000005500'],
  ['新規コード (0 その他)', 91, 1, '0'],
  ['顧客コード1 N10', 92, 10, '0000000000'],
  ['顧客コード2 N10', 102, 10, '0000000000'],
  ['振込指定区分', 112, 1, '0'],
  ['識別表示 C1', 113, 1, ' '],
  ['ダミー C7', 114, 7, '       '],
];
// Trailer record (8): 3 transfers, 99,790 + 330,000 + 5,500 yen
const TRAILER: Field[] = [
  ['データ区分', 1, 1, '8'],
  ['合計件数 N6', 2, 6, '000003'],
  ['合計金額 N12', 8, 12, '000000435290'],
  ['ダミー C101', 20, 101, ' '.repeat(101)],
];
// End record (9)
const END: Field[] = [
  ['データ区分', 1, 1, '9'],
  ['ダミー C119', 2, 119, ' '.repeat(119)],
];

const RECORDS = [HEADER, DATA_YAMADA, DATA_SAMPLE, DATA_DENKI, TRAILER, END];
const byHand = (fields: Field[]) => fields.map(([, , , content]) => content).join('');

const requester: Requester = {
  code: '1234567890',
  name: 'カブシキガイシャ ポッケ',
  bankCode: '0001',
  bankName: 'ミズホ',
  branchCode: '001',
  branchName: 'トウキヨウ',
  accountType: '普通',
  accountNumber: '1234567',
};

const yamada: Payable = {
  row: 2,
  payee: '山田デザイン',
  bankCode: '0005',
  bankName: 'ミツビシユ－エフジエイ',
  branchCode: '101',
  branchName: 'シンジユク',
  accountType: '普通',
  accountNumber: '7654321',
  holder: 'ヤマダ　ハナコ',
  amount: 110000,
  withholding: true,
  withholdingBase: 100000,
};
const sample: Payable = {
  row: 3,
  payee: 'サンプル商事',
  bankCode: 9,
  bankName: 'ミツイスミトモ',
  branchCode: 123,
  branchName: 'マルノウチ',
  accountType: '当座',
  accountNumber: 55,
  holder: 'カブシキガイシャ　サンプルショウジ',
  amount: 330000,
  withholding: false,
};
const denki: Payable = {
  row: 4,
  payee: 'でんき',
  bankCode: '0138',
  branchCode: '250',
  accountType: '貯蓄',
  accountNumber: '0012345',
  holder: 'でんきがいしゃ ゆうげんがいしゃ',
  amount: 5500,
  withholding: false,
};

const input: TransferFileInput = {
  requester,
  transferDate: '2026-05-25' as DateKey,
  today: '2026-05-20' as DateKey,
  payables: [yamada, sample, denki],
};

function built() {
  const result = buildTransferFile(input);
  if (!result.ok) throw new Error(result.message.en);
  return result.file;
}

describe('the hand-built file', () => {
  test('the layout adds up: fields follow each other and fill 120 bytes', () => {
    for (const fields of RECORDS) {
      let position = 1;
      for (const [name, at, width, content] of fields) {
        expect([name, at, content.length]).toEqual([name, position, width]);
        position += width;
      }
      expect(position).toBe(121);
    }
  });
});

describe('buildTransferFile', () => {
  test('writes header, one data record per payee, trailer and end, exactly as by hand', () => {
    expect(built().records).toEqual(RECORDS.map(byHand));
  });

  test.each(RECORDS.map((fields, i) => [i, fields] as const))(
    'record %i: each field at its position, padded and aligned',
    (i, fields) => {
      const record = built().records[i]!;
      for (const [name, position, width, content] of fields) {
        expect([name, record.slice(position - 1, position - 1 + width)]).toEqual([name, content]);
      }
    },
  );

  test('every record is 120 bytes in Shift_JIS, followed by CRLF', () => {
    const file = built();
    const bytes = toShiftJis(file.content);
    expect(bytes.length).toBe(6 * 122);
    for (let r = 0; r < 6; r++) {
      const line = bytes.slice(r * 122, (r + 1) * 122);
      expect([line[120], line[121]]).toEqual([0x0d, 0x0a]);
      expect(line.slice(0, 120).includes(0x0d) || line.slice(0, 120).includes(0x0a)).toBe(false);
    }
    expect(file.content.endsWith('9' + ' '.repeat(119) + '\r\n')).toBe(true);
  });

  test('half-width kana are single bytes 0xA1–0xDF: the requester name ｶ)ﾎﾟﾂｹ', () => {
    const bytes = toShiftJis(built().content);
    expect([...bytes.slice(14, 20)]).toEqual([0xb6, 0x29, 0xce, 0xdf, 0xc2, 0xb9]);
  });

  test('the trailer counts the payees and totals the transfers after withholding', () => {
    const file = built();
    expect(file.count).toBe(3);
    expect(file.total).toBe(435290);
    expect(file.records[4]!.slice(1, 7)).toBe('000003');
    expect(file.records[4]!.slice(7, 19)).toBe('000000435290');
  });

  test('reports the withholding per row, the total, and when it is due', () => {
    const file = built();
    expect(file.lines.map((l) => [l.row, l.amount, l.withholding, l.transfer])).toEqual([
      [2, 110000, 10210, 99790],
      [3, 330000, 0, 330000],
      [4, 5500, 0, 5500],
    ]);
    expect(file.withholdingTotal).toBe(10210);
    expect(file.withholdingDueDate).toBe('2026-06-10');
  });

  test('without a base, the whole amount is subject to withholding', () => {
    const result = buildTransferFile({
      ...input,
      payables: [{ ...yamada, withholdingBase: undefined }],
    });
    expect(result.ok && result.file.lines[0]).toMatchObject({
      withholding: 11231,
      transfer: 98769,
    });
  });

  test('is named with the transfer date', () => {
    expect(built().fileName).toBe('furikomi_20260525.txt');
  });

  test('warns when the same account gets the same amount twice, and still makes the file', () => {
    const result = buildTransferFile({
      ...input,
      payables: [sample, denki, { ...sample, row: 7 }],
    });
    expect(result.ok).toBe(true);
    expect(result.ok && result.file.warnings.map((w) => w.ja)).toEqual([
      '7行目と3行目は同じ口座に同じ額(330,000円)を振り込みます',
    ]);
  });
});

describe('a file is refused as a whole when anything is wrong', () => {
  test('names every bad row with what is wrong, and makes no file', () => {
    const result = buildTransferFile({
      ...input,
      payables: [
        yamada,
        { ...sample, holder: '株式会社サンプル商事' },
        { ...denki, bankCode: '12345', accountType: '定期', amount: 0 },
      ],
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect('file' in result).toBe(false);
    expect(result.problems.map((p) => p.row)).toEqual([3, 4]);
    expect(result.problems[0]!.message.ja).toBe(
      '3行目(サンプル商事): 口座名義に銀行で使えない文字があります: 「商」「事」' +
        '(使えるのは半角カナ・英大文字・数字・スペース・( ) - . / です)',
    );
    expect(result.problems[1]!.message.en).toBe(
      'Row 4 (でんき): Bank code must be up to 4 digits ("12345"); ' +
        'Account type must be 普通, 当座 or 貯蓄 ("定期"); ' +
        'The amount must be a whole number of yen above zero (0)',
    );
    expect(result.message.ja.startsWith('振込データを作成できませんでした。3行目')).toBe(true);
    expect(result.message.en).toContain('Row 4 (でんき)');
    expect(result.message.ja).not.toContain('Row');
  });

  test('a holder name longer than 30 bytes is refused, not cut', () => {
    const result = buildTransferFile({
      ...input,
      payables: [{ ...denki, holder: 'ダイダイダイダイダイダイダイダイダイダイダイ' }],
    });
    expect(!result.ok && result.problems[0]!.message.ja).toContain(
      '口座名義は30文字以内で入力してください(現在33文字)',
    );
  });

  test('a bank name longer than its field is cut, never splitting a kana from its ﾞ', () => {
    const result = buildTransferFile({
      ...input,
      payables: [{ ...denki, bankName: 'アイウエオカキクケコサシスセゾタチ' }],
    });
    expect(result.ok && result.file.records[1]!.slice(5, 20)).toBe('ｱｲｳｴｵｶｷｸｹｺｻｼｽｾ ');
  });

  test('the settings and the date are checked too', () => {
    const result = buildTransferFile({
      ...input,
      transferDate: '2026-05-23' as DateKey,
      requester: { ...requester, accountType: '貯蓄', code: '' },
    });
    expect(!result.ok && result.problems.map((p) => [p.row, p.message.ja])).toEqual([
      [
        null,
        '2026年5月23日(土)は土曜日で銀行が休みです。翌営業日の2026年5月25日(月)はいかがですか',
      ],
      [
        null,
        '振込元の設定: 依頼人コードが入力されていません、振込元の預金種目は普通・当座のいずれかです(「貯蓄」)',
      ],
    ]);
  });

  test('an amount the 10-digit field cannot hold, or a withholding base above the amount', () => {
    const result = buildTransferFile({
      ...input,
      payables: [
        { ...sample, amount: 10_000_000_000 },
        { ...yamada, withholdingBase: 120000 },
      ],
    });
    expect(!result.ok && result.problems.map((p) => p.message.ja)).toEqual([
      '3行目(サンプル商事): 振込額10,000,000,000円は1件の上限(9,999,999,999円)を超えています',
      '2行目(山田デザイン): 源泉徴収の対象額(120000)が支払額を超えているか、整数ではありません',
    ]);
  });

  test('nothing to pay is refused', () => {
    const result = buildTransferFile({ ...input, payables: [] });
    expect(!result.ok && result.message.en).toBe(
      'The transfer file was not made; There is nothing to pay',
    );
  });
});
