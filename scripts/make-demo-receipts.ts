/**
 * Makes the demo receipts of playground/demo/receipts once, with headless Chromium:
 * - supplier-invoice.pdf: a supplier's A4 invoice with a text layer (page.pdf), 8% and 10% items;
 * - cafe-receipt.jpg: a narrow paper receipt from a coffee shop (喫茶), screenshot and made to look
 *   photographed (paper tint, a slight tilt, soft focus, sensor noise, uneven light).
 * Every shop, address, phone number and registration number is fictional (555 numbers; the
 * registration numbers pass the check digit but belong to no one).
 *
 * Run: npx tsx scripts/make-demo-receipts.ts   (the files are committed; run again only to change
 * them, then check test/playground/demo-receipts.test.ts still reads them).
 */
import { mkdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { findChromium, launchHeadless } from '../playground/chromium';

const OUT = join(__dirname, '..', 'playground', 'demo', 'receipts');
const FONT = `'Noto Sans CJK JP', 'Noto Sans JP', sans-serif`;

const INVOICE_ITEMS: readonly [string, number, string, number, string][] = [
  ['コピー用紙 A4 500枚×5冊', 5, '箱', 2_800, '10%'],
  ['梱包用段ボール 60サイズ', 20, '枚', 150, '10%'],
  ['緑茶 500ml ペットボトル', 24, '本', 100, '8%※'],
];

const yen = (n: number) => n.toLocaleString('ja-JP');

function invoiceHtml(): string {
  const rows = INVOICE_ITEMS.map(
    ([name, qty, unit, price, rate]) =>
      `<tr><td>${name}</td><td class="n">${qty}${unit}</td><td class="n">${yen(price)}</td><td class="n">${rate}</td><td class="n">${yen(qty * price)}</td></tr>`,
  ).join('');
  return `<!doctype html><html lang="ja"><head><meta charset="utf-8"><style>
  @page { size: A4; margin: 18mm 16mm; }
  body { font-family: ${FONT}; font-size: 10.5pt; color: #222; }
  h1 { text-align: center; letter-spacing: 0.5em; font-size: 20pt; margin: 0 0 8mm; }
  .top { display: flex; justify-content: space-between; }
  .to { font-size: 13pt; border-bottom: 1px solid #222; padding-bottom: 2mm; }
  .from { text-align: right; line-height: 1.6; }
  .total { font-size: 14pt; margin: 8mm 0 4mm; }
  table { width: 100%; border-collapse: collapse; margin-top: 4mm; }
  th, td { border: 1px solid #999; padding: 1.6mm 2mm; }
  th { background: #eef2f5; font-weight: normal; }
  td.n { text-align: right; white-space: nowrap; }
  .sum { width: 60%; margin-left: 40%; }
  .note { margin-top: 6mm; font-size: 9pt; line-height: 1.6; }
  </style></head><body>
  <h1>請求書</h1>
  <div class="top">
    <div>
      <div class="to">株式会社ぽっけ商店 御中</div>
      <p>下記のとおりご請求申し上げます。</p>
      <p>請求番号 KM-2611-0042<br>請求日 2026年11月20日<br>お支払期限 2026年12月31日</p>
    </div>
    <div class="from">
      株式会社こもれび商会<br>
      登録番号 T9000000007788<br>
      〒101-0021 東京都千代田区外神田9-8-7<br>
      TEL 03-5555-0188
    </div>
  </div>
  <div class="total">ご請求金額 21,292円（税込）</div>
  <table>
    <tr><th>品名</th><th>数量</th><th>単価</th><th>税率</th><th>金額（税抜）</th></tr>
    ${rows}
  </table>
  <table class="sum">
    <tr><td>10%対象 17,000円</td><td class="n">消費税 1,700円</td></tr>
    <tr><td>8%対象 2,400円</td><td class="n">消費税 192円</td></tr>
    <tr><td>合計（税込）</td><td class="n">21,292円</td></tr>
  </table>
  <div class="note">
    ※は軽減税率（8%）対象品目です。<br>
    お振込先: さくら銀行 神田支店 普通 7654321 カ)コモレビシヨウカイ<br>
    振込手数料は貴社にてご負担ください。
  </div>
  </body></html>`;
}

function receiptHtml(): string {
  return `<!doctype html><html lang="ja"><head><meta charset="utf-8"><style>
  html, body { margin: 0; background: #5b5046; }
  .scene { width: 560px; height: 900px; display: flex; align-items: center; justify-content: center;
    background: radial-gradient(ellipse at 30% 20%, #9c8c7a, #6e6052); }
  .paper { width: 380px; padding: 28px 26px 40px; transform: rotate(-0.7deg);
    font-family: ${FONT}; font-size: 19px; line-height: 1.5; color: #2b2b2b;
    background: linear-gradient(175deg, #fbf8ef 0%, #f1ecdd 55%, #e6dfcc 100%);
    box-shadow: 4px 8px 18px rgba(0,0,0,0.45); filter: blur(0.3px) contrast(0.95); }
  .c { text-align: center; }
  .shop { font-size: 26px; font-weight: bold; letter-spacing: 0.08em; }
  .row { display: flex; justify-content: space-between; }
  .big { font-size: 24px; font-weight: bold; }
  hr { border: 0; border-top: 2px dashed #777; margin: 10px 0; }
  .noise { position: absolute; inset: 0; pointer-events: none; opacity: 0.16; mix-blend-mode: multiply; }
  </style></head><body><div class="scene">
  <div class="paper">
    <div class="c shop">喫茶 山小屋</div>
    <div class="c">神宮前店</div>
    <div class="c">東京都渋谷区神宮前9-1-2</div>
    <div class="c">TEL 03-5555-0199</div>
    <div class="c">登録番号 T9000000004455</div>
    <hr>
    <div class="c big">領 収 書</div>
    <div>2026年11月18日(水) 14:32</div>
    <hr>
    <div class="row"><span>ブレンドコーヒー 2点</span><span>¥1,100</span></div>
    <div class="row"><span>チーズケーキ 2点</span><span>¥1,320</span></div>
    <hr>
    <div class="row"><span>小計</span><span>¥2,420</span></div>
    <div class="row"><span>(10%対象</span><span>¥2,420)</span></div>
    <div class="row"><span>(内消費税</span><span>¥220)</span></div>
    <div class="row big"><span>合計</span><span>¥2,420</span></div>
    <div class="row"><span>お預り</span><span>¥3,000</span></div>
    <div class="row"><span>お釣り</span><span>¥580</span></div>
    <hr>
    <div class="c">ありがとうございました</div>
  </div></div>
  <svg class="noise" width="560" height="900"><filter id="n"><feTurbulence type="fractalNoise"
    baseFrequency="0.9" numOctaves="2" seed="7"/><feColorMatrix type="saturate" values="0"/></filter>
    <rect width="100%" height="100%" filter="url(#n)"/></svg>
  </body></html>`;
}

async function main(): Promise<void> {
  const executable = findChromium();
  if (!executable) throw new Error('No Chromium found: apt-get install -y chromium fonts-noto-cjk');
  mkdirSync(OUT, { recursive: true });
  const browser = await launchHeadless(executable);
  try {
    const invoice = await browser.newPage();
    await invoice.setContent(invoiceHtml(), { waitUntil: 'load' });
    const pdf = join(OUT, 'supplier-invoice.pdf');
    await invoice.pdf({ path: pdf, format: 'A4', printBackground: true });

    const photo = await browser.newPage({
      viewport: { width: 560, height: 900 },
      deviceScaleFactor: 2,
    });
    await photo.setContent(receiptHtml(), { waitUntil: 'load' });
    const jpg = join(OUT, 'cafe-receipt.jpg');
    await photo.screenshot({ path: jpg, type: 'jpeg', quality: 72 });
    for (const file of [pdf, jpg]) console.log(`${file}: ${statSync(file).size} bytes`);
  } finally {
    await browser.close();
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
