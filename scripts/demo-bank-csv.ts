// npx tsx scripts/demo-bank-csv.ts: writes playground/demo/bank-2026-12.csv, the demo company's
// bank statement for December 2026 (and the first days of January), in Shift_JIS with CRLF as
// banks write it, in the 三井住友銀行 layout (年月日,お引出し,お預入れ,お取り扱い内容,残高).
// Every payer is fictional and matches the demo's invoices once the November closing has been
// issued (2026-11-30) and the dispatcher has run on 2026-12-30 (みなと企画's December invoice):
//   - 株式会社さくら食品 pays 2026-11-0004 (84,360) short by a 440 yen transfer fee;
//   - 山田デザイン事務所 pays 2026-11-0003 (60,500) under a payer name Pokke does not know yet;
//   - 合同会社みなと企画 pays its November and December invoices in one transfer (169,400);
//   - someone unknown sends 5,500; two lines are money out.
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import iconv from 'iconv-lite';

const OPENING_BALANCE = 1_250_000;

const LINES: readonly { date: string; out?: number; in?: number; description: string }[] = [
  { date: '2026/12/1', out: 5_280, description: 'ｶｰﾄﾞ ﾎﾟﾂｹﾈﾂﾄｶｲｾﾝ' },
  { date: '2026/12/10', in: 83_920, description: 'ﾌﾘｺﾐ ｶ)ｻｸﾗｼﾖｸﾋﾝ' },
  { date: '2026/12/15', in: 5_500, description: 'ﾌﾘｺﾐ ﾀﾅｶ ｲﾁﾛｳ' },
  { date: '2026/12/25', out: 110_000, description: 'ﾌﾘｺﾐ ｼﾌﾞﾔﾐﾄﾞﾘﾌﾄﾞｳｻﾝ' },
  { date: '2026/12/28', in: 60_500, description: 'ﾌﾘｺﾐ ﾔﾏﾀﾞ ﾃﾞｻﾞｲﾝｼﾞﾑｼﾖ' },
  { date: '2027/1/8', in: 169_400, description: 'ﾌﾘｺﾐ ﾄﾞ)ﾐﾅﾄｷｶｸ' },
];

export function demoBankCsv(): string {
  let balance = OPENING_BALANCE;
  const rows = ['年月日,お引出し,お預入れ,お取り扱い内容,残高'];
  for (const line of LINES) {
    balance += (line.in ?? 0) - (line.out ?? 0);
    rows.push(
      [line.date, line.out ?? '', line.in ?? '', line.description, balance].map(String).join(','),
    );
  }
  return `${rows.join('\r\n')}\r\n`;
}

if (require.main === module) {
  const out = resolve('playground/demo/bank-2026-12.csv');
  writeFileSync(out, iconv.encode(demoBankCsv(), 'Shift_JIS'));
  console.log(`wrote ${out}`);
}
