/**
 * The reply that offers candidate times: polite Japanese (宛名 / お世話になっております。/ 名乗り /
 * 候補 / 所要時間・形式 / 返信のお願い / 結び) or English, built from paragraphs of lines by
 * `mailText`, so every value (a name, a place, a URL) stays text and can never become markup.
 */
import { type DateKey, tokyoDateKey } from '../dates';
import { type MailText, mailText } from '../mailText';
import { oneLine } from '../normalize';
import { type Lang, type Text, text, UserError } from '../text';
import type { Slot } from './slot';
import { durationText, shortDate, slotLine } from './slotText';

export type MeetingFormat =
  | { readonly kind: 'online'; readonly url: string }
  | { readonly kind: 'visit'; readonly place: string }
  | { readonly kind: 'phone'; readonly phone?: string };

export interface ProposalReply {
  /** The language of the mail being answered. */
  readonly lang: Lang;
  /** Who is answered, as they sign: `山田 太郎` (様 is added unless already there). */
  readonly recipientName: string;
  readonly recipientCompany?: string;
  readonly ownerName: string;
  readonly ownerCompany?: string;
  /** The candidates, in the order they are listed. */
  readonly slots: readonly Slot[];
  readonly lengthMinutes: number;
  readonly format: MeetingFormat;
  /** The date by which the other side is asked to answer. */
  readonly replyBy: DateKey;
  /** The owner's signature; by default the company and the name. */
  readonly signature?: string;
}

const HONORIFIC = /(?:様|さま|殿|御中|さん)$/;

function addressJa(name: string, company: string): string[] {
  const person = name === '' ? '' : HONORIFIC.test(name) ? name : `${name} 様`;
  if (person === '') return company === '' ? [] : [`${company} 御中`];
  return [company, person].filter(Boolean);
}

function formatLinesJa(format: MeetingFormat): string[] {
  if (format.kind === 'online') {
    const url = oneLine(format.url);
    return ['■ 形式: オンライン', url ? `■ URL: ${url}` : '■ URL: 日程確定後にお送りいたします'];
  }
  if (format.kind === 'visit') return ['■ 形式: 対面', `■ 場所: ${oneLine(format.place)}`];
  const phone = oneLine(format.phone ?? '');
  return ['■ 形式: お電話', ...(phone ? [`■ 電話番号: ${phone}`] : [])];
}

function formatLinesEn(format: MeetingFormat): string[] {
  if (format.kind === 'online') {
    const url = oneLine(format.url);
    return ['Format: Online', url ? `URL: ${url}` : 'URL: to follow once the time is fixed'];
  }
  if (format.kind === 'visit') return ['Format: In person', `Place: ${oneLine(format.place)}`];
  const phone = oneLine(format.phone ?? '');
  return ['Format: Phone call', ...(phone ? [`Phone: ${phone}`] : [])];
}

/** 「ポッケ株式会社の佐藤です。」, or the name or the company alone. */
function introductionJa(owner: string, company: string): string {
  const who = company && owner ? `${company}の${owner}` : company || owner;
  return who ? `${who}です。` : '';
}

function paragraphsJa(reply: ProposalReply, name: string, company: string): string[][] {
  const owner = oneLine(reply.ownerName);
  const ownerCompany = oneLine(reply.ownerCompany ?? '');
  return [
    addressJa(name, company),
    ['お世話になっております。', introductionJa(owner, ownerCompany)].filter(Boolean),
    [
      'お打ち合わせの件、ご連絡いただきありがとうございます。',
      '以下の日程でご都合はいかがでしょうか。',
    ],
    reply.slots.map((s) => slotLine(s, 'ja')),
    [`■ 所要時間: ${durationText(reply.lengthMinutes, 'ja')}`, ...formatLinesJa(reply.format)],
    [
      `お手数ですが、${shortDate(reply.replyBy, 'ja')}までにご都合のよい日時をお知らせいただけますと幸いです。`,
      'いずれも難しい場合は、ご都合のよい日時をいくつかお知らせください。改めて調整いたします。',
    ],
    ['何卒よろしくお願いいたします。'],
  ].filter((lines) => lines.length > 0);
}

function paragraphsEn(reply: ProposalReply, name: string): string[][] {
  return [
    [name ? `Dear ${name},` : 'Hello,'],
    [
      'Thank you for your message about meeting.',
      'Would one of the following times work for you? All times are Japan Standard Time (JST).',
    ],
    reply.slots.map((s) => slotLine(s, 'en')),
    [`Length: ${durationText(reply.lengthMinutes, 'en')}`, ...formatLinesEn(reply.format)],
    [
      `Could you let me know which time suits you by ${shortDate(reply.replyBy, 'en')}?`,
      'If none of them works, please suggest a few times that suit you and I will arrange another.',
    ],
    ['Best regards,'],
  ];
}

function defaultSignature(reply: ProposalReply): string {
  return [reply.ownerCompany ?? '', reply.ownerName].map(oneLine).filter(Boolean).join('\n');
}

/** The reply body offering `reply.slots`, as text and simple HTML. */
export function proposalReplyBody(reply: ProposalReply): MailText {
  if (reply.slots.length === 0) {
    throw new UserError('候補日時を1つ以上選んでください', 'Choose at least one time to offer');
  }
  const name = oneLine(reply.recipientName);
  const company = oneLine(reply.recipientCompany ?? '');
  const paragraphs =
    reply.lang === 'ja' ? paragraphsJa(reply, name, company) : paragraphsEn(reply, name);
  return mailText(paragraphs, reply.signature?.trim() || defaultSignature(reply));
}

/**
 * Why `replyBy` cannot be used with `slots`, or null: it must not be in the past, nor after the
 * first offered day (the holds would outlive the slots they hold).
 */
export function replyByProblem(replyBy: DateKey, slots: readonly Slot[], now: Date): Text | null {
  if (replyBy < tokyoDateKey(now)) {
    return text('返信期限が過去の日付です', 'The reply-by date is in the past');
  }
  const first = slots.reduce((min, s) => Math.min(min, s.start), Number.POSITIVE_INFINITY);
  if (Number.isFinite(first) && replyBy > tokyoDateKey(new Date(first))) {
    return text(
      '返信期限は最初の候補日以前にしてください',
      'The reply-by date must not be after the first offered day',
    );
  }
  return null;
}
