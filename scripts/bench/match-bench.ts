// npx tsx scripts/bench/match-bench.ts: 10,000 bank lines against 10,000 open invoices (2,500
// clients), built deterministically from a seed. Times the indexed matcher (src/core/payments)
// and a naive matcher that compares every line with every invoice, in one run, and prints both
// medians, plus how often the indexed matcher's best proposal is the invoice the line really pays.
import type { DateKey } from '../../src/core/dates';
import {
  type ClientPayers,
  type IncomingLine,
  matchPayments,
  type OpenInvoice,
} from '../../src/core/payments/match';
import {
  clientPayerNames,
  comparePayerNames,
  normalizePayerName,
} from '../../src/core/payments/payerName';
import { withholdingTax } from '../../src/core/withholding';

const LINES = 10_000;
const INVOICES = 10_000;
const CLIENTS = 2_500;
const FEE_TOLERANCE = 880;
const INDEXED_RUNS = 5;
const NAIVE_RUNS = 3;

/** mulberry32: a small seeded generator, so every run builds the same data. */
function generator(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SYLLABLES =
  'ｱ ｲ ｳ ｴ ｵ ｶ ｷ ｸ ｹ ｺ ｻ ｼ ｽ ｾ ｿ ﾀ ﾁ ﾂ ﾃ ﾄ ﾅ ﾆ ﾇ ﾈ ﾉ ﾊ ﾋ ﾌ ﾍ ﾎ ﾏ ﾐ ﾑ ﾒ ﾓ ﾔ ﾕ ﾖ ﾗ ﾘ ﾙ ﾚ ﾛ ﾜ ｶﾞ ｷﾞ ｸﾞ ｻﾞ ｼﾞ ﾀﾞ ﾃﾞ ﾄﾞ ﾊﾞ ﾋﾞ ﾌﾞ ﾊﾟ ﾎﾟ ｼﾖ ｷﾖ ﾁﾕ'.split(
    ' ',
  );
const FORMS = ['ｶ', 'ﾕ', 'ﾄﾞ', 'ｲ', 'ｼﾔ'];

interface Data {
  readonly clients: ClientPayers[];
  readonly invoices: OpenInvoice[];
  readonly lines: IncomingLine[];
  /** For each line, the invoices it really pays (sorted ids joined with +), or '' for none. */
  readonly truth: Map<string, string>;
}

function build(seed: number): Data {
  const random = generator(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
  const int = (min: number, max: number) => min + Math.floor(random() * (max - min + 1));
  const day = (n: number) =>
    `2026-${String(1 + Math.floor(n / 28)).padStart(2, '0')}-${String(1 + (n % 28)).padStart(2, '0')}` as DateKey;

  const names: string[] = [];
  const taken = new Set<string>();
  while (names.length < CLIENTS) {
    const name = Array.from({ length: int(4, 8) }, () => pick(SYLLABLES)).join('');
    if (taken.has(normalizePayerName(name))) continue;
    taken.add(normalizePayerName(name));
    names.push(name);
  }
  const forms = names.map(() => pick(FORMS));
  const clients: ClientPayers[] = names.map((name, i) => ({
    key: `C${i}`,
    payerNames: clientPayerNames('', [`${forms[i]})${name}`]),
    usualFee: i % 5 === 0 ? 440 : null,
  }));

  const invoices: OpenInvoice[] = [];
  for (let i = 0; i < INVOICES; i++) {
    const fee = int(10, 500) * 1000;
    const balance = fee + fee / 10;
    const issue = int(0, 250);
    invoices.push({
      id: `INV-${i}`,
      clientKey: `C${int(0, CLIENTS - 1)}`,
      balance,
      withholding: i % 10 === 0 ? withholdingTax(fee) : 0,
      issueDate: day(issue),
      dueDate: day(Math.min(issue + 30, 335)),
    });
  }
  const unpaid = [...invoices];
  const take = () => unpaid.splice(Math.floor(random() * unpaid.length), 1)[0];
  const sameClientPartner = (inv: OpenInvoice) => {
    const k = unpaid.findIndex((o) => o.clientKey === inv.clientKey);
    return k < 0 ? undefined : unpaid.splice(k, 1)[0];
  };
  const bankName = (clientKey: string) => {
    const i = Number(clientKey.slice(1));
    const full = `${names[i]}(${forms[i]}`;
    // One name in five comes cut at the bank's field length.
    return random() < 0.2 ? full.slice(0, 10) : full;
  };

  const lines: IncomingLine[] = [];
  const truth = new Map<string, string>();
  for (let n = 0; n < LINES; n++) {
    const id = `L${n}`;
    const r = random();
    const inv = unpaid.length > 2 ? take() : undefined;
    const date = inv ? inv.dueDate : day(int(0, 335));
    const push = (amount: number, description: string, paid: OpenInvoice[]) => {
      lines.push({ id, date, amount, description });
      truth.set(
        id,
        paid
          .map((p) => p.id)
          .sort()
          .join('+'),
      );
    };
    if (!inv || r < 0.05) {
      push(-int(1, 100) * 100, 'ATM', []);
    } else if (r < 0.12) {
      push(int(1, 900) * 100 + 37, `ﾌﾘｺﾐ ${pick(SYLLABLES)}${pick(SYLLABLES)}ｼﾖｳﾃﾝ`, []);
      unpaid.push(inv);
    } else if (r < 0.2) {
      const partner = sameClientPartner(inv);
      if (partner)
        push(inv.balance + partner.balance, `ﾌﾘｺﾐ ${bankName(inv.clientKey)}`, [inv, partner]);
      else push(inv.balance, `ﾌﾘｺﾐ ${bankName(inv.clientKey)}`, [inv]);
    } else if (r < 0.3) {
      push(inv.balance - pick([440, 660, 880]), `ﾌﾘｺﾐ ${bankName(inv.clientKey)}`, [inv]);
    } else if (r < 0.35 && inv.withholding > 0) {
      push(inv.balance - inv.withholding, `ﾌﾘｺﾐ ${bankName(inv.clientKey)}`, [inv]);
    } else if (r < 0.38) {
      push(Math.floor(inv.balance / 2), `ﾌﾘｺﾐ ${bankName(inv.clientKey)}`, [inv]);
    } else {
      push(inv.balance, `ﾌﾘｺﾐ ${bankName(inv.clientKey)}`, [inv]);
    }
  }
  return { clients, invoices, lines, truth };
}

/** Every line against every invoice: the name of the invoice's client, and the amount. */
function naiveMatch(data: Data): Map<string, string> {
  const namesOf = new Map(data.clients.map((c) => [c.key, c.payerNames]));
  const best = new Map<string, string>();
  for (const line of data.lines) {
    if (line.amount <= 0) continue;
    const payer = normalizePayerName(line.description);
    let top = -1;
    let topId = '';
    for (const invoice of data.invoices) {
      const named = (namesOf.get(invoice.clientKey) ?? []).some(
        (n) => comparePayerNames(payer, n) !== null,
      );
      const net = invoice.balance - invoice.withholding;
      let score = -1;
      if (line.amount === invoice.balance) score = 40;
      else if (invoice.withholding > 0 && line.amount === net) score = 38;
      else if (
        named &&
        invoice.balance - line.amount > 0 &&
        invoice.balance - line.amount <= FEE_TOLERANCE
      )
        score = 30;
      if (score < 0) continue;
      if (named) score += 60;
      if (score > top) {
        top = score;
        topId = invoice.id;
      }
    }
    if (topId) best.set(line.id, topId);
  }
  return best;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

function time<T>(run: () => T): { ms: number; result: T } {
  const start = process.hrtime.bigint();
  const result = run();
  return { ms: Number(process.hrtime.bigint() - start) / 1e6, result };
}

export interface MatchBench {
  readonly indexedMs: number;
  readonly naiveMs: number;
  /** Paying lines whose best proposal is the invoice(s) really paid, of all paying lines. */
  readonly right: number;
  readonly paying: number;
}

/** Both matchers on the same data in one run: the medians, and how often the best is right. */
export function runMatchBench(): MatchBench {
  const data = build(20260601);
  const settings = { feeTolerance: FEE_TOLERANCE };
  const indexed = Array.from({ length: INDEXED_RUNS }, () =>
    time(() => matchPayments(data.lines, data.invoices, data.clients, settings)),
  );
  const naive = Array.from({ length: NAIVE_RUNS }, () => time(() => naiveMatch(data)));
  const matches = indexed[0]?.result ?? [];
  let paying = 0;
  let right = 0;
  for (const m of matches) {
    const truth = data.truth.get(m.lineId) ?? '';
    if (truth === '') continue;
    paying += 1;
    const best = m.proposals[0];
    const ids = best?.invoices
      .map((i) => i.id)
      .sort()
      .join('+');
    if (ids === truth) right += 1;
  }
  return {
    indexedMs: median(indexed.map((r) => r.ms)),
    naiveMs: median(naive.map((r) => r.ms)),
    right,
    paying,
  };
}

/** The figures as printed by this script and by bench.ts. */
export function matchBenchLines(r: MatchBench): string[] {
  const fmt = (ms: number) => `${ms.toFixed(0)} ms`;
  return [
    `${LINES.toLocaleString('en')} bank lines × ${INVOICES.toLocaleString('en')} open invoices (${CLIENTS.toLocaleString('en')} clients)`,
    `  indexed matcher   median ${fmt(r.indexedMs)} over ${INDEXED_RUNS} runs`,
    `  naive pairwise    median ${fmt(r.naiveMs)} over ${NAIVE_RUNS} runs (single invoices only)`,
    `  best proposal is the invoice(s) really paid: ${r.right} of ${r.paying} paying lines (${((100 * r.right) / Math.max(r.paying, 1)).toFixed(1)}%)`,
  ];
}

if (require.main === module) {
  for (const line of matchBenchLines(runMatchBench())) console.log(line);
}
