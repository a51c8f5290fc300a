import {
  type Client,
  draftInvoicesForClosing,
  indexClients,
  invoiceMail,
} from '../../../src/core/invoice';
import { client, d, ISSUER, lines } from './fixtures';

function mailFor(c: Client, unitPrice = 100000, issuer = ISSUER, number = '2026-11-0001') {
  const ls = lines([c], [{ date: '2026-11-10', client: c.name, unitPrice }]);
  const [draft] = draftInvoicesForClosing(ls, indexClients([c]), d('2026-11-30'), {
    rounding: 'floor',
  }).drafts;
  return invoiceMail({ draft: draft!, number, issuer });
}

describe('invoiceMail (Japanese)', () => {
  const mail = mailFor(client({ name: '株式会社やまだ', email: 'keiri@yamada.example' }));

  test('to, subject', () => {
    expect(mail.to).toBe('keiri@yamada.example');
    expect(mail.subject).toBe('【株式会社ポッケ】2026年11月分 請求書送付のご案内(2026-11-0001)');
  });

  test('a polite body with the figures that matter', () => {
    expect(
      mail.text.startsWith(
        '株式会社やまだ 御中\n\nいつもお世話になっております。\n株式会社ポッケです。',
      ),
    ).toBe(true);
    for (const line of [
      '2026年11月分の請求書をお送りいたします。',
      '■ 請求書番号: 2026-11-0001',
      '■ ご請求金額: 110,000円(税込)',
      '■ お支払期限: 2027年1月4日(月)',
      '■ お振込先: みずほ銀行 渋谷支店 普通 1234567 名義: カ)ポッケ',
      '今後ともよろしくお願いいたします。',
      '--\n株式会社ポッケ\n〒150-0001 東京都渋谷区神宮前1-2-3\nTEL: 03-1234-5678',
    ])
      expect(mail.text).toContain(line);
  });

  test('the HTML body carries the same words', () => {
    expect(mail.html).toContain('株式会社やまだ 御中');
    expect(mail.html).toContain('■ ご請求金額: 110,000円(税込)<br>');
  });

  test('withholding is explained; a person is addressed with 様', () => {
    const m = mailFor(client({ name: '山田 花子', honorific: '様', withholding: 'する' }), 250000);
    expect(m.text.startsWith('山田 花子 様\n')).toBe(true);
    expect(m.text).toContain('■ ご請求金額: 249,475円(税込)');
    expect(m.text).toContain('(源泉徴収税額 25,525円を差し引いた金額です)');
  });

  test("the owner's signature replaces the default one", () => {
    const m = mailFor(client({ name: 'A' }), 1, {
      ...ISSUER,
      signature: 'ポッケ 経理\n電話 03-0000-0000',
    });
    expect(m.text.endsWith('--\nポッケ 経理\n電話 03-0000-0000\n')).toBe(true);
  });
});

describe('invoiceMail (English)', () => {
  test('for en clients', () => {
    const m = mailFor(client({ name: 'Acme Ltd.', language: 'en', contact: 'Jane Doe' }));
    expect(m.subject).toBe('Invoice 2026-11-0001 for November 2026 from 株式会社ポッケ');
    expect(m.text.startsWith('Dear Jane Doe,\n')).toBe(true);
    expect(m.text).toContain('Amount due: JPY 110,000 (tax included)');
    expect(m.text).toContain('Due date: Jan 4, 2027');
    expect(m.text).toContain('Best regards,');
    expect(m.text).not.toMatch(/御中|いつも/);
  });
});

describe('hostile values in the mail', () => {
  const m = mailFor(
    client({ name: '<script>alert(1)</script>\r\nBcc: victim@example.com' }),
    1000,
    { ...ISSUER, companyName: 'Evil\r\nBcc: x@example.com <b>' },
  );

  test('the subject is one line', () => {
    expect(m.subject).not.toMatch(/[\r\n]/);
  });

  test('the HTML body escapes every value', () => {
    expect(m.html).not.toMatch(/<script|<b>/);
    expect(m.html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(m.html).toContain('Evil Bcc: x@example.com &lt;b&gt;');
  });
});
