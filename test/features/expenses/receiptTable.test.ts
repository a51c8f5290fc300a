/**
 * The table of receipts (issue 13's Done-when): mail bodies, PDF text and OCR output, Japanese and
 * English, inclusive and exclusive tax, mixed 8%/10%, 令和 dates, missing and competing totals,
 * read through receiptPrefill — the path the Gmail card and the CLI import take: a mail body as
 * the mail's body, a PDF's text or a photo's OCR as the attachment of a mail saying nothing.
 */
import type { DateKey } from '../../../src/core/dates';
import type { ReceiptReading } from '../../../src/core/expenses';
import { receiptPrefill } from '../../../src/features/expenses/receiptPrefill';

const today = '2026-12-07' as DateKey;

interface Expected {
  date?: string;
  payee?: string;
  total?: number;
  tax?: number;
  byRate?: ReceiptReading['byRate'];
  registrationNumber?: string;
  paymentMethod?: string;
  foreignCurrency?: string;
}

// Receipts as they arrive: mail bodies, PDF text and OCR output. Fictional shops and numbers.
const RECEIPTS: ReadonlyArray<readonly [string, string, Expected, ('mail' | 'pdf' | 'ocr')?]> = [
  [
    'Amazon order mail (points lower the amount billed)',
    `山田太郎 様
Amazon.co.jp をご利用いただき、ありがとうございます。
注文番号: 250-1234567-1234567
注文日: 2026/11/28
お届け予定: 2026/12/01
コクヨ コピー用紙 A4 500枚×5冊  ￥3,980
配送料・手数料: ￥0
商品の小計: ￥3,980
注文合計: ￥3,980
ポイント利用: -￥500
ご請求額: ￥3,480
お支払い方法: Visa ****1234
販売: アマゾンジャパン合同会社 登録番号 T1234567890123`,
    {
      date: '2026-11-28',
      payee: 'アマゾンジャパン合同会社',
      total: 3480,
      registrationNumber: 'T1234567890123',
      paymentMethod: 'カード',
    },
  ],
  [
    'taxi app receipt',
    `GO
ご乗車日時 2026年11月28日 14:32
乗車地 渋谷区道玄坂
運賃 ¥2,100
迎車料金 ¥300
お支払い金額 ¥2,400
(うち消費税 ¥218)
日本交通株式会社
登録番号 T8010001034740
お支払方法: クレジットカード`,
    {
      date: '2026-11-28',
      payee: '日本交通株式会社',
      total: 2400,
      tax: 218,
      byRate: [{ rate: 10, amount: 2400, tax: 218 }],
      registrationNumber: 'T8010001034740',
      paymentMethod: 'カード',
    },
  ],
  [
    'SaaS invoice in US dollars: recognised as foreign, never read as yen',
    `Slack Technologies, LLC
Invoice #SL-12345
Date paid: Nov 28, 2026
Pro plan (monthly)  $8.75
Total  $8.75
Amount paid  $8.75 USD`,
    { date: '2026-11-28', payee: 'Slack Technologies, LLC', foreignCurrency: 'USD' },
  ],
  [
    'SaaS invoice in yen with JCT',
    `Notion Labs, Inc.
Invoice date: 28 Nov 2026
Registration number: T4700150079306
Plus plan  ¥1,650
Subtotal  ¥1,500
JCT (10%)  ¥150
Total (incl. tax)  ¥1,650
Amount paid  ¥1,650`,
    {
      date: '2026-11-28',
      payee: 'Notion Labs, Inc.',
      total: 1650,
      tax: 150,
      byRate: [{ rate: 10, amount: 1650, tax: 150 }],
      registrationNumber: 'T4700150079306',
    },
  ],
  [
    'photographed cafe receipt, spaced out by tesseract jpn',
    `カ フ ェ ポ ッ ケ 渋 谷 店
東 京 都 渋 谷 区 1 - 2 - 3
T E L 0 3 - 1 2 3 4 - 5 6 7 8
2 0 2 6 年 1 1 月 2 8 日 1 2 : 3 0
ブ レ ン ド コ ー ヒ ー ¥ 4 8 0
※ ク ッ キ ー ¥ 2 1 6
合 計 ¥ 6 9 6
1 0 % 対 象 ¥ 4 8 0 ( 内 消 費 税 ¥ 4 3 )
8 % 対 象 ¥ 2 1 6 ( 内 消 費 税 ¥ 1 6 )
お 預 り ¥ 1 , 0 0 0
お 釣 り ¥ 3 0 4
登 録 番 号 T 1 2 3 4 5 6 7 8 9 0 1 2 3`,
    {
      date: '2026-11-28',
      payee: 'カフェポッケ渋谷店',
      total: 696,
      tax: 59,
      byRate: [
        { rate: 10, amount: 480, tax: 43 },
        { rate: 8, amount: 216, tax: 16 },
      ],
      registrationNumber: 'T1234567890123',
      paymentMethod: '現金',
    },
    'ocr',
  ],
  [
    'handwritten-style 領収書 with 令和 date and mixed rates',
    `領収書
株式会社ポッケ 御中
令和8年11月28日
¥3,280-
但 お品代として
（10%対象 2,200円 / 8%対象 1,080円）
有限会社さくら商店
登録番号：T1234567890123`,
    {
      date: '2026-11-28',
      payee: '有限会社さくら商店',
      total: 3280,
      byRate: [
        { rate: 10, amount: 2200 },
        { rate: 8, amount: 1080 },
      ],
      registrationNumber: 'T1234567890123',
    },
  ],
  [
    'supplier PDF invoice, tax-exclusive by rate',
    `請求書
株式会社ポッケ 御中
発行日 2026/11/30
お支払期限 2026/12/31
ご請求金額 ¥33,000
品目 数量 単価 金額
デザイン制作 1 30,000 30,000
小計 30,000円
10%対象(税抜) 30,000円 消費税 3,000円
合計 33,000円
株式会社デザインワークス
T5010001000005`,
    {
      date: '2026-11-30',
      payee: '株式会社デザインワークス',
      total: 33000,
      tax: 3000,
      byRate: [{ rate: 10, amount: 33000, tax: 3000 }],
      registrationNumber: 'T5010001000005',
    },
    'pdf',
  ],
  [
    '合計 with (税込) and うち消費税 on one line',
    `ポッケ文具店
2026/11/20
ボールペン 3本 ¥330
合計 3,980円（税込 うち消費税 361円）`,
    { date: '2026-11-20', total: 3980, tax: 361, byRate: [{ rate: 10, amount: 3980, tax: 361 }] },
  ],
  [
    'full-width digits and ¥ sign',
    `ご利用日：２０２６年１１月２５日
ご利用金額：￥１，２１０
うち消費税：￥１１０`,
    { date: '2026-11-25', total: 1210, tax: 110, byRate: [{ rate: 10, amount: 1210, tax: 110 }] },
  ],
  [
    'R8.11.28 date and 3,980円 with no label',
    `書籍代
R8.11.28
3,980円
ポッケ書房`,
    { date: '2026-11-28', total: 3980 },
  ],
  [
    'reduced rate only: 8% takeout',
    `ポッケ弁当
2026-11-27 12:05
※幕の内弁当 ¥864
合計 ¥864
(8%対象 ¥864 内消費税 ¥64)
※は軽減税率対象`,
    { date: '2026-11-27', total: 864, tax: 64, byRate: [{ rate: 8, amount: 864, tax: 64 }] },
  ],
  [
    'several competing totals: the one labelled お支払い wins over item amounts',
    `ポッケ電器
2026/11/15
USBケーブル ¥1,980
マウス ¥2,980
キーボード ¥5,980
お支払い合計 ¥10,940`,
    { date: '2026-11-15', total: 10940 },
  ],
  [
    'cash handed over is not the total',
    `ポッケ食堂
2026/11/10
合計 ¥3,980
お支払い ¥5,000
お釣り ¥1,020`,
    { date: '2026-11-10', total: 3980, paymentMethod: '現金' },
  ],
  [
    'label on its own line above the amount (PDF table)',
    `株式会社クラウドサーバ
発行日
2026/11/01
ご請求金額
¥5,500
うち消費税
¥500`,
    {
      date: '2026-11-01',
      payee: '株式会社クラウドサーバ',
      total: 5500,
      tax: 500,
      byRate: [{ rate: 10, amount: 5500, tax: 500 }],
    },
    'pdf',
  ],
  [
    'no total anywhere: nothing is guessed',
    `いつもご利用ありがとうございます。
次回のご来店をお待ちしております。`,
    {},
  ],
  [
    'two different unlabelled amounts: no total is picked',
    `ポッケ商店
2026/11/05
りんご ¥300
みかん ¥450`,
    { date: '2026-11-05' },
  ],
  [
    'a renewal date in the future is not the purchase date',
    `株式会社ポッケホスティング
次回更新日: 2027/11/28
ご利用日: 2026/11/28
お支払い金額: ¥1,320`,
    { date: '2026-11-28', payee: '株式会社ポッケホスティング', total: 1320 },
  ],
  [
    'a billing period is not the purchase date',
    `ご請求期間 2026/10/01〜2026/10/31
発行日 2026/11/01
ご請求額 ¥2,200`,
    { date: '2026-11-01', total: 2200 },
  ],
  [
    'OCR letter O for zero and comma read as a dot',
    `ポッケ書店
2026/11/12
合計 ¥1.98O`,
    { date: '2026-11-12', payee: 'ポッケ書店', total: 1980 },
    'ocr',
  ],
  [
    'registration number written with hyphens',
    `合同会社ポッケラボ
登録番号 T1-2345-6789-0123
合計 ¥11,000`,
    { payee: '合同会社ポッケラボ', total: 11000, registrationNumber: 'T1234567890123' },
  ],
  [
    'a malformed registration number is not returned',
    `株式会社ポッケ商事
登録番号 T12345
合計 ¥5,000`,
    { payee: '株式会社ポッケ商事', total: 5000 },
  ],
  [
    'yen amount after a dollar amount: the yen total is used',
    `GitHub, Inc.
Date: 2026-11-03
Total: ¥1,200 (US$8.00)`,
    { date: '2026-11-03', payee: 'GitHub, Inc.', total: 1200 },
  ],
  [
    'euro invoice',
    `Example GmbH
Invoice date: 3 Nov 2026
Total € 12.00`,
    { date: '2026-11-03', payee: 'Example GmbH', foreignCurrency: 'EUR' },
  ],
  [
    '平成 date on an old receipt',
    `平成31年4月30日
合計 ¥1,080`,
    { date: '2019-04-30', total: 1080 },
  ],
  [
    '令和元年',
    `令和元年5月1日
お会計 ¥2,000`,
    { date: '2019-05-01', total: 2000 },
  ],
  [
    'PayPay payment',
    `ポッケマート 新宿店
2026/11/21 18:02
合計 ¥540
PayPay ¥540`,
    { date: '2026-11-21', total: 540, paymentMethod: 'QRコード決済' },
  ],
  [
    'Suica payment at a station shop',
    `2026/11/22
お買上げ金額 ¥298
交通系IC ¥298`,
    { date: '2026-11-22', total: 298, paymentMethod: '電子マネー' },
  ],
  [
    'tax-exclusive total pair without 税抜 word',
    `2026/11/18
10%対象 ¥10,000
消費税 ¥1,000
合計 ¥11,000`,
    {
      date: '2026-11-18',
      total: 11000,
      tax: 1000,
      byRate: [{ rate: 10, amount: 11000, tax: 1000 }],
    },
  ],
  [
    '標準税率 and 軽減税率 labels',
    `2026/11/19
合計 ¥3,280
標準税率対象 ¥2,200 内消費税 ¥200
軽減税率対象 ¥1,080 内消費税 ¥80`,
    {
      date: '2026-11-19',
      total: 3280,
      tax: 280,
      byRate: [
        { rate: 10, amount: 2200, tax: 200 },
        { rate: 8, amount: 1080, tax: 80 },
      ],
    },
  ],
  [
    'phone number, order number and time are not amounts',
    `ポッケ印刷
TEL 03-1234-5678
伝票No.123456
2026/11/02 10:15
名刺印刷 100枚
合計 ¥2,750`,
    { date: '2026-11-02', total: 2750 },
  ],
  [
    'the buyer (御中) is never the payee',
    `株式会社ポッケ 御中
株式会社サプライヤー
合計 ¥5,500`,
    { payee: '株式会社サプライヤー', total: 5500 },
  ],
  [
    '(株) abbreviation from ㈱',
    `㈱ポッケ運送
2026/11/09
運賃 ¥1,100`,
    { date: '2026-11-09', payee: '(株)ポッケ運送', total: 1100 },
  ],
  [
    'a negative discount line never becomes the total',
    `ポッケストア
2026/11/08
割引 -¥300
合計 ¥2,700`,
    { date: '2026-11-08', total: 2700 },
  ],
  [
    'English receipt with tax line',
    `Sample Coffee Tokyo K.K.
Date: 2026/11/26
Latte ¥600
Tax ¥54
Total ¥600`,
    {
      date: '2026-11-26',
      payee: 'Sample Coffee Tokyo K.K.',
      total: 600,
      tax: 54,
      byRate: [{ rate: 10, amount: 600, tax: 54 }],
    },
  ],
  [
    'JPY written as a code',
    `Total JPY 4,400
Date: Nov 1, 2026`,
    { date: '2026-11-01', total: 4400 },
  ],
  [
    'seller label in English',
    `Order confirmation
Sold by: ポッケ雑貨店
Order date: 2026/11/04
Order total: ¥1,500`,
    { date: '2026-11-04', payee: 'ポッケ雑貨店', total: 1500 },
  ],
  [
    'bank transfer invoice',
    `株式会社ポッケ会計
発行日 2026年11月30日
ご請求金額 110,000円
お支払方法: 銀行振込`,
    { date: '2026-11-30', payee: '株式会社ポッケ会計', total: 110000, paymentMethod: '振込' },
  ],
  [
    'R-style 令和 date on a takeout receipt at 8% only',
    `ポッケベーカリー
R8.11.15
パン ¥864
合計 ¥864
(8%対象 ¥864 内消費税 ¥64)`,
    {
      date: '2026-11-15',
      total: 864,
      tax: 64,
      byRate: [{ rate: 8, amount: 864, tax: 64 }],
    },
  ],
  [
    'English receipt: subtotal, tax and total compete with the amount paid',
    `Pocket Books Ltd.
Date: 2026-11-10
Subtotal ¥2,000
Tax (10%) ¥200
Total ¥2,200
Amount paid ¥2,200`,
    {
      date: '2026-11-10',
      payee: 'Pocket Books Ltd.',
      total: 2200,
      tax: 200,
      byRate: [{ rate: 10, amount: 2200, tax: 200 }],
    },
  ],
  [
    'English order mail with no total: nothing guessed',
    `Thank you for your order
Order date: 2026/11/09
Pocket Goods Inc.`,
    { date: '2026-11-09', payee: 'Pocket Goods Inc.' },
  ],
  [
    'PDF invoice, tax exclusive at 10% and 8%, 令和 date in kanji',
    `株式会社ポッケ食品
請求日 令和8年11月5日
10%対象 10,000円 消費税 1,000円
8%対象 5,000円 消費税 400円
ご請求金額 16,400円`,
    {
      date: '2026-11-05',
      payee: '株式会社ポッケ食品',
      total: 16400,
      tax: 1400,
      byRate: [
        { rate: 10, amount: 11000, tax: 1000 },
        { rate: 8, amount: 5400, tax: 400 },
      ],
    },
    'pdf',
  ],
  [
    'unmarked number after 合計 on a Japanese receipt',
    `2026/11/29
合計 1,650`,
    { date: '2026-11-29', total: 1650 },
  ],
];

