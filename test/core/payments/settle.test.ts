import { formatSettled, parseSettled, settleLine } from '../../../src/core/payments';

const inv = (id: string, balance: number, withholding = 0) => ({ id, balance, withholding });

describe('settleLine: what a line settles of the invoices chosen', () => {
  it('pays one invoice exactly, or short by a fee within the tolerance', () => {
    expect(settleLine(33000, [inv('A', 33000)], 880)).toMatchObject({
      ok: true,
      kind: 'exact',
      fee: 0,
      invoices: [{ id: 'A', settled: 33000, remaining: 0 }],
    });
    expect(settleLine(32560, [inv('A', 33000)], 880)).toMatchObject({
      kind: 'fee',
      fee: 440,
      invoices: [{ id: 'A', settled: 33000, remaining: 0 }],
    });
  });

  it('takes the declared withholding, with or without a fee on top', () => {
    expect(settleLine(100000 - 10210, [inv('A', 100000, 10210)], 880)).toMatchObject({
      kind: 'withholding',
      withholding: 10210,
      fee: 0,
    });
    expect(settleLine(100000 - 10210 - 660, [inv('A', 100000, 10210)], 880)).toMatchObject({
      kind: 'fee',
      withholding: 10210,
      fee: 660,
    });
  });

  it('pays several invoices together, and in part beyond the tolerance (oldest first)', () => {
    expect(settleLine(50000, [inv('A', 20000), inv('B', 30000)], 880)).toMatchObject({
      kind: 'combination',
      invoices: [
        { id: 'A', settled: 20000, remaining: 0 },
        { id: 'B', settled: 30000, remaining: 0 },
      ],
    });
    expect(settleLine(25000, [inv('A', 20000), inv('B', 30000)], 880)).toMatchObject({
      kind: 'partial',
      fee: 0,
      invoices: [
        { id: 'A', settled: 20000, remaining: 0 },
        { id: 'B', settled: 5000, remaining: 25000 },
      ],
    });
  });

  it('refuses more money than the invoices owe, and invoices already paid', () => {
    const over = settleLine(40000, [inv('A', 33000)], 880);
    expect(over.ok).toBe(false);
    if (!over.ok) expect(over.problem.ja).toContain('を超えています');
    expect(settleLine(1000, [inv('A', 0)], 880).ok).toBe(false);
  });
});

describe('the 消込先 cell', () => {
  it('round-trips invoice numbers and amounts, ignoring what it cannot read', () => {
    const cell = formatSettled([
      { id: '2026-11-0002', settled: 133100 },
      { id: '2027-01-0001', settled: 36300 },
    ]);
    expect(cell).toBe('2026-11-0002 (133,100)、2027-01-0001 (36,300)');
    expect(parseSettled(cell)).toEqual([
      { id: '2026-11-0002', settled: 133100 },
      { id: '2027-01-0001', settled: 36300 },
    ]);
    expect(parseSettled('メモ、INV-7(1,000)\nINV-8（２００）')).toEqual([
      { id: 'INV-7', settled: 1000 },
    ]);
  });
});
