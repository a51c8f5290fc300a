import { looksLikeReceipt, mentionsReceipt } from '../../../src/core/expenses/receiptMail';

const mail = (subject: string, body = '', attachmentTypes: string[] = []) => ({
  subject,
  body,
  attachmentTypes,
});

describe('which mails open as a receipt', () => {
  test.each([
    ['a taxi app text receipt', mail('ご利用明細（領収書）', '合計 3,200円（税込）')],
    [
      'a supplier invoice PDF',
      mail('11月分 ご請求書送付のご案内', '添付をご確認ください', ['application/pdf']),
    ],
    ['a photographed receipt', mail('領収書（喫茶 山小屋）', '写真です', ['image/jpeg'])],
    ['an English receipt', mail('Your receipt from Pocket Books', 'Total ¥2,200')],
    [
      'a receipt word in the body with a total on the next line',
      mail('Order', 'Receipt\nTotal\n¥1,500'),
    ],
  ])('%s', (_name, m) => {
    expect(looksLikeReceipt(m)).toBe(true);
  });

  test.each([
    ['a mail about an invoice, without file or amount', mail('請求書の件', '')],
    ['asking for a receipt', mail('領収書を送ってください', '', ['application/pdf'])],
    ['an estimate request', mail('お見積りのお願い', '11/30までにお願いします')],
    [
      'a receipt word with a spreadsheet attached only',
      mail('請求書', '', ['application/vnd.ms-excel']),
    ],
  ])('not %s', (_name, m) => {
    expect(looksLikeReceipt(m)).toBe(false);
  });

  test('the attachments are looked at only when subject or body says receipt', () => {
    expect(mentionsReceipt({ subject: 'お見積りのお願い', body: '資料を添付します' })).toBe(false);
    expect(mentionsReceipt({ subject: 'Fwd', body: '領収書を添付します' })).toBe(true);
  });
});
