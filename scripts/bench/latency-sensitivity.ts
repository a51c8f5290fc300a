// How much the bench's invoices-per-execution figure rests on assumed latencies: which assumed
// figures (source 'A' in emulator/core/latency.ts) the first execution of a run spends its time
// on, and how many invoices that execution makes when every assumed figure is doubled.
import {
  LATENCY_RULES,
  LatencyModel,
  type LatencyOptions,
  type LatencyRule,
  ruleOf,
} from '../../emulator/core/latency';
import type { Bundle } from '../../emulator/runtime';
import type { IssueReport } from '../../src/core/contracts/invoices';

const CLOSING = { closingDate: '2026-11-30' };

interface FirstExecution {
  readonly invoices: number;
  readonly modelledMs: number;
  readonly calls: Record<string, number>;
  readonly units: Record<string, number>;
}

/** The sidebar's issuing run on a fresh copy of the scenario, measured from a zeroed meter. */
function firstExecution(scenario: (latency?: LatencyOptions) => Bundle, latency?: LatencyOptions) {
  const bundle = scenario(latency);
  const { meter, clock } = bundle.workspace;
  meter.resetCounts();
  const startedAt = clock.now();
  const report = bundle.runJson('invoicesIssue', [CLOSING]) as IssueReport;
  return {
    invoices: report.issued.length,
    modelledMs: clock.now() - startedAt,
    calls: meter.counts(),
    units: meter.units(),
  } satisfies FirstExecution;
}

interface RuleSpend {
  readonly rule: LatencyRule;
  calls: number;
  units: number;
  ms: number;
}

/** Modelled time per latency rule (unscaled table), calls and per-unit work together. */
function spendByRule(run: FirstExecution): RuleSpend[] {
  const table = new LatencyModel();
  const spends = new Map<LatencyRule, RuleSpend>();
  const entry = (rule: LatencyRule) => {
    let s = spends.get(rule);
    if (!s) {
      s = { rule, calls: 0, units: 0, ms: 0 };
      spends.set(rule, s);
    }
    return s;
  };
  for (const [key, n] of Object.entries(run.calls)) {
    const rule = ruleOf(key);
    if (!rule) continue;
    const s = entry(rule);
    s.calls += n;
    s.ms += table.callMs(key) * n;
  }
  for (const [pattern, units] of Object.entries(run.units)) {
    const rule = LATENCY_RULES.find((r) => r.pattern === pattern);
    if (!rule) continue;
    const s = entry(rule);
    s.units += units;
    s.ms += table.unitsMs(pattern, units);
  }
  return [...spends.values()].filter((s) => s.ms > 0).sort((a, b) => b.ms - a.ms);
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

function describe(s: RuleSpend): string {
  const { rule } = s;
  const perUnit = rule.perUnit
    ? ` + ${rule.perUnit.ms} ms per ${rule.perUnit.unit} (${rule.perUnit.source})`
    : '';
  const units = rule.perUnit && s.units > 0 ? `, ${s.units} units` : '';
  return `${rule.pattern} ${rule.ms} ms (${rule.source})${perUnit}: ${s.calls} call${s.calls === 1 ? '' : 's'}${units}, ${seconds(s.ms)}`;
}

const assumedPart = (s: RuleSpend) => s.rule.source === 'A';

/**
 * Prints (a) the latency figures the first execution of `scenario`'s issuing run spends its
 * time on, assumed ones first, and (b) how its invoice count moves with every assumed figure
 * doubled. `scenario` builds the same workbook each time, with the latency options it is given.
 */
export function printLatencySensitivity(scenario: (latency?: LatencyOptions) => Bundle): void {
  const base = firstExecution(scenario);
  const doubled = firstExecution(scenario, { assumedScale: 2 });
  const spends = spendByRule(base);
  const assumed = spends.filter(assumedPart);
  const measured = spends.filter((s) => !assumedPart(s));
  const assumedMs = assumed.reduce((t, s) => t + s.ms, 0);
  console.log(
    `Latency figures of the first execution (${seconds(base.modelledMs)} modelled): assumed (A, no published measurement) ${seconds(assumedMs)}:`,
  );
  for (const s of assumed) console.log(`  ${describe(s)}`);
  console.log('  measured (S1–S3, sources in emulator/core/latency.ts):');
  for (const s of measured) console.log(`  ${describe(s)}`);
  const unused = LATENCY_RULES.filter(
    (r) => r.source === 'A' && r.ms > 0 && !spends.some((s) => s.rule === r),
  ).length;
  console.log(`  (${unused} more assumed figures in the table; this run makes no such call)`);
  const change = ((doubled.invoices - base.invoices) / base.invoices) * 100;
  console.log(
    `Sensitivity: with every assumed latency doubled, the first execution makes ${doubled.invoices} invoices instead of ${base.invoices} (${change.toFixed(0)} %; ${seconds(doubled.modelledMs)} modelled)`,
  );
}
