import { FREEE_HEADER, freeeCsv } from '../../../../src/core/expenses/export';
import { readCsv } from '../../../fixtures/readCsv';
import { expense, REGISTERED } from './support';

const column = (name: (typeof FREEE_HEADER)[number]) => FREEE_HEADER.indexOf(name);

function records(...expenses: Parameters<typeof freeeCsv>[0]) {
  const doc = freeeCsv(expenses);
  expect(doc.encoding).toBe('utf-8-bom');
  const [header, ...rows] = readCsv(doc.text);
  expect(header).toEqual([...FREEE_HEADER]);
  return rows;
}

describe('freee 取引インポート', () => {
  it('writes one 支出 per expense with its date, payee, account, 税区分, tax-inclusive amount and tax', () => {
    const [row] = records(
      expense({
        date: '2026-11-04',
        payee: '東都交通',
        account: '旅費交通費',
        amount: 1980,
        taxRate: '10%',
        paymentMethod: 'カード',
        registrationNumber: REGISTERED,
        memo: '打ち合わせ往復',
      }),
    );
    expect(row).toHaveLength(FREEE_HEADER.length);
    expect(row![column('収支区分')]).toBe('支出');
    expect(row![column('発生日')]).toBe('2026/11/04');
    expect(row![column('取引先')]).toBe('東都交通');
    expect(row![column('勘定科目')]).toBe('旅費交通費');
    expect(row![column('税区分')]).toBe('課対仕入10%');
    expect(row![column('金額')]).toBe('1980');
    expect(row![column('税計算区分')]).toBe('内税');
    expect(row![column('税額')]).toBe('180');
    expect(row![column('備考')]).toBe('打ち合わせ往復');
    // A card is settled from the owner's own card 口座: left unsettled (未払金 in freee).
    expect([row![column('決済日')], row![column('決済口座')], row![column('決済金額')]]).toEqual([
      '',
      '',
      '',
    ]);
  });

  it('settles a cash expense from 現金 on its date, and another method from the owner’s 口座', () => {
    const cash = expense({ date: '2026-11-05', amount: 550, paymentMethod: '現金' });
    const card = expense({ date: '2026-11-06', amount: 3300, paymentMethod: 'カード' });
    const rows = readCsv(
      freeeCsv([cash, card], { settlementAccounts: { カード: 'ポッケカード' } }).text,
    ).slice(1);
    const settlement = (r: string[]) => [
      r[column('決済日')],
      r[column('決済口座')],
      r[column('決済金額')],
    ];
    expect(settlement(rows[0]!)).toEqual(['2026/11/05', '現金', '550']);
    expect(settlement(rows[1]!)).toEqual(['2026/11/06', 'ポッケカード', '3300']);
  });

  it('names the 税区分 by rate and by the 経過措置 share in force on the date', () => {
    const rows = records(
      expense({ date: '2026-11-10', amount: 1080, taxRate: '8%', registrationNumber: REGISTERED }),
      expense({ date: '2026-11-10', amount: 1080, taxRate: '8%' }),
      expense({ date: '2026-09-30', amount: 1100, taxRate: '10%' }),
      expense({ date: '2026-10-01', amount: 1100, taxRate: '10%' }),
      expense({ date: '2026-11-10', amount: 5000, taxRate: '非課税' }),
      expense({ date: '2026-11-10', amount: 200, taxRate: '0%' }),
    );
    expect(rows.map((r) => r[column('税区分')])).toEqual([
      '課対仕入8%(軽)',
      '課対仕入(控70)8%(軽)',
      '課対仕入(控80)10%',
      '課対仕入(控70)10%',
      '非課仕入',
      '対象外',
    ]);
  });

  it('writes accounts as freee names them, and the owner’s own names over those', () => {
    const meal = expense({ date: '2026-11-12', amount: 22000, account: '接待交際費' });
    const training = expense({ date: '2026-11-12', amount: 5500, account: '研修費' });
    expect(records(meal, training).map((r) => r[column('勘定科目')])).toEqual(['交際費', '研修費']);
    const own = readCsv(freeeCsv([training], { accountNames: { 研修費: '研修採用費' } }).text);
    expect(own[1]![column('勘定科目')]).toBe('研修採用費');
  });

  it('keeps a refund a negative number', () => {
    const [row] = records(expense({ date: '2026-11-13', amount: -500, paymentMethod: '現金' }));
    expect(row![column('金額')]).toBe('-500');
    // The tax inside a refund is rounded as the log rounds it (toward zero).
    expect(row![column('税額')]).toBe('-45');
    expect(row![column('決済金額')]).toBe('-500');
  });

  it('writes a hostile payee on one line, quoted, as text that cannot run', () => {
    const hostile = '=HYPERLINK("http://evil.example","領収書")\r\n,次の行';
    const doc = freeeCsv([expense({ date: '2026-11-14', amount: 100, payee: hostile })]);
    expect(doc.text.split('\r\n')).toHaveLength(3); // header, one record, the final CRLF
    expect(doc.text).toContain(`"'=HYPERLINK(""http://evil.example"",""領収書"") ,次の行"`);
    const [, row] = readCsv(doc.text);
    expect(row![column('取引先')]).toBe(`'=HYPERLINK("http://evil.example","領収書") ,次の行`);
  });
});
