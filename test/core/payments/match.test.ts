import type { DateKey } from '../../../src/core/dates';
import {
  assignBest,
  type ClientPayers,
  type IncomingLine,
  type LineMatch,
  matchPayments,
  type OpenInvoice,
} from '../../../src/core/payments/match';
import { clientPayerNames } from '../../../src/core/payments/payerName';
import { withholdingTax } from '../../../src/core/withholding';

const d = (s: string) => s as DateKey;

function invoice(
  id: string,
  clientKey: string,
  balance: number,
  options: Partial<OpenInvoice> = {},
): OpenInvoice {
  return {
    id,
    clientKey,
    balance,
    withholding: 0,
    issueDate: d('2026-04-30'),
    dueDate: d('2026-05-31'),
    ...options,
  };
}

let lineCount = 0;
function line(amount: number, description: string, date = '2026-05-29'): IncomingLine {
  lineCount += 1;
  return { id: `L${lineCount}`, date: d(date), amount, description };
}

const yamada: ClientPayers = {
  key: 'yamada',
  payerNames: clientPayerNames('山田商事株式会社', ['ﾔﾏﾀﾞｼﾖｳｼﾞ(ｶ']),
};
const sakura: ClientPayers = { key: 'sakura', payerNames: clientPayerNames('株式会社サクラ', []) };
const settings = { feeTolerance: 880 };

function only(
  lines: IncomingLine[],
  invoices: OpenInvoice[],
  clients = [yamada, sakura],
  s = settings,
): LineMatch {
  const [match] = matchPayments(lines, invoices, clients, s);
  if (!match) throw new Error('no match result');
  return match;
}

describe('matchPayments: one invoice', () => {
  test('exact amount and payer name: 100, 「金額一致・名義一致」', () => {
    const m = only([line(33000, 'ﾌﾘｺﾐ ﾔﾏﾀﾞｼﾖｳｼﾞ(ｶ')], [invoice('INV-1', 'yamada', 33000)]);
    expect(m.payerName).toBe('ヤマダシヨウジ');
    const [best] = m.proposals;
    expect(best?.invoices).toEqual([{ id: 'INV-1', settled: 33000, remaining: 0 }]);
    expect(best?.confidence).toBe(100);
    expect(best?.reason).toEqual({
      ja: '金額一致・名義一致',
      en: 'amount matches, payer name matches',
    });
  });

  test('short by a transfer fee within the tolerance: the fee is recorded and said', () => {
    const [best] = only([line(32560, 'ﾔﾏﾀﾞｼﾖｳｼﾞ(ｶ')], [invoice('INV-1', 'yamada', 33000)]).proposals;
    expect(best?.kind).toBe('fee');
    expect(best?.fee).toBe(440);
    expect(best?.reason.ja).toBe('振込手数料 440円差・名義一致');
    expect(best?.confidence).toBeLessThan(100);
    expect(best?.confidence).toBeGreaterThanOrEqual(85);
  });

  test("the client's usual fee is more convincing than another shortfall", () => {
    const usual = { ...yamada, usualFee: 440 };
    const [a] = only(
      [line(32560, 'ﾔﾏﾀﾞｼﾖｳｼﾞ(ｶ')],
      [invoice('INV-1', 'yamada', 33000)],
      [usual],
    ).proposals;
    const [b] = only(
      [line(32340, 'ﾔﾏﾀﾞｼﾖｳｼﾞ(ｶ')],
      [invoice('INV-1', 'yamada', 33000)],
      [usual],
    ).proposals;
    expect(a?.reason.ja).toBe('振込手数料 440円差(いつもの額)・名義一致');
    expect(a?.confidence).toBeGreaterThan(b?.confidence ?? 100);
  });

  test('a shortfall beyond the tolerance is not a fee: it is a part payment', () => {
    const [best] = only([line(30000, 'ﾔﾏﾀﾞｼﾖｳｼﾞ(ｶ')], [invoice('INV-1', 'yamada', 33000)]).proposals;
    expect(best?.kind).toBe('partial');
    expect(best?.invoices).toEqual([{ id: 'INV-1', settled: 30000, remaining: 3000 }]);
    expect(best?.reason.ja).toBe('一部入金(残り 3,000円)・名義一致');
  });

  test('short by the withholding the invoice declared', () => {
    const withholding = withholdingTax(100000); // 10,210
    const [best] = only(
      [line(110000 - withholding, 'ﾔﾏﾀﾞｼﾖｳｼﾞ(ｶ')],
      [invoice('INV-1', 'yamada', 110000, { withholding })],
    ).proposals;
    expect(best?.kind).toBe('withholding');
    expect(best?.withholding).toBe(10210);
    expect(best?.fee).toBe(0);
    expect(best?.reason.ja).toBe('源泉徴収 10,210円差・名義一致');
  });

  test('withholding and a fee together', () => {
    const [best] = only(
      [line(110000 - 10210 - 440, 'ﾔﾏﾀﾞｼﾖｳｼﾞ(ｶ')],
      [invoice('INV-1', 'yamada', 110000, { withholding: 10210 })],
    ).proposals;
    expect([best?.withholding, best?.fee]).toEqual([10210, 440]);
    expect(best?.reason.ja).toBe('源泉徴収 10,210円差・振込手数料 440円差・名義一致');
  });

  test('a name the bank cut at its field length still matches, a little less surely', () => {
    const [best] = only(
      [line(33000, 'ﾌﾘｺﾐ ﾔﾏﾀﾞｼﾖｳ')],
      [invoice('INV-1', 'yamada', 33000)],
    ).proposals;
    expect(best?.clientKey).toBe('yamada');
    expect(best?.confidence).toBe(95);
    expect(best?.reason.ja).toBe('金額一致・名義一致(銀行の表示は途中まで)');
  });

  test('paid before the invoice was issued: less sure, and said', () => {
    const [best] = only(
      [line(33000, 'ﾔﾏﾀﾞｼﾖｳｼﾞ(ｶ', '2026-04-01')],
      [invoice('INV-1', 'yamada', 33000)],
    ).proposals;
    expect(best?.confidence).toBe(85);
    expect(best?.reason.ja).toBe('金額一致・名義一致・請求書の発行日より前の入金');
  });

  test('the same monthly amount twice: the oldest first, the other said to share the amount', () => {
    const m = only(
      [line(33000, 'ﾔﾏﾀﾞｼﾖｳｼﾞ(ｶ')],
      [
        invoice('INV-5', 'yamada', 33000, { issueDate: d('2026-05-01'), dueDate: d('2026-06-30') }),
        invoice('INV-4', 'yamada', 33000),
      ],
    );
    expect(m.proposals.map((p) => [p.invoices[0]?.id, p.confidence])).toEqual([
      ['INV-4', 100],
      ['INV-5', 90],
    ]);
    expect(m.proposals[1]?.reason.ja).toContain('同じ金額の請求書がほかにもあります');
  });

  test('money out gets no proposal', () => {
    expect(only([line(-33000, 'ﾔﾏﾀﾞｼﾖｳｼﾞ(ｶ')], [invoice('I', 'yamada', 33000)]).proposals).toEqual(
      [],
    );
  });
});

