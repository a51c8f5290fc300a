import { check, moved, type Row, read } from './helpers';

const rows: Row[] = [
  [
    'Please send it by Friday.',
    'tue',
    { date: '2026-11-27', matched: 'by Friday', confidence: 'high' },
  ],
  ['Could you do it by end of the month?', 'tue', { date: '2026-11-30' }],
  ['by end of month', 'oct20', { date: '2026-10-30', ...moved('2026-10-31') }],
  [
    'Can you finish this by EOD?',
    'tue',
    { date: '2026-11-24', flags: ['vague-time'], matched: 'by EOD' },
  ],
  ['Please reply by tomorrow.', 'tue', { date: '2026-11-25', matched: 'by tomorrow' }],
  ["Let's meet next Tuesday.", 'tue', { date: '2026-12-01' }],
  ['next Friday works', 'tue', { date: '2026-12-04' }],
  ['The deadline is Dec 4.', 'tue', { date: '2026-12-04', confidence: 'high' }],
  ['Shipping on December 5th', 'tue', { date: '2026-12-05' }],
  ['Available from 5 Dec', 'tue', { date: '2026-12-05' }],
  ['Please return the form by 12/3.', 'tue', { date: '2026-12-03', matched: 'by 12/3' }],
  ['Meeting 12/5', 'tue', { date: '2026-12-05' }],
  ['We will reply within 3 business days.', 'friBeforeHoliday', { date: '2026-11-26' }],
  ['within 10 working days', 'dec25', { date: '2027-01-13' }],
  ["I'll get back to you in two weeks.", 'tue', { date: '2026-12-08' }],
  ['in 3 days', 'tue', { date: '2026-11-27' }],
  ['within a week', 'tue', { date: '2026-12-01' }],
  [
    'Please submit by the end of next week.',
    'tue',
    { date: '2026-12-04', matched: 'by the end of next week' },
  ],
  ['by the end of the week', 'tue', { date: '2026-11-27' }],
  ['before the end of next month', 'tue', { date: '2026-12-30', ...moved('2026-12-31') }],
  ['Payment due December 4 at 5pm', 'tue', { date: '2026-12-04', time: '17:00' }],
  [
    'by Friday, December 4, 2026',
    'tue',
    { date: '2026-12-04', matched: 'by Friday, December 4, 2026' },
  ],
  ['by Friday, December 5', 'tue', { date: '2026-12-05', flags: ['weekday-mismatch'] }],
  ['Dec 4 (Fri) 10:00-11:00', 'tue', { date: '2026-12-04', time: '11:00' }],
  ['today by 3pm please', 'tue', { date: '2026-11-24', time: '15:00' }],
  ['no later than December 10', 'tue', { date: '2026-12-10', confidence: 'high' }],
  ['Deadline: 2026-12-10', 'tue', { date: '2026-12-10' }],
  ['by Dec. 5th, 2026', 'tue', { date: '2026-12-05' }],
  ['by January 10', 'dec20', { date: '2027-01-10' }],
  ['See you on Monday', 'tue', { date: '2026-11-30', confidence: 'medium' }],
  ['Please handle this ASAP.', 'tue', { date: '2026-11-24', flags: ['urgent'] }],
  ['Urgent: please sign by Dec 1', 'tue', { date: '2026-12-01', flags: ['urgent'] }],
  ['Can you send it by next week?', 'tue', { date: '2026-11-30', flags: ['ambiguous'] }],
  [
    'Please send it by 5 pm tomorrow',
    'tue',
    { date: '2026-11-25', time: '17:00', matched: 'by 5 pm tomorrow', confidence: 'high' },
  ],
  ['by 10:30 am Friday', 'tue', { date: '2026-11-27', time: '10:30' }],
  [
    'Please reply by 5pm today',
    'tueEvening',
    { date: '2026-11-24', time: '17:00', flags: ['past'] },
  ],
  ['About 1/3 of the budget is spent', 'tue', null],
  ['The ratio is 9/10.', 'tue', null],
  ['Thanks for your help!', 'tue', null],
  ['Please send Dec 1 to 3 people', 'tue', { date: '2026-12-01' }],
  ['Dec 1 to Dec 4', 'tue', { date: '2026-12-04' }],
  [
    'Sounds good.\n\nOn Fri, Nov 20, 2026 at 9:00 AM Taro <t@example.com> wrote:\n> by Dec 1',
    'tue',
    null,
  ],
  [
    '---------- Forwarded message ---------\nFrom: A <a@example.com>\nDate: Fri, Nov 27, 2026 at 9:00 AM\nSubject: Quote\n\nPlease have a look.',
    'tue',
    null,
  ],
  [
    'FYI\n\nFrom: A\nSent: Friday, November 27, 2026 9:00 AM\n\nPlease send the quote by Dec 3.',
    'tue',
    { date: '2026-12-03' },
  ],
  ['May I ask you to check this?', 'tue', null],
  ['I sat down and had a wed cake', 'tue', null],
];

describe('readDueDate: English', () => {
  test.each(rows)('%s (mail %s)', (text, mail, expected) => {
    check(read(text, mail), expected);
  });
});
