import { readDueDate } from '../../../src/core/dueDate';
import { text } from '../../../src/core/text';
import { check, moved, type Row, read } from './helpers';

// Calendar used below: 2026-11-23 (Mon) 勤労感謝の日; 2026-11-24 Tue; 11/30 Mon; 12/4 Fri;
// 12/5 Sat; 12/31–1/3 bank closure; 2027-01-11 成人の日; 2027-04-29 昭和の日 (Thu);
// 2027-05-03/04/05 (Mon–Wed) holidays.
const rows: Row[] = [
  // The day itself and the next ones.
  ['本日中にご返信ください', 'tue', { date: '2026-11-24', matched: '本日中', confidence: 'high' }],
  ['今日中にお願いします', 'tue', { date: '2026-11-24' }],
  ['明日中にご確認ください', 'tue', { date: '2026-11-25', matched: '明日中' }],
  ['明後日までにお送りします', 'tue', { date: '2026-11-26', matched: '明後日までに' }],
  ['明日中にお願いします', 'earlyTue', { date: '2026-11-25' }],
  ['翌営業日にご連絡します', 'friBeforeHoliday', { date: '2026-11-24' }],
  // Weeks (Monday–Sunday).
  ['今週中にご対応ください', 'tue', { date: '2026-11-27', confidence: 'high' }],
  ['来週中にご提出ください', 'tue', { date: '2026-12-04' }],
  [
    '来週金曜日までにお願いします',
    'tue',
    { date: '2026-12-04', matched: '来週金曜日までに', confidence: 'high' },
  ],
  ['今週金曜までに', 'tue', { date: '2026-11-27' }],
  ['来週月曜日まで', 'tue', { date: '2026-11-30' }],
  ['再来週の水曜日にお伺いします', 'tue', { date: '2026-12-09' }],
  ['再来週中にお願いします', 'tue', { date: '2026-12-11' }],
  ['今週末までに', 'tue', { date: '2026-11-27' }],
  ['金曜日までにお願いします', 'tue', { date: '2026-11-27', matched: '金曜日までに' }],
  ['来週までにご確認ください', 'tue', { date: '2026-11-30', flags: ['ambiguous'] }],
  // 週明け: next Monday, or the next business day when that Monday is a holiday.
  ['週明けにご連絡します', 'tue', { date: '2026-11-30' }],
  ['週明けにご連絡します', 'friBeforeHoliday', { date: '2026-11-24', ...moved('2026-11-23') }],
  ['週明けに改めてご連絡します', 'friGw', { date: '2027-05-06', ...moved('2027-05-03') }],
  // Months, years, fiscal years.
  ['今月末までにお支払いください', 'tue', { date: '2026-11-30', matched: '今月末までに' }],
  ['今月中にお願いします', 'tue', { date: '2026-11-30' }],
  ['月内にご回答ください', 'tue', { date: '2026-11-30' }],
  ['今月末まで', 'oct20', { date: '2026-10-30', ...moved('2026-10-31') }],
  ['来月末までにご入金ください', 'tue', { date: '2026-12-30', ...moved('2026-12-31') }],
  ['来月上旬にお送りします', 'tue', { date: '2026-12-10' }],
  ['12月中旬までに', 'tue', { date: '2026-12-18', ...moved('2026-12-20') }],
  ['12月末までに', 'dec28', { date: '2026-12-30', ...moved('2026-12-31') }],
  ['1月中旬までに', 'dec28', { date: '2027-01-20' }],
  ['年内にお願いします', 'tue', { date: '2026-12-30', matched: '年内', ...moved('2026-12-31') }],
  ['年内に', 'dec25', { date: '2026-12-30', ...moved('2026-12-31') }],
  ['年度内に精算してください', 'tue', { date: '2027-03-31' }],
  ['年度末までに', 'jan15', { date: '2027-03-31' }],
  ['来月5日までに', 'tue', { date: '2026-12-05' }],
  ['5日までに', 'tue', { date: '2026-12-05', matched: '5日までに' }],
  ['25日までに', 'tue', { date: '2026-11-25' }],
  // Business days and calendar days (holidays and closures from core/businessDays).
  ['3営業日以内にご連絡します', 'tue', { date: '2026-11-27', matched: '3営業日以内' }],
  ['3営業日以内にご連絡します', 'friBeforeHoliday', { date: '2026-11-26' }],
  ['5営業日後に発送します', 'dec28', { date: '2027-01-06' }],
  ['3営業日以内に', 'gw', { date: '2027-05-07' }],
  ['三営業日以内に', 'tue', { date: '2026-11-27' }],
  ['７日以内にご返送ください', 'tue', { date: '2026-12-01' }],
  ['2週間以内に', 'tue', { date: '2026-12-08' }],
  ['3日以内にご連絡ください', 'dec28', { date: '2026-12-31', flags: ['holiday'] }],
  // Urgency.
  ['至急ご対応ください', 'tue', { date: '2026-11-24', flags: ['urgent'], confidence: 'low' }],
  ['なる早でお願いします。遅くとも12/1までに', 'tue', { date: '2026-12-01', flags: ['urgent'] }],
  // Written dates, weekdays, times.
  [
    '11/30(土)迄にご返送ください',
    'tue',
    {
      date: '2026-11-30',
      flags: ['weekday-mismatch'],
      matched: '11/30(土)迄に',
      confidence: 'low',
    },
  ],
  ['11/30(月)迄にご返送ください', 'tue', { date: '2026-11-30', confidence: 'high' }],
  ['11月30日までに', 'tue', { date: '2026-11-30' }],
  [
    '12月5日(土)17時までにお願いします',
    'tue',
    { date: '2026-12-05', time: '17:00', matched: '12月5日(土)17時までに' },
  ],
  [
    '12月5日(金)17時まで',
    'tue',
    { date: '2026-12-05', time: '17:00', flags: ['weekday-mismatch'] },
  ],
  ['12月4日(金)午後3時まで', 'tue', { date: '2026-12-04', time: '15:00' }],
  ['12/4 14:30締切', 'tue', { date: '2026-12-04', time: '14:30', matched: '12/4 14:30締切' }],
  ['本日14時までにご連絡ください', 'tue', { date: '2026-11-24', time: '14:00' }],
  ['明日の午後2時までに', 'tue', { date: '2026-11-25', time: '14:00' }],
  ['明日の正午までにお願いします', 'tue', { date: '2026-11-25', time: '12:00' }],
  ['明日の午前中にお届けします', 'tue', { date: '2026-11-25', time: '12:00' }],
  ['明日の夕方までに', 'tue', { date: '2026-11-25', flags: ['vague-time'] }],
  ['14:30までにご返信ください', 'tue', { date: '2026-11-24', time: '14:30', flags: ['time-only'] }],
  ['9時までにご返信ください', 'tue', { date: '2026-11-25', time: '09:00', flags: ['time-only'] }],
  ['12月4日 10時半まで', 'tue', { date: '2026-12-04', time: '10:30' }],
  // A time written before the day; a time already past when the mail was sent.
  [
    '17時までに明日お願いします',
    'tue',
    { date: '2026-11-25', time: '17:00', matched: '17時までに明日' },
  ],
  [
    '本日17時までにご返信ください',
    'tueEvening',
    { date: '2026-11-24', time: '17:00', flags: ['past'], confidence: 'low' },
  ],
  [
    '本日17時までにご返信ください',
    'tue',
    { date: '2026-11-24', time: '17:00', confidence: 'high' },
  ],
  ['本日20時までにご返信ください', 'tueEvening', { date: '2026-11-24', time: '20:00' }],
  // Full-width digits and brackets (NFKC).
  ['１２月３日（木）までに', 'tue', { date: '2026-12-03', matched: '１２月３日（木）までに' }],
  ['１２／３迄', 'tue', { date: '2026-12-03' }],
  ['11/28㈯まで', 'tue', { date: '2026-11-28' }],
  // Ranges: the end.
  ['12/1〜12/5の間にお越しください', 'tue', { date: '2026-12-05', matched: '12/1〜12/5' }],
  ['12/1～12/5', 'tue', { date: '2026-12-05' }],
  ['12/1-12/5', 'tue', { date: '2026-12-05' }],
  [
    '12月1日から12月4日までの間に',
    'tue',
    { date: '2026-12-04', matched: '12月1日から12月4日まで' },
  ],
  ['12/1(火)〜12/4(金)の期間', 'tue', { date: '2026-12-04' }],
  ['12/1(火)〜12/4(木)の期間', 'tue', { date: '2026-12-04', flags: ['weekday-mismatch'] }],
  ['12月1日〜4日', 'tue', { date: '2026-12-04' }],
  // Eras and explicit years.
  ['令和8年12月5日までに', 'tue', { date: '2026-12-05' }],
  ['令和9年1月8日', 'tue', { date: '2027-01-08' }],
  ['令和8年11月30日(土)', 'tue', { date: '2026-11-30', flags: ['weekday-mismatch'] }],
  ['2026/12/10まで', 'tue', { date: '2026-12-10' }],
  ['期限：2026-12-10', 'tue', { date: '2026-12-10', matched: '期限：2026-12-10' }],
  ['2026年12月10日', 'tue', { date: '2026-12-10' }],
  // Year roll-over and past dates.
  ['1/10までにお願いします', 'dec20', { date: '2027-01-10' }],
  ['1/4(月)までに', 'dec25', { date: '2027-01-04' }],
  ['12/5までにお送りしたはずです', 'dec28', { date: '2026-12-05', flags: ['past'] }],
  ['9/1まで', 'tue', { date: '2027-09-01' }],
  ['11/23までに', 'tue', { date: '2026-11-23', flags: ['past', 'holiday'] }],
  // Several candidates: tied to a deadline word first, then the earliest.
  ['資料は12/10までに、打ち合わせは12/3です', 'tue', { date: '2026-12-10' }],
  ['見積は12/10まで、発注書は12/4までにお願いします', 'tue', { date: '2026-12-04' }],
  ['12/1から開始し、12/8までにご報告ください', 'tue', { date: '2026-12-08' }],
  ['明日15時から打ち合わせです', 'tue', { date: '2026-11-25', time: '15:00' }],
  // Bare dates stay dates; fractions and ratios are not dates.
  ['11/30に伺います', 'tue', { date: '2026-11-30', matched: '11/30' }],
  ['12/5(金)', 'tue', { date: '2026-12-05', flags: ['weekday-mismatch'] }],
  ['12/4(金)', 'tue', { date: '2026-12-04' }],
  ['全体の1/3ほど完了しました', 'tue', null],
  ['A4 1/2サイズで印刷してください', 'tue', null],
  ['出席率は9/10でした', 'tue', null],
  ['1/2程度の量で十分です', 'tue', null],
  ['割合は3/4です', 'tue', null],
  // Nothing to read.
  ['年末年始は12/29〜1/3まで休業いたします', 'dec20', null],
  ['12/29〜1/3休業です', 'dec20', null],
  ['いつもお世話になっております。', 'tue', null],
  ['本日はありがとうございました。', 'tue', null],
  ['明日から出張です', 'tue', null],
  ['11/31までに', 'tue', null],
  ['ご確認ください。\n> 12/1までにお願いします', 'tue', null],
  ['よろしくお願いします。\n-- \n山田 営業時間 9:00-18:00 12/29〜1/3休業', 'tue', null],
  [
    '承知しました。\n\n2026年11月20日(金) 9:00 山田 <yamada@example.jp>:\n> 11/27までにお願いします',
    'tue',
    null,
  ],
];

