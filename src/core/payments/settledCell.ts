/**
 * The 消込先 cell of a bank line: which invoices it settled and by how much, as the owner reads it
 * and Pokke reads it back (`2026-11-0002 (133,100)、2027-01-0001 (36,300)`). The invoices' paid
 * amounts are always summed again from these cells, so a confirmation cut off half-way is
 * finished by the next one and a line confirmed twice counts once.
 */
import { formatYen } from '../money';

export interface SettledAmount {
  /** The invoice number. */
  readonly id: string;
  readonly settled: number;
}

export function formatSettled(list: readonly SettledAmount[]): string {
  return list.map((s) => `${s.id} (${formatYen(s.settled)})`).join('、');
}

const ENTRY = /^(.+?)\s*[(（]\s*([\d,，]+)\s*[)）]$/;

/** The entries of a 消込先 cell; an entry without an amount is left out. */
export function parseSettled(cell: string): SettledAmount[] {
  const out: SettledAmount[] = [];
  for (const part of cell.split(/[、\n]+/)) {
    const m = ENTRY.exec(part.trim());
    if (!m) continue;
    const settled = Number((m[2] ?? '').replace(/[,，]/g, ''));
    if (Number.isSafeInteger(settled) && settled > 0)
      out.push({ id: (m[1] ?? '').trim(), settled });
  }
  return out;
}