describe('a table of receipts, read the way the card reads them', () => {
  it('holds at least 40 receipts', () => {
    expect(RECEIPTS.length).toBeGreaterThanOrEqual(40);
  });
  for (const [name, body, expected, source] of RECEIPTS) {
    test(name, () => {
      const attached = source === 'pdf' || source === 'ocr';
      const prefill = receiptPrefill(
        {
          subject: '',
          body: attached ? '' : body,
          ...(attached
            ? {
                attachment: {
                  name: 'receipt',
                  kind: source === 'ocr' ? 'image' : 'pdf',
                  text: body,
                },
              }
            : {}),
        } as const,
        { today, ownNames: ['株式会社ポッケ'], history: () => [] },
      );
      expect({
        date: prefill.date,
        payee: prefill.payee,
        total: prefill.amount,
        tax: prefill.byRate.length > 0 || prefill.tax !== undefined ? taxOf(prefill) : undefined,
        byRate: prefill.byRate,
        registrationNumber: prefill.registrationNumber,
        paymentMethod: prefill.paymentMethod,
        foreignCurrency: prefill.foreignCurrency,
      }).toEqual(
        Object.fromEntries(
          Object.entries({ ...expected, byRate: expected.byRate ?? [] }).filter(
            ([, v]) => v !== undefined,
          ),
        ),
      );
    });
  }
});

/** The receipt's tax as the card logs it: the 10% part's plus the 8% part's. */
function taxOf(p: ReturnType<typeof receiptPrefill>): number | undefined {
  if (p.reduced)
    return p.tax !== undefined && p.reduced.tax !== undefined ? p.tax + p.reduced.tax : undefined;
  return p.tax;
}
