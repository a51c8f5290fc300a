import {
  type ProposalReply,
  proposalReplyBody,
  replyByProblem,
} from '../../../src/core/scheduling';
import { at, k } from './helpers';

const SLOTS = [
  { start: at('2026-11-27 14:00'), end: at('2026-11-27 15:00') },
  { start: at('2026-11-30 10:00'), end: at('2026-11-30 11:00') },
  { start: at('2026-12-01 16:00'), end: at('2026-12-01 17:00') },
];

function reply(overrides: Partial<ProposalReply> = {}): ProposalReply {
  return {
    lang: 'ja',
    recipientName: '山田 太郎',
    recipientCompany: '株式会社サンプル',
    ownerName: '佐藤 花子',
    ownerCompany: 'ポッケ株式会社',
    slots: SLOTS,
    lengthMinutes: 60,
    format: { kind: 'online', url: 'https://meet.google.com/abc-defg-hij' },
    replyBy: k('2026-11-26'),
    ...overrides,
  };
}

describe('Japanese reply', () => {
  test('greeting, candidates, length and format, reply-by date, closing and signature', () => {
    expect(proposalReplyBody(reply()).text).toBe(
      [
        '株式会社サンプル',
        '山田 太郎 様',
        '',
        'お世話になっております。',
        'ポッケ株式会社の佐藤 花子です。',
        '',
        'お打ち合わせの件、ご連絡いただきありがとうございます。',
        '以下の日程でご都合はいかがでしょうか。',
        '',
        '・11月27日(金) 14:00〜15:00',
        '・11月30日(月) 10:00〜11:00',
        '・12月1日(火) 16:00〜17:00',
        '',
        '■ 所要時間: 1時間',
        '■ 形式: オンライン',
        '■ URL: https://meet.google.com/abc-defg-hij',
        '',
        'お手数ですが、11月26日(木)までにご都合のよい日時をお知らせいただけますと幸いです。',
        'いずれも難しい場合は、ご都合のよい日時をいくつかお知らせください。改めて調整いたします。',
        '',
        '何卒よろしくお願いいたします。',
        '',
        '--',
        'ポッケ株式会社',
        '佐藤 花子',
        '',
      ].join('\n'),
    );
  });

  test('a visit names the place, a call the number', () => {
    const visit = proposalReplyBody(
      reply({ format: { kind: 'visit', place: '弊社 渋谷オフィス' } }),
    );
    expect(visit.text).toContain('■ 形式: 対面\n■ 場所: 弊社 渋谷オフィス\n');
    const phone = proposalReplyBody(reply({ format: { kind: 'phone', phone: '03-1234-5678' } }));
    expect(phone.text).toContain('■ 形式: お電話\n■ 電話番号: 03-1234-5678\n');
  });

  test('an online meeting without a URL yet says it will follow', () => {
    const body = proposalReplyBody(reply({ format: { kind: 'online', url: ' ' } }));
    expect(body.text).toContain('■ URL: 日程確定後にお送りいたします');
  });

  test('the honorific is not doubled, and a company alone is 御中', () => {
    expect(proposalReplyBody(reply({ recipientName: '山田様' })).text).toMatch(
      /^株式会社サンプル\n山田様\n/,
    );
    expect(proposalReplyBody(reply({ recipientName: '' })).text).toMatch(
      /^株式会社サンプル 御中\n\n/,
    );
  });

  test('the owner introduces themselves with what is known', () => {
    expect(proposalReplyBody(reply({ ownerCompany: '' })).text).toContain(
      'お世話になっております。\n佐藤 花子です。\n\n',
    );
    expect(proposalReplyBody(reply({ ownerName: '', ownerCompany: '' })).text).toContain(
      'お世話になっております。\n\nお打ち合わせの件',
    );
  });

  test("the owner's own signature replaces the default one", () => {
    const body = proposalReplyBody(reply({ signature: '佐藤 花子\nTEL 03-0000-0000' }));
    expect(body.text).toMatch(/--\n佐藤 花子\nTEL 03-0000-0000\n$/);
  });
});

describe('English reply', () => {
  test('the same parts in English, times marked JST', () => {
    const body = proposalReplyBody(
      reply({
        lang: 'en',
        recipientName: 'Jane Smith',
        format: { kind: 'visit', place: 'Our Shibuya office' },
      }),
    );
    expect(body.text).toBe(
      [
        'Dear Jane Smith,',
        '',
        'Thank you for your message about meeting.',
        'Would one of the following times work for you? All times are Japan Standard Time (JST).',
        '',
        '- Fri, Nov 27, 14:00–15:00 (JST)',
        '- Mon, Nov 30, 10:00–11:00 (JST)',
        '- Tue, Dec 1, 16:00–17:00 (JST)',
        '',
        'Length: 1 hour',
        'Format: In person',
        'Place: Our Shibuya office',
        '',
        'Could you let me know which time suits you by Thu, Nov 26?',
        'If none of them works, please suggest a few times that suit you and I will arrange another.',
        '',
        'Best regards,',
        '',
        '--',
        'ポッケ株式会社',
        '佐藤 花子',
        '',
      ].join('\n'),
    );
  });
});

describe('values stay text', () => {
  test('markup in a name or a place is escaped in the HTML body, line breaks flattened', () => {
    const body = proposalReplyBody(
      reply({
        recipientName: '<b>山田</b>',
        format: { kind: 'visit', place: '本社\n<script>alert(1)</script>' },
      }),
    );
    expect(body.html).not.toContain('<script>');
    expect(body.html).not.toContain('<b>');
    expect(body.html).toContain('&lt;script&gt;');
    expect(body.text).toContain('■ 場所: 本社 <script>alert(1)</script>\n');
  });

  test('no slot is refused in both languages', () => {
    expect(() => proposalReplyBody(reply({ slots: [] }))).toThrow(
      '候補日時を1つ以上選んでください',
    );
  });
});

describe('reply-by date', () => {
  // 8:00 in Japan is still the 23rd in UTC.
  const now = new Date(at('2026-11-24 08:00'));

  test('from today up to the first offered day', () => {
    expect(replyByProblem(k('2026-11-24'), SLOTS, now)).toBeNull();
    expect(replyByProblem(k('2026-11-27'), SLOTS, now)).toBeNull();
  });

  test('in the past or after the first offered day is refused', () => {
    expect(replyByProblem(k('2026-11-23'), SLOTS, now)?.en).toBe(
      'The reply-by date is in the past',
    );
    expect(replyByProblem(k('2026-11-28'), SLOTS, now)?.ja).toBe(
      '返信期限は最初の候補日以前にしてください',
    );
  });
});
