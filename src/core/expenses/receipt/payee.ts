/**
 * Who was paid, from a receipt's normalised lines. In order:
 * 1. a labelled name: 発行元, 販売元, 販売者, 出品者, 店名, 請求元, 加盟店, Sold by, Seller, Merchant,
 *    Billed by, Issued by;
 * 2. the name next to the registration number (「株式会社ABC 登録番号 T…」, or on the line above);
 * 3. the first line with a corporate form (株式会社, (株), 合同会社, Inc., LLC, Ltd., K.K., G.K.…);
 * 4. a well-known receipt sender named in the text (Amazon.co.jp, Uber, GO, Slack…);
 * 5. for a photographed receipt only, the shop's name printed at the top.
 * Lines addressed to the buyer (…様, …御中, 宛名) and the owner's own names are never the payee.
 */
import { payeeKey } from '../payeeKey';

export const MAX_PAYEE_CHARS = 60;

const LABELLED =
  /^(?:発行元|発行者|販売元|販売者|販売業者|販売|出品者|店舗名|店名|事業者名|請求元|加盟店名?|会社名|ショップ名|sold by|seller|merchant|billed by|issued by|vendor)\s*[:：]\s*(.+)$/i;
const CORPORATE =
  /株式会社|\(株\)|有限会社|\(有\)|合同会社|合資会社|合名会社|一般社団法人|一般財団法人|(?:^|[\s,])(?:inc|llc|ltd|co\.,? ?ltd|corp|corporation|k\.k|g\.k|gmbh|pte|plc)\.?(?:$|[\s,)])/i;
const BUYER = /様|御中|殿|宛名|お客様|customer|bill to|billed to|ship to/i;
const NOT_A_NAME =
  /領収|レシート|明細|請求書|納品書|注文|ありがとう|お買上|receipt|invoice|order|thank|登録番号|電話|tel|fax|〒|http|www\.|@|住所|address/i;
const REGISTRATION =
  /(?:登録番号|適格請求書発行事業者|registration\s*(?:no|number))?\s*[:：]?\s*t ?\d(?:[ -]?\d){12}/i;

// A registration number after the name, with or without its label, and what follows it.
const REGISTRATION_TAIL = new RegExp(
  String.raw`\s*[(（]?(?:(?:適格請求書発行事業者)?登録番号|registration\s*(?:no|number)\.?)\s*[:：]?\s*(?:t ?\d(?:[ -]?\d){12})?.*$` +
    String.raw`|\s*[(（]?[:：]?\s*t ?\d(?:[ -]?\d){12}.*$`,
  'i',
);

// Receipt senders common enough to name when the text says who they are; `test` on the line.
const KNOWN: ReadonlyArray<readonly [RegExp, string]> = [
  [/amazon\.co\.jp|アマゾン/i, 'Amazon.co.jp'],
  [/uber ?eats/i, 'Uber Eats'],
  [/(?<![a-z])uber(?![a-z])/i, 'Uber'],
  [/(?<![a-z])go(?: ?タクシー| ?taxi)|タクシーアプリ ?go/i, 'GO'],
  [/s\.ride/i, 'S.RIDE'],
  [/(?<![a-z])didi(?![a-z])/i, 'DiDi'],
  [/(?<![a-z])slack(?![a-z])/i, 'Slack'],
  [/(?<![a-z])zoom(?![a-z])/i, 'Zoom'],
  [/google workspace|google cloud|google llc/i, 'Google'],
  [/(?<![a-z])notion(?![a-z])/i, 'Notion'],
  [/(?<![a-z])github(?![a-z])/i, 'GitHub'],
  [/amazon web services|(?<![a-z])aws(?![a-z])/i, 'Amazon Web Services'],
  [/(?<![a-z])adobe(?![a-z])/i, 'Adobe'],
  [/(?<![a-z])apple(?![a-z])/i, 'Apple'],
  [/楽天市場/, '楽天市場'],
  [/モノタロウ|monotaro/i, 'モノタロウ'],
  [/アスクル|askul/i, 'アスクル'],
];

export interface PayeeOptions {
  /** The owner's own names: an invoice addressed to them names them too. */
  readonly ownNames?: readonly string[];
  /** Whether the text is a photographed paper receipt, whose first line is the shop. */
  readonly paperReceipt?: boolean;
}

/** The payee's name, or undefined when the text does not say. */
export function findPayee(
  lines: readonly string[],
  options: PayeeOptions = {},
): string | undefined {
  const own = new Set((options.ownNames ?? []).map(payeeKey).filter((n) => n !== ''));
  const usable = (name: string | undefined): string | undefined => {
    const cleaned = name === undefined ? '' : cleanName(name);
    if (cleaned === '' || BUYER.test(cleaned)) return undefined;
    return own.has(payeeKey(cleaned)) ? undefined : cleaned;
  };

  for (const line of lines) {
    const m = LABELLED.exec(line);
    const name = m && usable(m[1]);
    if (name) return name;
  }
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const m = REGISTRATION.exec(line);
    if (!m) continue;
    const before = usable(line.slice(0, m.index));
    if (before && looksLikeName(before)) return before;
    const above = i > 0 ? usable(lines[i - 1]) : undefined;
    if (above && looksLikeName(above)) return above;
  }
  for (const line of lines) {
    if (!CORPORATE.test(line) || BUYER.test(line)) continue;
    const name = usable(line);
    if (name && looksLikeName(name)) return name;
  }
  for (const [pattern, name] of KNOWN) {
    if (lines.some((line) => pattern.test(line)) && usable(name)) return name;
  }
  if (options.paperReceipt) {
    for (const line of lines.slice(0, 3)) {
      const name = usable(line);
      if (name && looksLikeName(name)) return name;
    }
  }
  return undefined;
}

function cleanName(text: string): string {
  const cut = text
    .replace(/<[^>]*>/g, '')
    .replace(REGISTRATION_TAIL, '')
    .split(/ {2,}|\t|\s[|｜]\s/)[0]!
    .replace(/^[\s:：・\-–—*#]+|[\s:：・\-–—*#、,]+$/g, '')
    .trim();
  const chars = Array.from(cut);
  return chars.length > MAX_PAYEE_CHARS ? chars.slice(0, MAX_PAYEE_CHARS).join('').trim() : cut;
}

function looksLikeName(text: string): boolean {
  if (NOT_A_NAME.test(text) || /[。！？!?]|です|ます/.test(text)) return false;
  const chars = Array.from(text);
  const digits = chars.filter((c) => /\d/.test(c)).length;
  return chars.length >= 2 && chars.length <= MAX_PAYEE_CHARS && digits / chars.length < 0.3;
}
