import { feeBreakdown, grossUpForNet, withholdingTax } from '../../src/core/withholding';

// 所得税法204条1項 with 復興特別所得税 (10.21% / 20.42%); 国税庁 タックスアンサー No.2795;
// domain-jp.md: floor(X × 1021 / 10000) up to 1,000,000, floor((X − 1,000,000) × 2042 / 10000) + 102,100 above.
describe('withholdingTax', () => {
  test.each([
    [0, 0],
    [9, 0],
    [10, 1],
    [10000, 1021],
    [100000, 10210],
    [250000, 25525], // domain-jp.md example
    [999999, 102099],
    [1000000, 102100], // the boundary: both formulas give 102,100
    [1000001, 102100],
    [1000005, 102101],
    [1200000, 142940], // domain-jp.md example
    [5000000, 918900],
  ])('fee %i → %i yen', (fee, tax) => {
    expect(withholdingTax(fee)).toBe(tax);
  });

  test('continuous at the threshold: never more than one yen per yen of fee', () => {
    const jumps: number[] = [];
    for (let x = 999_000; x <= 1_001_000; x++) {
      const step = withholdingTax(x + 1) - withholdingTax(x);
      if (step !== 0 && step !== 1) jumps.push(x);
    }
    expect(jumps).toEqual([]);
  });

  test('refuses negative and fractional bases', () => {
    expect(() => withholdingTax(-1)).toThrow(RangeError);
    expect(() => withholdingTax(100.5)).toThrow(RangeError);
  });
});

describe('feeBreakdown: the base is the fee without tax when the tax is shown separately (平成元年直法6-1)', () => {
  test('100,000 yen fee, 10% tax shown separately', () => {
    expect(feeBreakdown(100000, { consumptionTaxRate: 10 })).toEqual({
      fee: 100000,
      consumptionTax: 10000,
      withholdingBase: 100000,
      withholding: 10210,
      totalIncludingTax: 110000,
      billed: 99790,
    });
  });

  test('the same fee with the tax not shown separately: withholding on the total', () => {
    expect(
      feeBreakdown(100000, { consumptionTaxRate: 10, taxShownSeparately: false }),
    ).toMatchObject({
      withholdingBase: 110000,
      withholding: 11231,
      billed: 98769,
    });
  });

  test('a payee who charges no consumption tax (免税事業者)', () => {
    expect(feeBreakdown(250000)).toMatchObject({
      consumptionTax: 0,
      withholding: 25525,
      billed: 224475,
    });
  });
});

describe('grossUpForNet: a fixed net amount, exact to the yen', () => {
  test('89,790 net → 100,000 gross (国税庁: 手取額 ÷ 0.8979)', () => {
    expect(grossUpForNet(89790)).toMatchObject({
      exact: true,
      fee: 100000,
      withholding: 10210,
      billed: 89790,
    });
  });

  test('1,000,000 net → 1,128,298 gross ((手取額 − 897,900) ÷ 0.7958 + 1,000,000)', () => {
    expect(grossUpForNet(1000000)).toMatchObject({
      exact: true,
      fee: 1128298,
      withholding: 128298,
    });
  });

  test('round trip: every net from 0 to 20,000 and across the 1,000,000 threshold is exact', () => {
    const nets = [
      ...Array.from({ length: 20001 }, (_, i) => i),
      ...Array.from({ length: 2001 }, (_, i) => 896900 + i), // gross crosses 1,000,000 at net 897,900
    ];
    const wrong: unknown[] = [];
    for (const net of nets) {
      const g = grossUpForNet(net);
      const closedForm =
        net <= 897900
          ? Math.floor((net * 10000) / 8979)
          : 1000000 + Math.floor(((net - 897900) * 10000) / 7958);
      const exact = g.exact && g.fee - withholdingTax(g.fee) === net;
      // The largest such fee, as 国税庁's division gives it.
      const largest = g.exact && g.fee + 1 - withholdingTax(g.fee + 1) > net;
      if (!exact || !largest || !g.exact || g.fee !== closedForm)
        wrong.push({ net, g, closedForm });
    }
    expect(wrong).toEqual([]);
  });

  test('round trip from the fee side: grossing up what a fee nets gives a fee that nets the same', () => {
    const wrong: unknown[] = [];
    for (let fee = 0; fee <= 1_200_000; fee += 997) {
      const net = fee - withholdingTax(fee);
      const g = grossUpForNet(net);
      // The same fee, or the one above it when both net the same.
      if (!g.exact || g.billed !== net || (g.fee !== fee && g.fee !== fee + 1))
        wrong.push({ fee, g });
    }
    expect(wrong).toEqual([]);
  });

  test('with 10% consumption tax shown separately: the billed amount after withholding is exact', () => {
    expect(grossUpForNet(100000, { consumptionTaxRate: 10 })).toEqual({
      exact: true,
      fee: 100210,
      consumptionTax: 10021,
      withholdingBase: 100210,
      withholding: 10231,
      totalIncludingTax: 110231,
      billed: 100000,
    });
  });

  test('with consumption tax some nets cannot be hit: both neighbours and a bilingual message', () => {
    // Fee 49: 49 + 4 − 5 = 48; fee 50: 50 + 5 − 5 = 50. Nothing nets 49.
    const g = grossUpForNet(49, { consumptionTaxRate: 10 });
    expect(g).toMatchObject({
      exact: false,
      below: { fee: 49, billed: 48 },
      above: { fee: 50, billed: 50 },
      nearest: { fee: 50, billed: 50 }, // on a tie the payee is not short-changed
    });
    if (!g.exact) {
      expect(g.message).toEqual({
        ja: '手取り49円ちょうどになる報酬額はありません。報酬49円で48円、報酬50円で50円になります',
        en: 'No fee gives exactly 49 yen after withholding: a fee of 49 yen gives 48 yen, 50 yen gives 50 yen',
      });
    }
  });

  test('with consumption tax, every net up to 10,000 is either exact or between two neighbouring fees', () => {
    let missed = 0;
    const wrong: unknown[] = [];
    for (let net = 0; net <= 10000; net++) {
      const g = grossUpForNet(net, { consumptionTaxRate: 10 });
      if (g.exact) {
        if (g.billed !== net) wrong.push(g);
      } else {
        missed++;
        const neighbours = g.above.fee === g.below.fee + 1;
        if (!neighbours || g.below.billed >= net || g.above.billed <= net) wrong.push(g);
      }
    }
    expect(wrong).toEqual([]);
    expect(missed).toBeGreaterThan(0);
  });

  test('refuses a negative or fractional net', () => {
    expect(() => grossUpForNet(-1)).toThrow(RangeError);
    expect(() => grossUpForNet(10.5)).toThrow(RangeError);
  });
});
