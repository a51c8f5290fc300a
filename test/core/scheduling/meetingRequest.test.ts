import { meetingRequest } from '../../../src/core/scheduling';

describe('a mail that asks to meet', () => {
  test.each([
    ['ご相談', '来週どこかでお時間をいただけますでしょうか。', 'お時間をいただけ'],
    ['お打ち合わせのお願い', '', '打ち合わせ'],
    [
      '新サービスのご紹介',
      '一度ご挨拶に伺いたく、ご都合のよい日時をお知らせください。',
      'ご挨拶に伺',
    ],
    ['Re: 見積の件', '詳細について打合せをさせてください。', '打合せ'],
    ['日程調整のお願い', '下記の件で', '日程調整'],
    ['', '来週、ご都合はいかがでしょうか。', 'ご都合はいかが'],
    ['採用面談について', '', '面談'],
    ['', 'オンラインでのミーティングを\nお願いできればと存じます。', 'ミーティング'],
    ['', '次回ＭＴＧの候補をいただけますか', 'MTG'],
    ['', 'ご都合の\nよい日時を教えてください', 'ご都合のよい'],
  ])('Japanese: %s / %s', (subject, body, phrase) => {
    expect(meetingRequest(subject, body)).toEqual({ asks: true, lang: 'ja', phrase });
  });

  test.each([
    ['Quick question', 'Could we meet next week to go over the proposal?', 'Could we meet'],
    ['Intro', "I'd love to schedule a call with you.", 'schedule a call'],
    ['Project kickoff', 'Please share your availability for Thursday.', 'your availability'],
    ['', 'Are you available for a short chat on Monday?', 'Are you available for'],
    ['', 'When would you be free?', 'When would you be free'],
    ['', 'Can we set up a\nmeeting this week?', 'Can we set up'],
    ['Next steps', 'What time works for you?', 'What time works'],
  ])('English: %s / %s', (subject, body, phrase) => {
    expect(meetingRequest(subject, body)).toEqual({ asks: true, lang: 'en', phrase });
  });
});

describe('a mail that does not', () => {
  test.each([
    ['請求書送付のご案内', '11月分の請求書をお送りいたします。ご確認ください。'],
    ['出荷のご連絡', '出荷日程は以下のとおりです。'],
    ['お礼', '本日はお時間を頂戴し、ありがとうございました。'],
    ['Invoice', 'We will meet the deadline of November 30.'],
    ['Order', 'The product meets all the requirements listed in the contract.'],
    ['Thanks', 'Thank you for your time today.'],
  ])('%s / %s', (subject, body) => {
    expect(meetingRequest(subject, body).asks).toBe(false);
  });

  test('an ask only in the quoted original or the signature is not one', () => {
    const body = [
      '承知いたしました。資料を送付いたします。',
      '',
      '2026年11月24日(火) 10:00 山田 <yamada@example.jp>:',
      '> 来週お打ち合わせのお時間をいただけますでしょうか。',
    ].join('\n');
    expect(meetingRequest('Re: 資料の件', body).asks).toBe(false);
    const signed = ['Thanks, attached.', '-- ', 'Book a meeting with me: could we meet?'].join(
      '\n',
    );
    expect(meetingRequest('Files', signed).asks).toBe(false);
  });
});

test('the language is the mail’s, for the reply', () => {
  expect(meetingRequest('Meeting', 'Could we meet on Friday?').lang).toBe('en');
  expect(meetingRequest('ご相談', '請求書の件です。').lang).toBe('ja');
});
