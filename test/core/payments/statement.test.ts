import type { OwnerLayout } from '../../../src/core/payments/ownerLayout';
import { validateOwnerLayout } from '../../../src/core/payments/ownerLayout';
import { MAX_STATEMENT_CHARS, readStatement } from '../../../src/core/payments/statement';

// Headers as domain-jp.md and the sources cited in src/core/payments/layouts.ts give them.
const SAMPLES: Record<string, string> = {
  rakuten: [
    '取引日,入出金(円),取引後残高(円),入出金内容',
    '20260512,33000,133000,ﾌﾘｺﾐ ｶ)ﾔﾏﾀﾞｼﾖｳｼﾞ',
    '20260513,-1200,131800,ATM',
  ].join('\r\n'),
  smbc: [
    '年月日,お引出し,お預入れ,お取り扱い内容,残高,メモ,ラベル',
    '2026/5/12,,33000,振込　ｶ)ﾔﾏﾀﾞｼﾖｳｼﾞ,133000,,',
    '2026/5/13,1200,,ＡＴＭ,131800,,',
  ].join('\r\n'),
  'sbi-sumishin': [
    '"日付","内容","出金金額(円)","入金金額(円)","残高(円)","メモ"',
    '"2026/05/12","振込＊ｶ)ﾔﾏﾀﾞｼﾖｳｼﾞ",,"33,000","133,000","-"',
    '"2026/05/13","ATM","1,200",,"131,800","-"',
  ].join('\r\n'),
  paypay: [
    '"操作日(年)","操作日(月)","操作日(日)","操作時刻(時)","操作時刻(分)","操作時刻(秒)","取引順番号","摘要","お支払金額","お預り金額","残高","メモ"',
    '"2026","5","12","10","01","02","0000101","ｶ)ﾔﾏﾀﾞｼﾖｳｼﾞ","","33000","133000",""',
    '"2026","5","13","09","00","00","0000102","ATM","1200","","131800",""',
  ].join('\r\n'),
  'sbi-shinsei': [
    '"取引日","摘要","出金金額","入金金額","残高","メモ"',
    '"2026/05/12","振込 ｶ)ﾔﾏﾀﾞｼﾖｳｼﾞ","","33000","133000",""',
    '"2026/05/13","ATM","1200","","131800",""',
  ].join('\r\n'),
  mufg: [
    '"日付","摘要","摘要内容","支払い金額","預かり金額","差引残高","メモ","未資金化区分","入払区分"',
    '"2026/5/12","振込ＩＢ１","ｶ)ﾔﾏﾀﾞｼﾖｳｼﾞ","","33,000","133,000","","","振替入金"',
    '"2026/5/13","カ−ド","","1,200","","131,800","","","支払い"',
  ].join('\r\n'),
};

describe('readStatement: each bank layout is found from its header', () => {
  test.each(Object.keys(SAMPLES))('%s', (id) => {
    const read = readStatement(SAMPLES[id] ?? '');
    expect(read.ok).toBe(true);
    if (!read.ok) return;
    expect(read.layoutId).toBe(id);
    expect(read.lines.map((l) => [l.date, l.amount, l.balance])).toEqual([
      ['2026-05-12', 33000, 133000],
      ['2026-05-13', -1200, 131800],
    ]);
    expect(read.lines[0]?.description).toContain('ﾔﾏﾀﾞｼﾖｳｼﾞ');
  });

  test('a BOM and meta lines above the header are passed over', () => {
    const read = readStatement(`\ufeff口座番号,1234567\r\n期間,2026/05\r\n${SAMPLES.rakuten}`);
    expect(read.ok && read.layoutId).toBe('rakuten');
    expect(read.ok && read.lines[0]?.fileLine).toBe(4);
  });

  test('full-width brackets in the header still read (入出金（円）)', () => {
    const csv = (SAMPLES.rakuten ?? '').replace('入出金(円)', '入出金（円）');
    expect(readStatement(csv).ok).toBe(true);
  });

  test('lines with neither money in nor out are left out', () => {
    const csv = `${SAMPLES.smbc}\r\n2026/5/14,,,残高照会,131800,,`;
    const read = readStatement(csv);
    expect(read.ok && read.lines.length).toBe(2);
  });
});

