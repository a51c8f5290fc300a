import {
  EXPENSE_EXPORT_FOLDER,
  exportFileName,
  type MonthKey,
  parseMonthKey,
} from '../../../../src/core/expenses/export';

describe('export files', () => {
  it('names a file with the month, the vendor and the time in Japan', () => {
    // 2026-11-30 23:45 UTC is 2026-12-01 08:45 in Japan.
    const at = new Date(Date.UTC(2026, 10, 30, 23, 45));
    expect(exportFileName('2026-11' as MonthKey, 'freee', at)).toBe(
      '経費_2026-11_freee_20261201-0845.csv',
    );
    expect(exportFileName('2026-11' as MonthKey, 'moneyForward', at)).toBe(
      '経費_2026-11_MF_20261201-0845.csv',
    );
    expect(EXPENSE_EXPORT_FOLDER).toEqual(['Pokke', '経費', 'エクスポート']);
  });

  it('reads a month as YYYY-MM or YYYY/M, and nothing else', () => {
    expect(parseMonthKey('2026-11')).toBe('2026-11');
    expect(parseMonthKey('2026/1')).toBe('2026-01');
    expect(parseMonthKey('2026-13')).toBeNull();
    expect(parseMonthKey('2026-11-01')).toBeNull();
    expect(parseMonthKey('11月')).toBeNull();
  });
});
