import {
  type Client,
  draftInvoicesForClosing,
  type InvoiceDraft,
  type Issuer,
  indexClients,
  renderInvoiceHtml,
} from '../../../src/core/invoice';
import type { SaleCells } from '../../../src/core/invoice/lines';
import { REDUCED_RATE_LEGEND } from '../../../src/core/tax';
import { client, d, ISSUER, lines } from './fixtures';

function draftFor(c: Client, rows: SaleCells[]): InvoiceDraft {
  const ls = lines(
    [c],
    rows.map((r) => ({ date: '2026-11-10', client: c.name, ...r })),
  );
  const result = draftInvoicesForClosing(ls, indexClients([c]), d('2026-11-30'), {
    rounding: 'floor',
  });
  return result.drafts[0]!;
}

/** The visible text, tags removed and spaces collapsed. */
function text(html: string): string {
  return html
    .replace(/<style>[\s\S]*?<\/style>/, '')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ');
}

const yamada = client({
  name: '株式会社やまだ',
  postalCode: '1000001',
  address: '東京都千代田区1-1',
});

describe('Japanese invoice (適格請求書)', () => {
  const draft = draftFor(yamada, [
    { item: 'デザイン', unitPrice: 1235 },
    { item: 'コーディング', unitPrice: 1235 },
    { item: '撮影', unitPrice: 1235 },
    { item: 'コーヒー豆', unitPrice: 5400, taxRate: '8%', taxMode: '税込', quantity: 1 },
  ]);
  const page = renderInvoiceHtml({ draft, number: '2026-11-0001', issuer: ISSUER });
  const visible = text(page);

  test.each([
    ['the title', '請求書'],
    ["the issuer's name", '株式会社ポッケ'],
    ['the registration number', '登録番号: T1234567890123'],
    ['the recipient with 御中', '株式会社やまだ 御中'],
    ["the recipient's address", '〒100-0001 東京都千代田区1-1'],
    ['the invoice number', '2026-11-0001'],
    ['the issue date', '発行日 2026年11月30日'],
    ['the period', '2026年11月1日〜2026年11月30日'],
    ['the due date with its weekday (moved from 12/31)', '2027年1月4日(月)'],
    ['the amount billed', 'ご請求金額 ¥9,475'],
    ['the 10% group: base, tax once per rate (370, not 369), total', '10%対象 3,705 370 4,075'],
    ['the 8% group from a tax-inclusive line', '8%対象(軽減税率) ※ 5,000 400 5,400'],
    ['the ※ legend', REDUCED_RATE_LEGEND.ja],
    ['the bank account', 'みずほ銀行 渋谷支店 普通 1234567'],
    ['the account holder', '口座名義: カ)ポッケ'],
    ['the transfer-fee line', '振込手数料は貴社にてご負担'],
    ['a reduced-rate line marked ※', 'コーヒー豆 ※'],
  ])('shows %s', (_what, expected) => {
    expect(visible).toContain(expected);
  });

  test('the legend reads 「※は軽減税率対象」', () => {
    expect(REDUCED_RATE_LEGEND.ja).toBe('※は軽減税率対象');
  });

  test('no withholding rows when the client does not withhold', () => {
    expect(visible).not.toContain('源泉徴収税額');
    expect(visible).not.toContain('差引ご請求額');
  });

  test('mixed 税込/税抜 lines: each basis under its own heading over the amount column', () => {
    expect(visible).toContain(
      '税抜価格の明細 金額(税抜) 2026/11/10 デザイン 1 1,235 1,235 2026/11/10 コーディング',
    );
    expect(visible).toContain('税込価格の明細 金額(税込) 2026/11/10 コーヒー豆 ※ 1 5,400 5,400');
    expect(page.match(/<tr class="basis"/g)).toHaveLength(2);
  });

  test('self-contained and converter-friendly: no scripts, remote resources, flex or grid', () => {
    expect(page.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(page).toContain('<meta charset="utf-8">');
    expect(page).not.toMatch(/<script|<img|<link|@import|@font-face|url\(|https?:\/\//i);
    expect(page).not.toMatch(/display:\s*(flex|grid)/);
  });
});

describe("the transfer-fee sentence: once, from the setting, in the client's language", () => {
  const count = (page: string, what: RegExp) => (text(page).match(what) ?? []).length;
  const jaDraft = draftFor(yamada, [{ unitPrice: 1000 }]);
  const enDraft = draftFor(client({ name: 'Acme', language: 'en' }), [{ unitPrice: 1000 }]);

  test('printed once under a bank account, by default', () => {
    expect(
      count(renderInvoiceHtml({ draft: jaDraft, number: 'N', issuer: ISSUER }), /振込手数料/g),
    ).toBe(1);
    const en = renderInvoiceHtml({ draft: enDraft, number: 'N', issuer: ISSUER });
    expect(count(en, /transfer fees/g)).toBe(1);
    expect(en).not.toContain('振込手数料');
  });

  test('しない leaves it out; no bank account, no sentence', () => {
    const off = { ...ISSUER, transferFeeNote: 'しない' as const };
    expect(renderInvoiceHtml({ draft: jaDraft, number: 'N', issuer: off })).not.toContain(
      '振込手数料',
    );
    const noBank = {
      ...ISSUER,
      bankName: '',
      bankBranch: '',
      accountNumber: '',
      accountHolder: '',
    };
    const page = renderInvoiceHtml({ draft: jaDraft, number: 'N', issuer: noBank });
    expect(page).not.toContain('振込手数料');
    expect(page).not.toContain('お振込先');
  });
});

describe('摘要 is printed under the item; メモ never', () => {
  test("the client reads the details, not the owner's memo", () => {
    const draft = draftFor(yamada, [
      {
        item: 'SNS運用代行',
        detail: '11月分の投稿12本',
        note: '定期請求・値上げ交渉中',
        unitPrice: 1000,
      },
    ]);
    const visible = text(renderInvoiceHtml({ draft, number: 'N', issuer: ISSUER }));
    expect(visible).toContain('SNS運用代行 11月分の投稿12本');
    expect(visible).not.toContain('定期請求');
    expect(visible).not.toContain('値上げ交渉中');
  });
});

describe('the ※ legend appears only with reduced-rate lines', () => {
  test.each([
    ['ja', ['10%'], false],
    ['ja', ['10%', '8%'], true],
    ['ja', ['非課税', '0%'], false],
    ['en', ['10%'], false],
    ['en', ['8%'], true],
  ] as const)('%s with rates %p → legend %p', (language, rates, shown) => {
    const c = client({ name: 'A', language });
    const draft = draftFor(
      c,
      rates.map((taxRate) => ({ taxRate, unitPrice: 1000 })),
    );
    const page = renderInvoiceHtml({ draft, number: 'X-1', issuer: ISSUER });
    const legend = language === 'ja' ? REDUCED_RATE_LEGEND.ja : REDUCED_RATE_LEGEND.en;
    expect(page.includes(legend)).toBe(shown);
    expect(page.includes('※')).toBe(shown);
  });
});

describe('withholding on the invoice', () => {
  test('源泉徴収税額 and 差引ご請求額; the amount billed is the net', () => {
    const c = client({ name: '山田 花子', honorific: '様', withholding: 'する' });
    const draft = draftFor(c, [{ item: '原稿料', unitPrice: 250000 }]);
    const visible = text(renderInvoiceHtml({ draft, number: 'N-1', issuer: ISSUER }));
    expect(visible).toContain('山田 花子 様');
    expect(visible).toContain('合計(税込) ¥275,000');
    expect(visible).toContain('源泉徴収税額 -¥25,525');
    expect(visible).toContain('差引ご請求額 ¥249,475');
    expect(visible).toContain('ご請求金額 ¥249,475');
    // A person is not addressed as 貴社.
    expect(visible).not.toContain('貴社');
  });
});

describe('a contact person', () => {
  test('company name, then the person with 様; 御中 and 様 never together', () => {
    const c = client({ name: '株式会社やまだ', contact: '経理部 山田 太郎' });
    const visible = text(
      renderInvoiceHtml({ draft: draftFor(c, [{ unitPrice: 1 }]), number: '', issuer: ISSUER }),
    );
    expect(visible).toContain('株式会社やまだ 経理部 山田 太郎 様');
    expect(visible).not.toContain('御中');
    expect(visible).toContain('(発行時に採番)'); // a preview before numbering
  });
});

describe('English invoice for en clients', () => {
  const c = client({ name: 'Acme Ltd.', language: 'en', withholding: 'する' });
  const draft = draftFor(c, [
    { item: 'Logo design', unitPrice: 300000 },
    { item: 'Coffee beans', unitPrice: 3000, taxRate: '8%', quantity: 2 },
  ]);
  const visible = text(renderInvoiceHtml({ draft, number: '2026-11-0002', issuer: ISSUER }));

  test.each([
    'INVOICE',
    'Invoice No. 2026-11-0002',
    'Issue date Nov 30, 2026',
    'Registration No.: T1234567890123',
    'Amount due ¥305,238',
    'Due date Jan 4, 2027',
    '10% items 300,000 30,000 330,000',
    '8% items (reduced rate) ※ 6,000 480 6,480',
    'Items marked ※ are subject to the reduced tax rate (8%)',
    'Withholding income tax -¥31,242',
    'Net amount due ¥305,238',
    'Ordinary 1234567',
    'Bank transfer fees are to be borne by the payer.',
  ])('shows %p', (expected) => {
    expect(visible).toContain(expected);
  });

  test('no Japanese layout words', () => {
    expect(visible).not.toMatch(/請求書|御中|ご請求金額|軽減税率対象/);
  });
});

describe('escaping: a value from a cell renders as text', () => {
  const hostile = '<script>alert(1)</script>';
  const c = client({
    name: hostile,
    address: '"><img src=x onerror=alert(2)>',
    contact: '<b>boss</b>',
  });
  const draft = draftFor(c, [
    { item: hostile, unit: '<i>', detail: '</td><script>x()</script>', unitPrice: 1000 },
  ]);
  const issuer: Issuer = {
    ...ISSUER,
    companyName: 'A & B <Co>',
    address: '<style>body{display:none}</style>',
    invoiceNote: 'line 1\n<script>alert(3)</script>',
  };
  const page = renderInvoiceHtml({ draft, number: '<n>', issuer });

  test('no tag from a cell or a setting survives', () => {
    expect(page).not.toMatch(/<script|<img|<b>boss|<i>|<n>|onerror=alert\(2\)>/);
    expect(page.match(/<style>/g)).toHaveLength(1); // only our own
  });

  test('the hostile values are there, as text', () => {
    expect(page).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(page).toContain('&quot;&gt;&lt;img src=x onerror=alert(2)&gt;');
    expect(page).toContain('A &amp; B &lt;Co&gt;');
    expect(page).toContain('line 1<br>&lt;script&gt;alert(3)&lt;/script&gt;');
  });
});

describe('the issuer on an English invoice', () => {
  const abroad = client({
    name: 'Blue Harbor Ltd.',
    language: 'en',
    postalCode: 'SW1A 1AA',
    address: '1 Harbour Street, London',
  });
  const draft = draftFor(abroad, [{ item: 'Illustration', unitPrice: 90000, date: '2026-11-05' }]);
  const english = {
    ...ISSUER,
    postalCode: '150-0001',
    address: '東京都渋谷区神宮前9-99-9',
    companyNameEn: 'Pokke Shoten Co., Ltd.',
    addressEn: '9-99-9 Jingumae, Shibuya-ku, Tokyo',
    bankNameEn: 'Midori Bank',
    bankBranchEn: 'Shibuya Branch',
  };

  test('carries the English names the owner gave, the address without 〒, and one date format', () => {
    const visible = text(renderInvoiceHtml({ draft, number: 'N-1', issuer: english }));
    expect(visible).toContain('Pokke Shoten Co., Ltd.');
    expect(visible).toContain('9-99-9 Jingumae, Shibuya-ku, Tokyo 150-0001');
    expect(visible).toContain('Midori Bank Shibuya Branch');
    expect(visible).toContain('1 Harbour Street, London SW1A 1AA');
    expect(visible).not.toContain(ISSUER.companyName);
    expect(visible).not.toContain('〒');
    // Line, issue, period and due dates are all written `Nov 5, 2026`: no ISO or slashed date.
    expect(visible).toContain('Nov 5, 2026');
    expect(visible).not.toMatch(/\d{4}[-/]\d{2}[-/]\d{2}/);
  });

  test('falls back on the Japanese names where no English one is given', () => {
    const visible = text(
      renderInvoiceHtml({
        draft,
        number: 'N-1',
        issuer: { ...english, companyNameEn: '', bankNameEn: '  ' },
      }),
    );
    expect(visible).toContain(ISSUER.companyName);
    expect(visible).toContain(`${ISSUER.bankName} Shibuya Branch`);
  });

  test('a Japanese invoice keeps the Japanese names and 〒', () => {
    const japanese = draftFor(yamada, [{ unitPrice: 1000 }]);
    const visible = text(renderInvoiceHtml({ draft: japanese, number: 'N-2', issuer: english }));
    expect(visible).toContain(ISSUER.companyName);
    expect(visible).toContain('〒150-0001 東京都渋谷区神宮前9-99-9');
    expect(visible).not.toContain('Pokke Shoten Co., Ltd.');
  });
});

describe('a preview is marked in the language of whoever previews', () => {
  const japanese = draftFor(yamada, [{ unitPrice: 1000 }]);
  test.each([
    ['ja', 'プレビュー', 'PREVIEW'],
    ['en', 'PREVIEW', 'プレビュー'],
  ] as const)('previewed in %s: %s, never %s', (lang, shown, hidden) => {
    const page = renderInvoiceHtml({ draft: japanese, number: '', issuer: ISSUER, preview: lang });
    expect(text(page)).toContain(shown);
    expect(page).not.toContain(hidden);
  });
});

test('an English name never stands in for a Japanese setting left empty', () => {
  const abroad = client({ name: 'Blue Harbor Ltd.', language: 'en' });
  const draft = draftFor(abroad, [{ unitPrice: 1000 }]);
  const noBank = {
    ...ISSUER,
    bankName: '',
    bankBranch: '',
    accountNumber: '',
    accountHolder: '',
    bankNameEn: 'Midori Bank',
    bankBranchEn: 'Shibuya Branch',
  };
  const visible = text(renderInvoiceHtml({ draft, number: 'N-1', issuer: noBank }));
  expect(visible).not.toContain('Midori Bank');
  expect(visible).not.toMatch(/transfer fee/i);
});
