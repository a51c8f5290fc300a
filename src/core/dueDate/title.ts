/**
 * A task title from a mail: the subject without reply/forward prefixes and routing tags, or,
 * when the subject is empty, the first meaningful line of the body. Never empty.
 *
 * 【】 and [] tags: tags that only route or classify the mail (【重要】【再送】【転送】[External]
 * 【外部メール】[spam]…) are dropped; tags that say something about the task (【見積依頼】
 * 【12/5締切】【至急】【株式会社ABC】) are kept. When only dropped tags remain, they are kept.
 */
import { oneLine } from '../normalize';
import { detectLanguage, keptText } from './normalize';

export const TITLE_MAX = 80;
export const FALLBACK_JA = 'メールの確認';
export const FALLBACK_EN = 'Follow up on mail';

const PREFIX =
  /^\s{0,10}(?:(?:re|fwd?|fw|aw|wg|sv|vs|tr|rv|antw)\s?(?:\[\d{1,4}\]|\(\d{1,4}\)|\*\d{1,4})?\s?[:：]|(?:転送|返信|返信先|回答)\s?[:：]|[[【](?:fwd?|fw|re|転送|返信)[\]】])/i;
const TAG = /【([^【】\n]{0,40})】|[[［]([^[\]［］\n]{0,40})[\]］]/g;
const NOISE_TAGS = new Set([
  '重要',
  '再送',
  '再々送',
  '転送',
  '返信',
  '外部',
  '社外',
  '外部メール',
  '社外メール',
  '外部から',
  '社外から',
  '外部送信',
  '要返信',
  '広告',
  'pr',
  '自動送信',
  '自動配信',
  '配信専用',
  '迷惑メール',
  'external',
  'external email',
  'external sender',
  'ext',
  'extern',
  'spam',
  'suspected spam',
  'caution',
  'warning',
  'important',
  'fwd',
  'fw',
  're',
]);

function stripPrefixes(text: string): string {
  let s = text;
  for (let n = 0; n < 50; n++) {
    const m = PREFIX.exec(s);
    if (!m || m[0].length === 0) break;
    s = s.slice(m[0].length);
  }
  return s.trim();
}

function dropNoiseTags(text: string): string {
  const stripped = text.replace(TAG, (whole, ja?: string, en?: string) => {
    const inner = (ja ?? en ?? '').normalize('NFKC').trim().toLowerCase();
    return NOISE_TAGS.has(inner) ? '' : whole;
  });
  return oneLine(stripped);
}

function truncate(text: string): string {
  const chars = Array.from(text);
  if (chars.length <= TITLE_MAX) return text;
  return `${chars
    .slice(0, TITLE_MAX - 1)
    .join('')
    .trimEnd()}…`;
}

const GREETING =
  /^(?:お世話に|いつもお世話|いつも大変お世話|平素より|平素は|お疲れ様|お疲れさま|おつかれさま|ご担当者|初めまして|はじめまして|突然のご連絡|夜分|こんにちは|こんばんは|おはようございます|hi\b|hello\b|hey\b|dear\b|good (?:morning|afternoon|evening)\b|greetings\b|to whom\b)/i;
const ADDRESSEE = /(?:様|さま|さん|殿|御中|各位|皆様|皆さま)[\s、,。.]*$/;
const SELF_INTRO = /(?:と申します|でございます|です)[。．.]?$/;

function isMeaningful(line: string): boolean {
  if (!/[\p{L}\p{N}]/u.test(line)) return false;
  if (line.length <= 40 && (GREETING.test(line) || ADDRESSEE.test(line))) return false;
  if (line.length <= 30 && SELF_INTRO.test(line) && /の|と申します/.test(line)) return false;
  return true;
}

function firstMeaningfulLine(body: string): string {
  const text = keptText(body);
  let pos = 0;
  while (pos <= text.length) {
    let nl = text.indexOf('\n', pos);
    if (nl < 0) nl = text.length;
    const line = oneLine(text.slice(pos, nl));
    pos = nl + 1;
    if (line !== '' && isMeaningful(line)) return line;
  }
  return '';
}

/** A task title for a mail (at most TITLE_MAX characters, never empty). */
export function suggestTaskTitle(subject: string, body: string): string {
  const subj = oneLine(typeof subject === 'string' ? subject.slice(0, 2000) : '');
  const text = typeof body === 'string' ? body : '';
  const bare = stripPrefixes(subj);
  let title = stripPrefixes(dropNoiseTags(bare));
  if (title === '') title = bare;
  if (title === '') title = stripPrefixes(firstMeaningfulLine(text));
  if (title === '') {
    // Japanese unless the text is English: Pokke's users are Japanese businesses.
    const sample = `${bare}\n${text.slice(0, 2000)}`;
    const english = detectLanguage(sample) === 'en' && /[a-z]/i.test(sample);
    return english ? FALLBACK_EN : FALLBACK_JA;
  }
  return truncate(title);
}