describe('matchPayments: several invoices in one transfer', () => {
  const three = [
    invoice('INV-1', 'yamada', 33000, { dueDate: d('2026-04-30') }),
    invoice('INV-2', 'yamada', 55000),
    invoice('INV-3', 'yamada', 11000),
  ];

  test('two invoices of one client paid together: 「2件の請求書の合計」', () => {
    const [best] = only([line(88000, 'ﾔﾏﾀﾞｼﾖｳｼﾞ(ｶ')], three).proposals;
    expect(best?.kind).toBe('combination');
    expect(best?.invoices.map((i) => i.id)).toEqual(['INV-1', 'INV-2']);
    expect(best?.reason.ja).toBe('2件の請求書の合計・金額一致・名義一致');
  });

  test('three invoices less a fee', () => {
    const [best] = only([line(99000 - 660, 'ﾔﾏﾀﾞｼﾖｳｼﾞ(ｶ')], three).proposals;
    expect(best?.invoices.map((i) => i.id)).toEqual(['INV-1', 'INV-2', 'INV-3']);
    expect(best?.fee).toBe(660);
    expect(best?.reason.ja).toBe('3件の請求書の合計・振込手数料 660円差・名義一致');
  });

  test('fewest invoices first: one invoice of the amount beats three that add up to it', () => {
    const invoices = [
      invoice('A', 'yamada', 10000),
      invoice('B', 'yamada', 20000),
      invoice('C', 'yamada', 30000),
      invoice('D', 'yamada', 60000),
    ];
    const m = only([line(60000, 'ﾔﾏﾀﾞｼﾖｳｼﾞ(ｶ')], invoices);
    expect(m.proposals.map((p) => p.invoices.map((i) => i.id))).toEqual([['D']]);
  });

  test("only that client's invoices are combined", () => {
    const m = only(
      [line(88000, 'ﾔﾏﾀﾞｼﾖｳｼﾞ(ｶ')],
      [invoice('Y', 'yamada', 33000), invoice('S', 'sakura', 55000)],
    );
    expect(m.proposals.every((p) => p.kind !== 'combination')).toBe(true);
  });
});

