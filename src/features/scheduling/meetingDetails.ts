import { durationText } from '../../core/scheduling';
import { type Lang, sayIn } from '../../core/text';
import type { ProposalRecord } from './proposalRows';

/** What a hold or the meeting says in the calendar: where it happens and the mail it came from. */
export function eventDetails(
  proposal: ProposalRecord,
  lang: Lang,
  summary: string,
): { summary: string; description: string; location: string } {
  const t = sayIn(lang);
  const f = proposal.format;
  const location = f.kind === 'visit' ? f.place : f.kind === 'online' ? f.url : (f.phone ?? '');
  const kind =
    f.kind === 'online'
      ? t('オンライン', 'Online')
      : f.kind === 'visit'
        ? t('対面', 'In person')
        : t('電話', 'Phone');
  const lines = [
    `${t('形式', 'Format')}: ${kind}${location ? ` ${location}` : ''}`,
    `${t('所要時間', 'Length')}: ${durationText(proposal.lengthMinutes, lang)}`,
    ...(proposal.email
      ? [`${t('相手', 'With')}: ${proposal.counterpart} <${proposal.email}>`]
      : []),
    ...(proposal.mailLink ? [`${t('メール', 'Mail')}: ${proposal.mailLink}`] : []),
    t('Pokke の日程調整で作成', 'Made by Pokke scheduling'),
  ];
  return { summary, description: lines.join('\n'), location };
}
