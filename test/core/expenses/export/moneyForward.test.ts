import { MONEY_FORWARD_HEADER, moneyForwardCsv } from '../../../../src/core/expenses/export';
import { readCsv } from '../../../fixtures/readCsv';
import { expense, REGISTERED } from './support';

const column = (name: (typeof MONEY_FORWARD_HEADER)[number]) => MONEY_FORWARD_HEADER.indexOf(name);

function records(
  expenses: Parameters<typeof moneyForwardCsv>[0],
  options?: Parameters<typeof moneyForwardCsv>[1],
) {
  const doc = moneyForwardCsv(expenses, options);
  expect(doc.encoding).toBe('shift_jis');
  const [header, ...rows] = readCsv(doc.text);
  expect(header).toEqual([...MONEY_FORWARD_HEADER]);
  for (const row of rows) expect(row).toHaveLength(MONEY_FORWARD_HEADER.length);
  return rows;
}

describe('マネーフォワード クラウド会計 仕訳帳インポート', () => {
  it('writes one numbered entry per expense: the account on the 借方, the payment on the 貸方', () => {
    const rows = records([
      expense({
        date: '2026-11-04',
        payee: '東都交通',
        account: '旅費交通費',
        amount: 1980,
        paymentMethod: '現金',
        registrationNumber: REGISTERED,
        memo: '打ち合わせ往復',
      }),
      expense({
        date: '2026-11-05',
        amount: 3300,
        paymentMethod: 'カード',
        registrationNumber: REGISTERED,
      }),
    ]);
    const pick = (r: string[]) =>
      (
        [
          '取引No',
          '取引日',
          '借方勘定科目',
          '借方取引先',
          '借方税区分',
          '借方インボイス',
          '借方金額(円)',
          '借方税額',
          '貸方勘定科目',
          '貸方税区分',
          '貸方金額(円)',
          '摘要',
        ] as const
      ).map((c) => r[column(c)]);
    expect(pick(rows[0]!)).toEqual([
      '1',
      '2026/11/04',
      '旅費交通費',
      '東都交通',
      '課税仕入 10%',
      '適格',
      '1980',
      '180',
      '現金',
      '対象外',
      '1980',
      '東都交通 打ち合わせ往復',
    ]);
    expect(pick(rows[1]!).slice(0, 2)).toEqual(['2', '2026/11/05']);
    expect(rows[1]![column('貸方勘定科目')]).toBe('未払金');
  });

  it('takes the 貸方 from the payment method, as data the owner can change', () => {
    const methods = ['現金', 'カード', '振込', '口座振替', '電子マネー', ''] as const;
    const list = methods.map((m) => expense({ date: '2026-11-06', amount: 110, paymentMethod: m }));
    expect(records(list).map((r) => r[column('貸方勘定科目')])).toEqual([
      '現金',
      '未払金',
      '普通預金',
      '普通預金',
      '未払金',
      '未払金',
    ]);
    const own = records(list.slice(1, 2), { creditAccounts: { カード: '未払金(ポッケカード)' } });
    expect(own[0]![column('貸方勘定科目')]).toBe('未払金(ポッケカード)');
  });

  it('marks a purchase without a registration number with the 経過措置 share, leaving the tax to MF', () => {
    const rows = records([
      expense({ date: '2026-09-30', amount: 1100 }),
      expense({ date: '2026-11-10', amount: 1080, taxRate: '8%' }),
      expense({ date: '2026-11-10', amount: 1080, taxRate: '8%', registrationNumber: REGISTERED }),
      expense({ date: '2026-11-10', amount: 5000, taxRate: '非課税' }),
    ]);
    expect(
      rows.map((r) => [
        r[column('借方税区分')],
        r[column('借方インボイス')],
        r[column('借方税額')],
      ]),
    ).toEqual([
      ['課税仕入 10%', '80%控除', ''],
      ['課税仕入 (軽)8%', '70%控除', ''],
      ['課税仕入 (軽)8%', '適格', '80'],
      ['非課仕入', '', '0'],
    ]);
  });

  it('writes a refund as the reversed entry with positive amounts', () => {
    const [row] = records([
      expense({
        date: '2026-11-11',
        amount: -550,
        paymentMethod: '振込',
        registrationNumber: REGISTERED,
      }),
    ]);
    expect([
      row![column('借方勘定科目')],
      row![column('借方金額(円)')],
      row![column('貸方勘定科目')],
      row![column('貸方税区分')],
      row![column('貸方金額(円)')],
      row![column('貸方税額')],
    ]).toEqual(['普通預金', '550', '消耗品費', '課税仕入 10%', '550', '50']);
  });

  it('writes characters Shift_JIS lacks in their plain form, then guards formulas', () => {
    const [row] = records([
      expense({ date: '2026-11-12', amount: 110, payee: '㈱ポッケ① ｶﾌｪ', memo: '＝SUM(A1)' }),
    ]);
    expect(row![column('借方取引先')]).toBe('(株)ポッケ1 カフェ');
    // Full-width ＝ becomes = in NFKC form: the guard sees the text as written.
    const memoOnly = records([expense({ date: '2026-11-12', amount: 110, payee: '＝SUM(A1)' })]);
    expect(memoOnly[0]![column('借方取引先')]).toBe("'=SUM(A1)");
  });

  it('writes a hostile payee on one line, neutralised', () => {
    const doc = moneyForwardCsv([
      expense({ date: '2026-11-14', amount: 100, payee: '@cmd|"/c calc"!A0\n"x"' }),
    ]);
    const [, row] = readCsv(doc.text);
    expect(row![column('借方取引先')]).toBe(`'@cmd|"/c calc"!A0 "x"`);
    expect(doc.text.split('\r\n')).toHaveLength(3);
  });
});