describe('matchPayments: an invoice paid in parts', () => {
  test('the first part leaves a balance; the second part, against that balance, settles it', () => {
    const first = only([line(40000, 'ｶ)ｻｸﾗ')], [invoice('INV-9', 'sakura', 100000)]);
    expect(first.proposals[0]?.invoices).toEqual([
      { id: 'INV-9', settled: 40000, remaining: 60000 },
    ]);
    const second = only([line(60000, 'ｶ)ｻｸﾗ', '2026-06-30')], [invoice('INV-9', 'sakura', 60000)]);
    expect(second.proposals[0]?.kind).toBe('exact');
    expect(second.proposals[0]?.confidence).toBe(100);
  });
});

describe('matchPayments: a part payment among several invoices', () => {
  test('the invoice due nearest the transfer first, and neither is sure', () => {
    const m = only(
      [line(20000, 'ｶ)ｻｸﾗ', '2026-06-29')],
      [
        invoice('MAY', 'sakura', 50000),
        invoice('JUN', 'sakura', 70000, { issueDate: d('2026-05-31'), dueDate: d('2026-06-30') }),
      ],
    );
    expect(m.proposals.map((p) => [p.invoices[0]?.id, p.kind, p.confidence])).toEqual([
      ['JUN', 'partial', 60],
      ['MAY', 'partial', 60],
    ]);
  });
});

describe('matchPayments: names Pokke does not know yet', () => {
  test('an unknown name with a unique amount: proposed, but far from sure', () => {
    const [best] = only(
      [line(47300, 'ﾌﾘｺﾐ ﾔﾏﾀﾞ ﾀﾛｳ')],
      [invoice('INV-7', 'yamada', 47300)],
      [{ ...yamada, payerNames: [] }],
    ).proposals;
    expect(best?.confidence).toBe(40);
    expect(best?.reason.ja).toBe('金額一致・名義不明');
  });

  test('a corrected name learned this month makes next month match by itself', () => {
    const may = only([line(47300, 'ﾌﾘｺﾐ ﾔﾏﾀﾞ ﾀﾛｳ')], [invoice('INV-7', 'yamada', 47300)]);
    expect(may.proposals[0]?.confidence).toBe(40);
    // The owner confirms; the feature stores the bank's name as one more payer name of the client.
    const learned = {
      ...yamada,
      payerNames: clientPayerNames('山田商事株式会社', ['ﾔﾏﾀﾞｼﾖｳｼﾞ(ｶ', 'ﾔﾏﾀﾞ ﾀﾛｳ']),
    };
    const june = only(
      [line(47300, 'ﾌﾘｺﾐ ﾔﾏﾀﾞ ﾀﾛｳ', '2026-06-30')],
      [invoice('INV-8', 'yamada', 47300, { issueDate: d('2026-05-31') })],
      [learned, sakura],
    );
    expect(june.proposals[0]?.confidence).toBe(100);
    expect(june.proposals[0]?.reason.ja).toBe('金額一致・名義一致');
  });

  test('an amount many invoices share says less for each', () => {
    const m = only(
      [line(11000, 'ﾌﾘｺﾐ ﾀﾅｶ')],
      [invoice('A', 'yamada', 11000), invoice('B', 'sakura', 11000)],
    );
    expect(m.proposals.map((p) => p.confidence)).toEqual([35, 35]);
  });
});

describe('assignBest: one proposal per line, one line per invoice', () => {
  test('two lines wanting the same invoice: the surer one gets it; a floor leaves the rest', () => {
    const lines = [line(33000, 'ﾌﾘｺﾐ ﾀﾅｶ'), line(33000, 'ﾔﾏﾀﾞｼﾖｳｼﾞ(ｶ')];
    const matches = matchPayments(lines, [invoice('INV-1', 'yamada', 33000)], [yamada], settings);
    const taken = assignBest(matches);
    expect(taken.map((p) => [p.lineId, p.invoices[0]?.id])).toEqual([[lines[1]?.id, 'INV-1']]);
    expect(assignBest(matches, 101)).toEqual([]);
  });
});
