/**
 * Whether a mail asks to meet, for the contextual card: phrases that ask for a meeting or for the
 * reader's availability, in Japanese (お打ち合わせ, ご都合はいかが, 日程調整, 面談, お時間をいただけ
 * …) and English (could we meet, schedule a call, your availability …). Bare words that also
 * appear in other mails ("meet the deadline", 出荷日程) are not enough. Only the mail's own lines
 * are read: quoted replies and the signature are left out, as for due dates.
 */
import { detectLanguage, keptText } from '../dueDate/normalize';
import type { Lang } from '../text';

export interface MeetingRequest {
  readonly asks: boolean;
  /** The language to answer in. */
  readonly lang: Lang;
  /** The words that show the ask, as written (normalised to half width). */
  readonly phrase?: string;
}

const JAPANESE = new RegExp(
  [
    '打ち?合わ?せ',
    'ミーティング',
    '(?<![A-Za-z])MTG(?![A-Za-z])',
    '面談',
    '面会',
    '商談',
    'アポイント',
    '日程(?:調整|の(?:ご)?(?:相談|候補|調整))',
    '候補日',
    'ご都合(?:の(?:よい|良い|よろしい|いい)|は?いかが|をお(?:聞か|伺い|知らせ))',
    'お時間(?:を)?(?:いただけ|頂け|頂戴でき)',
    'お会い(?:でき|したく|させ|する)',
    '(?:ご挨拶|ごあいさつ)に(?:伺|うかが)',
    '(?:オンライン|Web|ウェブ|ビデオ)(?:会議|通話)',
  ].join('|'),
  'i',
);

const ENGLISH = new RegExp(
  [
    String.raw`\b(?:could|can|shall|should|would|may) we (?:meet|talk|have a (?:quick )?(?:call|chat|meeting)|schedule|set up|arrange|find a time)`,
    String.raw`\b(?:schedule|set up|arrange|book|organi[sz]e)(?: a| an| the| our| some)?(?: quick| short| brief| video| phone| zoom| online)? (?:call|meeting|chat|time to (?:meet|talk))`,
    String.raw`\byour availability\b`,
    String.raw`\b(?:are|would) you (?:be )?(?:free|available) (?:for|to|on|next|this)\b`,
    String.raw`\bwhen (?:are|would) you be (?:free|available)\b`,
    String.raw`\bwhat times? (?:works?|would work|suits?)\b`,
    String.raw`\blet'?s meet\b`,
    String.raw`\bmeet (?:up|with you|next week|this week|in person|online)\b`,
    String.raw`\bfind a (?:time|slot)\b`,
    String.raw`\bhop on a call\b`,
    String.raw`\bmeeting request\b`,
  ].join('|'),
  'i',
);

/** Whether the mail `subject` + `body` asks to meet, and its language. */
export function meetingRequest(subject: string, body: string): MeetingRequest {
  const kept = `${subject.slice(0, 1000).replace(/[\r\n]+/g, ' ')}\n${keptText(body)}`;
  const lang = detectLanguage(kept);
  // NFKC: full-width letters (ＭＴＧ) and half-width kana read as their usual forms.
  // Japanese is read without white space, so a phrase broken over two lines still counts.
  const normalized = kept.normalize('NFKC');
  const match =
    JAPANESE.exec(normalized.replace(/\s+/g, '')) ?? ENGLISH.exec(normalized.replace(/\s+/g, ' '));
  return match ? { asks: true, lang, phrase: match[0] } : { asks: false, lang };
}
