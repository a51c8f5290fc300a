/**
 * Clients' payer names indexed so that a bank line finds its client without comparing it to every
 * name: exact names in one map, and every name of four characters or more under its first four
 * (voicing marks dropped), where a name the bank cut short, or one it lengthened, is found too.
 */
import { comparePayerNames, MIN_PREFIX_LENGTH, type NameMatch, prefixKey } from './payerName';

export interface PayerNames {
  readonly clientKey: string;
  /** Normalised names (see `clientPayerNames`). */
  readonly names: readonly string[];
}

export interface PayerHit {
  readonly clientKey: string;
  readonly match: NameMatch;
  /** The client's name that matched. */
  readonly name: string;
}

const MATCH_RANK: Record<NameMatch, number> = { exact: 0, bankCut: 1, bankLonger: 2 };

export class PayerIndex {
  private readonly exact = new Map<string, Set<string>>();
  private readonly byPrefix = new Map<string, { name: string; clientKey: string }[]>();

  constructor(clients: readonly PayerNames[]) {
    for (const client of clients) {
      for (const name of client.names) {
        if (name === '') continue;
        const owners = this.exact.get(name) ?? new Set<string>();
        owners.add(client.clientKey);
        this.exact.set(name, owners);
        if (name.length >= MIN_PREFIX_LENGTH) {
          const key = prefixKey(name);
          const bucket = this.byPrefix.get(key) ?? [];
          bucket.push({ name, clientKey: client.clientKey });
          this.byPrefix.set(key, bucket);
        }
      }
    }
  }

  /** The clients a (normalised) bank name may be, best match first, one hit per client. */
  lookup(bankName: string): PayerHit[] {
    const best = new Map<string, PayerHit>();
    const offer = (hit: PayerHit) => {
      const held = best.get(hit.clientKey);
      if (!held || MATCH_RANK[hit.match] < MATCH_RANK[held.match]) best.set(hit.clientKey, hit);
    };
    for (const clientKey of this.exact.get(bankName) ?? []) {
      offer({ clientKey, match: 'exact', name: bankName });
    }
    if (bankName.length >= MIN_PREFIX_LENGTH) {
      for (const entry of this.byPrefix.get(prefixKey(bankName)) ?? []) {
        const match = comparePayerNames(bankName, entry.name);
        if (match) offer({ clientKey: entry.clientKey, match, name: entry.name });
      }
    }
    return [...best.values()].sort((a, b) => MATCH_RANK[a.match] - MATCH_RANK[b.match]);
  }
}