describe('readStatement: a broken file is refused whole, with a clear message', () => {
  function problems(csv: string): string[] {
    const read = readStatement(csv);
    expect(read.ok).toBe(false);
    return read.ok ? [] : read.problems.map((p) => p.ja);
  }

  test('wrong encoding (Shift_JIS read as UTF-8 leaves U+FFFD)', () => {
    expect(problems('\ufffd\ufffd,\ufffd\r\n1,2')[0]).toContain('文字コード');
  });

  test('an unknown header names the banks Pokke knows', () => {
    const [message] = problems('Date,Amount,Memo\r\n2026-05-12,100,x');
    expect(message).toContain('銀行を判別できません');
    expect(message).toContain('楽天銀行');
    expect(message).toContain('Date, Amount, Memo');
  });

  test('a truncated last line (cut inside a quote)', () => {
    const csv = `${SAMPLES['sbi-sumishin']}\r\n"2026/05/14","振込 ﾔﾏ`;
    expect(problems(csv)[0]).toContain('閉じられていません');
  });

  test('a truncated last line (columns missing)', () => {
    const csv = `${SAMPLES.rakuten}\r\n20260514,5`;
    expect(problems(csv)).toEqual([expect.stringContaining('4行目: 列が足りません')]);
  });

  test('an unreadable amount or date names its line; nothing is returned', () => {
    const csv = `${SAMPLES.rakuten}\r\n2026051,100,100,x\r\n20260515,1O0,100,x`;
    expect(problems(csv)).toEqual(['4行目: 日付を読み取れません', '5行目: 金額を読み取れません']);
  });

  test('many bad rows: five listed, then how many more', () => {
    const bad = Array.from({ length: 8 }, () => '2026/99/99,1,1,x').join('\r\n');
    const list = problems(`取引日,入出金(円),取引後残高(円),入出金内容\r\n${bad}`);
    expect(list).toHaveLength(6);
    expect(list[5]).toBe('ほか3件の行も読み取れません');
  });

  test('a file too large (20 MB) is refused before it is parsed', () => {
    const huge = `${SAMPLES.rakuten}\r\n${'20260514,1,1,x\r\n'.repeat(MAX_STATEMENT_CHARS / 16 + 1)}`;
    expect(problems(huge)[0]).toContain('大きすぎます');
  });
});

describe("the owner's mapping for another bank", () => {
  const yucho: OwnerLayout = {
    name: 'ゆうちょ銀行',
    date: { kind: 'column', column: '取引日', format: 'y年m月d日' },
    amount: { kind: 'inOut', in: '受入金額', out: '払出金額' },
    description: ['詳細'],
  };
  const csv = '取引日,受入金額,払出金額,詳細\r\n2026年5月12日,"33,000",,ﾔﾏﾀﾞｼﾖｳｼﾞ';

  test('reads a file no built-in layout knows', () => {
    expect(readStatement(csv).ok).toBe(false);
    const read = readStatement(csv, { ownerLayouts: [yucho] });
    expect(read.ok && read.layoutId).toBe('owner');
    expect(read.ok && read.bank.ja).toBe('ゆうちょ銀行');
    expect(read.ok && read.lines.map((l) => [l.date, l.amount])).toEqual([['2026-05-12', 33000]]);
  });

  test('a date in another shape than the mapping says is refused, not guessed', () => {
    const other = csv.replace('2026年5月12日', '2026/5/12');
    const read = readStatement(other, { ownerLayouts: [yucho] });
    expect(!read.ok && read.problems[0]?.ja).toBe('2行目: 日付を読み取れません');
  });

  test('validation: a usable mapping has no problems', () => {
    expect(validateOwnerLayout(yucho, ['取引日', '受入金額', '払出金額', '詳細'])).toEqual([]);
  });

  test('validation: blank name, one column for two fields, a column missing from the file', () => {
    const broken: OwnerLayout = {
      ...yucho,
      name: ' ',
      amount: { kind: 'inOut', in: '金額', out: '金額' },
    };
    expect(validateOwnerLayout(broken, ['取引日', '金額', '詳細']).map((p) => p.ja)).toEqual([
      '銀行名を入力してください',
      '列「金額」が二つの項目に選ばれています',
    ]);
    expect(validateOwnerLayout(yucho, ['取引日', '詳細']).map((p) => p.en)).toEqual([
      'The CSV has no column headed "受入金額"',
      'The CSV has no column headed "払出金額"',
    ]);
  });

  test('validation: a signed amount without its column, no description', () => {
    const broken: OwnerLayout = {
      ...yucho,
      amount: { kind: 'signed', column: '' },
      description: [''],
    };
    expect(validateOwnerLayout(broken).map((p) => p.ja)).toEqual([
      '金額の列を選んでください',
      '摘要(振込依頼人名)の列を選んでください',
    ]);
  });
});
