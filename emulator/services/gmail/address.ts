import { splitAddressList } from '../../eml';

/** One mailbox of an address list: `山田 太郎 <taro@example.jp>` → name and email. */
export interface Address {
  readonly name: string | null;
  readonly email: string;
}

/**
 * What Apps Script accepts as an address: one `@`, a dotted domain, no spaces, brackets, commas
 * or full-width characters (a cell typed with a Japanese IME often holds `＠`). Stricter rules of
 * Gmail's own (quoted local parts, IP literals) are not modelled.
 */
const EMAIL = /^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+$/;

export function isValidEmail(email: string): boolean {
  return EMAIL.test(email) && !email.startsWith('.') && !email.includes('..');
}

/**
 * Parses a comma-separated address list as the `recipient`, `cc` and `bcc` arguments take it.
 * Throws Apps Script's `Invalid email: <entry>` for an entry that is not an address.
 */
export function parseAddressList(list: string | null | undefined): Address[] {
  if (list === null || list === undefined) return [];
  return splitAddressList(String(list)).map(parseAddress);
}

export function parseAddress(entry: string): Address {
  const text = entry.trim();
  const m = /^(.*?)\s*<([^<>]*)>$/.exec(text);
  let name: string | null = null;
  let email = text;
  if (m) {
    name = (m[1] ?? '').trim();
    if (name.startsWith('"') && name.endsWith('"') && name.length >= 2) {
      name = name.slice(1, -1).replace(/\\(.)/g, '$1');
    }
    if (name === '') name = null;
    email = (m[2] ?? '').trim();
  }
  if (!isValidEmail(email)) throw new Error(`Invalid email: ${text}`);
  return { name, email };
}

/** `Name <email>` (quoted when the name needs it), or the bare email. */
export function formatAddress(a: Address): string {
  if (!a.name) return a.email;
  const needsQuotes = /[()<>[\]:;@\\,."]/.test(a.name);
  const name = needsQuotes ? `"${a.name.replace(/(["\\])/g, '\\$1')}"` : a.name;
  return `${name} <${a.email}>`;
}

export function formatAddressList(list: readonly Address[]): string {
  return list.map(formatAddress).join(', ');
}

export function sameEmail(a: string, b: string): boolean {
  return a.trim().toLowerCase() === b.trim().toLowerCase();
}
