import { reminderMail, reminderSubject } from '../../../src/core/reminders/reminderMail';
import { client, d, ISSUER } from '../invoice/fixtures';

const invoice = (name: string, language: 'ja' | 'en' = 'ja') => ({
  number: '2026-10-0003',
  client: client({ name, language, contact: language === 'en' ? 'Alex Morgan' : '' }),
  issueDate: d('2026-10-31'),
  dueDate: d('2026-11-30'),
  billed: 110000,
});

describe('payment reminder mails', () => {
  it('climbs a polite ladder: 確認 → 再度のご確認 → お支払いのお願い', () => {
    const inv = invoice('株式会社さくら食品');
    expect([1, 2, 3].map((s) => reminderSubject(inv, s as 1 | 2 | 3, 'ja'))).toEqual([
      'お支払い状況のご確認(請求書番号 2026-10-0003)',
      '【再送】お支払い状況のご確認(請求書番号 2026-10-0003)',
      '【重要】お支払いのお願い(請求書番号 2026-10-0003)',
    ]);
    const first = reminderMail(inv, 1, ISSUER);
    expect(first.to).toBe('a@example.jp');
    expect(first.text).toContain('株式会社さくら食品 御中');
    expect(first.text).toContain('■ ご請求金額: 110,000円');
    expect(first.text).toContain('■ お支払期限: 2026年11月30日(月)');
    expect(first.text).toContain('行き違い');
    expect(reminderMail(inv, 3, ISSUER).text).toContain('至急');
  });

  it('writes English for an English-speaking client', () => {
    const mail = reminderMail(invoice('Blue Harbor Studio', 'en'), 2, ISSUER);
    expect(mail.subject).toBe('Second notice: payment status (invoice 2026-10-0003)');
    expect(mail.text).toMatch(/^Dear Alex Morgan,/);
    expect(mail.text).toContain('Amount due: JPY 110,000');
  });

  it('keeps a hostile client name as text and the subject on one line', () => {
    const inv = {
      ...invoice('<script>alert(1)</script>'),
      number: '2026-10-0003\r\nBcc: x@evil.example',
    };
    const mail = reminderMail(inv, 1, ISSUER);
    expect(mail.html).not.toContain('<script>');
    expect(mail.html).toContain('&lt;script&gt;');
    expect(mail.subject).not.toMatch(/[\r\n]/);
  });
});
