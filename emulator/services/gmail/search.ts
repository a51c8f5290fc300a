import { resolveZone, wallToUtc } from '../timezone';
import { formatAddress } from './address';
import type { GmailMessage, GmailThread } from './message';

/**
 * A subset of Gmail's search operators, enough for scripts that look for mail:
 * `from:` `to:` `cc:` `bcc:` `subject:` `label:` `is:unread|read|starred|important`
 * `in:inbox|sent|drafts|trash|spam|anywhere|starred` `has:attachment` `filename:`
 * `after:` `before:` (YYYY/MM/DD in the script's zone) `newer_than:` `older_than:` (Nd, Nm, Ny)
 * `rfc822msgid:`, quoted phrases, `-` to negate and `OR` between two terms. Plain words match as
 * case-insensitive substrings of the subject, body, addresses and attachment names (Gmail matches
 * whole words; Japanese text it matches much like a substring). Mail in the trash or spam is left
 * out unless the query names `in:trash`, `in:spam` or `in:anywhere`.
 */
export interface SearchContext {
  readonly now: number;
  readonly timeZone: string;
}

type Predicate = (m: GmailMessage) => boolean;

const DAY = 24 * 60 * 60 * 1000;

function tokenize(query: string): string[] {
  return String(query).match(/-?(?:[A-Za-z_0-9]+:)?(?:"[^"]*"|\S+)/g) ?? [];
}

const unquote = (v: string): string =>
  v.startsWith('"') && v.endsWith('"') && v.length >= 2 ? v.slice(1, -1) : v;

const has = (haystack: string, needle: string): boolean =>
  haystack.toLowerCase().includes(needle.toLowerCase());

const labelKey = (name: string): string => name.toLowerCase().replace(/[\s/]+/g, '-');

function dateBound(value: string, ctx: SearchContext): number {
  if (/^\d{9,}$/.test(value)) return Number(value) * 1000;
  const m = /^(\d{4})[/-](\d{1,2})[/-](\d{1,2})$/.exec(value);
  if (!m) return Number.NaN;
  return wallToUtc(resolveZone(ctx.timeZone), Number(m[1]), Number(m[2]), Number(m[3]));
}

function ageMs(value: string): number {
  const m = /^(\d+)([dmy])$/i.exec(value);
  if (!m) return Number.NaN;
  const n = Number(m[1]);
  const unit = (m[2] ?? 'd').toLowerCase();
  return n * (unit === 'd' ? DAY : unit === 'm' ? 30 * DAY : 365 * DAY);
}

function text(m: GmailMessage): string {
  const c = m.content;
  return [
    c.subject,
    m.getPlainBody(),
    formatAddress(c.from),
    ...c.to.map(formatAddress),
    ...c.cc.map(formatAddress),
    ...c.attachments.map((a) => a.getName() ?? ''),
  ].join('\n');
}

function term(key: string | null, raw: string, ctx: SearchContext): Predicate {
  const value = unquote(raw);
  const addresses = (list: { name: string | null; email: string }[]) =>
    list.map((a) => `${a.name ?? ''} ${a.email}`).join('\n');
  switch (key) {
    case null:
      return (m) => has(text(m), value);
    case 'from':
      return (m) => has(addresses([m.content.from]), value);
    case 'to':
      return (m) => has(addresses(m.content.to), value);
    case 'cc':
      return (m) => has(addresses(m.content.cc), value);
    case 'bcc':
      return (m) => has(addresses(m.content.bcc), value);
    case 'subject':
      return (m) => has(m.content.subject, value);
    case 'label':
      return (m) => [...m.thread.userLabels].some((l) => labelKey(l.name) === labelKey(value));
    case 'is': {
      const v = value.toLowerCase();
      if (v === 'unread') return (m) => m.labels.has('UNREAD');
      if (v === 'read') return (m) => !m.labels.has('UNREAD');
      if (v === 'starred') return (m) => m.labels.has('STARRED');
      if (v === 'important') return (m) => m.thread.important;
      return () => false;
    }
    case 'in': {
      const v = value.toLowerCase();
      if (v === 'inbox') return (m) => m.labels.has('INBOX');
      if (v === 'sent') return (m) => m.labels.has('SENT');
      if (v === 'drafts' || v === 'draft') return (m) => m.labels.has('DRAFT');
      if (v === 'trash') return (m) => m.labels.has('TRASH');
      if (v === 'spam') return (m) => m.labels.has('SPAM');
      if (v === 'starred') return (m) => m.labels.has('STARRED');
      if (v === 'anywhere') return () => true;
      return (m) => [...m.thread.userLabels].some((l) => labelKey(l.name) === labelKey(v));
    }
    case 'has':
      if (value.toLowerCase() === 'attachment') return (m) => m.content.attachments.length > 0;
      return () => false;
    case 'filename':
      return (m) =>
        m.content.attachments.some((a) => {
          const name = (a.getName() ?? '').toLowerCase();
          const v = value.toLowerCase();
          return name === v || name.endsWith(`.${v}`) || name.includes(v);
        });
    case 'after': {
      const t = dateBound(value, ctx);
      return (m) => m.date >= t;
    }
    case 'before': {
      const t = dateBound(value, ctx);
      return (m) => m.date < t;
    }
    case 'newer_than': {
      const age = ageMs(value);
      return (m) => m.date >= ctx.now - age;
    }
    case 'older_than': {
      const age = ageMs(value);
      return (m) => m.date < ctx.now - age;
    }
    case 'rfc822msgid':
      return (m) =>
        (m.content.headers['Message-ID'] ?? '').replace(/^<|>$/g, '') ===
        value.replace(/^<|>$/g, '');
    default:
      // An unknown operator is searched as a plain word, as Gmail does.
      return (m) => has(text(m), `${key}:${value}`);
  }
}

/** The query as a predicate on messages, and whether it reaches into the trash or spam. */
export function compileQuery(
  query: string,
  ctx: SearchContext,
): { match: Predicate; trash: boolean; spam: boolean } {
  const preds: Predicate[] = [];
  let orNext = false;
  let trash = false;
  let spam = false;
  for (const token of tokenize(query)) {
    if (token === 'OR') {
      orNext = preds.length > 0;
      continue;
    }
    const negate = token.startsWith('-') && token.length > 1;
    const body = negate ? token.slice(1) : token;
    const m = /^([A-Za-z_0-9]+):(.+)$/.exec(body);
    const key = m ? (m[1] ?? '').toLowerCase() : null;
    const value = m ? (m[2] ?? '') : body;
    if (key === 'in' && !negate) {
      const v = unquote(value).toLowerCase();
      if (v === 'trash' || v === 'anywhere') trash = true;
      if (v === 'spam' || v === 'anywhere') spam = true;
    }
    const p = term(key, value, ctx);
    const pred: Predicate = negate ? (x) => !p(x) : p;
    if (orNext) {
      const prev = preds.pop() as Predicate;
      preds.push((x) => prev(x) || pred(x));
      orNext = false;
    } else {
      preds.push(pred);
    }
  }
  return { match: (x) => preds.every((p) => p(x)), trash, spam };
}

/** Threads with at least one matching message, newest activity first. */
export function searchThreads(
  threads: Iterable<GmailThread>,
  query: string,
  ctx: SearchContext,
): GmailThread[] {
  const { match, trash, spam } = compileQuery(query, ctx);
  const visible = (m: GmailMessage) =>
    (trash || !m.labels.has('TRASH')) && (spam || !m.labels.has('SPAM'));
  return [...threads]
    .filter((t) => t.messages.some((m) => visible(m) && match(m)))
    .sort((a, b) => b.getLastMessageDate().getTime() - a.getLastMessageDate().getTime());
}