describe('readDueDate: Japanese', () => {
  test.each(rows)('%s (mail %s)', (text, mail, expected) => {
    check(read(text, mail), expected);
  });

  test('the subject is read too', () => {
    check(read('よろしくお願いします。', 'tue', '【12/3締切】見積書のご送付'), {
      date: '2026-12-03',
      matched: '12/3締切',
    });
  });

  test('the weekday note is in both languages', () => {
    expect(read('11/30(土)迄', 'tue')?.notes).toEqual([
      text('11/30は月曜日です。日付をご確認ください', '11/30 is a Monday; please check the date'),
    ]);
  });

  test('a control character inside the text is shown as a space', () => {
    check(read('12/5\u0000まで', 'tue'), { date: '2026-12-05', matched: '12/5 まで' });
  });
});

describe('readDueDate: a day the mail meant, moved to a business day', () => {
  test('今月末 in a month ending on a Saturday: the Friday, with the 31st and a note', () => {
    const r = read('今月末までにご対応ください', 'oct20');
    expect(r).toMatchObject({ date: '2026-10-30', writtenDate: '2026-10-31', flags: ['moved'] });
    expect(r?.notes).toEqual([
      text(
        'メールの期限は10/31(土)です。前営業日にしています',
        'The mail says 10/31 (Sat); moved to the business day before',
      ),
    ]);
  });

  test('今月中 in a month ending on a Sunday, and 年内 (banks close 12/31)', () => {
    expect(read('今月中にお願いします', 'jan15')).toMatchObject({
      date: '2027-01-29',
      writtenDate: '2027-01-31',
      notes: [
        {
          ja: 'メールの期限は1/31(日)です。前営業日にしています',
          en: expect.stringMatching(/^The mail says 1\/31 \(Sun\)/),
        },
      ],
    });
    expect(read('年内にお願いします', 'tue')?.notes).toEqual([
      text(
        'メールの期限は12/31(木)です。前営業日にしています',
        'The mail says 12/31 (Thu); moved to the business day before',
      ),
    ]);
  });

  test('週明け on a holiday Monday: the next business day, said so', () => {
    expect(read('週明けにご連絡します', 'friBeforeHoliday')?.notes).toEqual([
      text(
        'メールの期限は11/23(月)です。翌営業日にしています',
        'The mail says 11/23 (Mon); moved to the next business day',
      ),
    ]);
  });

  test('no note when the day the mail meant is a business day, or is the mail’s own day', () => {
    const open = read('今月末までにご対応ください', 'tue'); // 11/30 is a Monday
    expect(open).toMatchObject({ date: '2026-11-30', flags: [], notes: [] });
    expect(open).not.toHaveProperty('writtenDate');
    // Sent on Saturday 10/31 itself: due that day (the Friday before has passed), not moved.
    const late = readDueDate('今月末までにご対応ください', new Date('2026-10-31T10:00:00+09:00'));
    expect(late).toMatchObject({ date: '2026-10-31', notes: [] });
    expect(late).not.toHaveProperty('writtenDate');
  });
});
