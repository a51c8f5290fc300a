/**
 * Issue 13's walk-through in the playground, real bundle and real OCR: each demo receipt mail
 * (a taxi app's text mail, a supplier's PDF invoice, a photographed paper receipt) opens a card
 * prefilled with its date, payee and amount; 「経費に記録」 logs it: its row(s) in the 経費 sheet
 * linking to the file kept in Drive under `YYYYMMDD_取引先_金額`; opened again, the mail shows its
 * row and offers no second logging (a stale card clicked twice: test/bundle/expenses-receipt-card).
 * Then the 経費 sidebar finds the receipts by amount range and by payee, with their file links,
 * and exports the month for freee: the CSV, fetched through the playground's download route, is
 * UTF-8 with a byte-order mark and holds the logged rows.
 */
import type { FrameLocator, Page } from 'playwright-core';
import { tempFile } from './support/chromium';
import { gridRecords, openPlayground, type PlaygroundPage } from './support/playground-page';

jest.setTimeout(180_000);

let playground: PlaygroundPage;
let page: Page;

beforeAll(async () => {
  playground = await openPlayground({ width: 1440, height: 960 });
  page = playground.page;
});

afterAll(async () => {
  await playground?.close();
});

afterEach(() => {
  expect(playground.errors).toEqual([]);
  expect(playground.offMachine).toEqual([]);
});

const card = () => page.locator('.gmail-card');
const fieldValue = (name: string) => card().locator(`[data-field="${name}"]`).inputValue();

/** The Drive file id of a `https://drive.google.com/file/d/<id>/view` link. */
function driveId(url: string): string {
  const m = /^https:\/\/drive\.google\.com\/file\/d\/([^/]+)\/view/.exec(url);
  if (!m?.[1]) throw new Error(`not a Drive file link: ${url}`);
  return m[1];
}

interface Receipt {
  subject: string;
  date: string;
  payee: string;
  amount: string;
  /** The 8% part the card splits off (a second row). */
  reduced?: string;
  /** The account the card suggests, or none: the owner picks `choose` before logging. */
  account: string;
  choose?: string;
  file: string;
  /** The 金額(税込) of each row, as the grid shows them. */
  rows: string[];
}

const RECEIPTS: Receipt[] = [
  {
    subject: 'ぽけっとライド',
    date: '2026-11-20',
    payee: 'みなと交通株式会社',
    amount: '3,200',
    account: '旅費交通費',
    file: '20261120_みなと交通株式会社_3200.eml',
    rows: ['3,200'],
  },
  {
    subject: 'KM-2611-0042',
    date: '2026-11-20',
    payee: '株式会社こもれび商会',
    amount: '21,292',
    reduced: '2,592',
    account: '',
    choose: '消耗品費',
    file: '20261120_株式会社こもれび商会_21292.pdf',
    rows: ['18,700', '2,592'],
  },
  {
    subject: '喫茶 山小屋',
    date: '2026-11-18',
    payee: '喫茶 山小屋',
    amount: '2,420',
    account: '接待交際費',
    file: '20261118_喫茶 山小屋_2420.jpg',
    rows: ['2,420'],
  },
];

/** The 経費 rows of a payee. */
async function rowsOf(payee: string): Promise<Record<string, string>[]> {
  await page.locator('.app-tab[data-app="sheets"]').click();
  return (await gridRecords(page, '経費')).filter((r) => r['取引先'] === payee);
}

/** The Drive files of the outbox: path → file id. */
async function driveFiles(): Promise<Map<string, string>> {
  await page.locator('.app-tab[data-app="outbox"]').click();
  await page.locator('.drive-table').waitFor();
  const rows = page.locator('.drive-table tr.drive-file');
  const out = new Map<string, string>();
  for (let i = 0; i < (await rows.count()); i++) {
    const row = rows.nth(i);
    out.set(
      (await row.locator('td.path').textContent()) ?? '',
      (await row.getAttribute('data-file')) ?? '',
    );
  }
  return out;
}

/** The Drive file id of a logged receipt's file, from the outbox. */
async function fileIdOf(r: Receipt): Promise<string | undefined> {
  const files = await driveFiles();
  return files.get(`Pokke/経費/${r.date.slice(0, 4)}/${r.date.slice(5, 7)}/${r.file}`);
}

async function openMail(subject: string): Promise<void> {
  await page.locator('.app-tab[data-app="gmail"]').click();
  await page.locator('.gmail-item', { hasText: subject }).click();
}

describe.each(RECEIPTS)('the demo receipt 「$subject」', (r) => {
  test('opens a card prefilled with its date, payee and amount', async () => {
    await openMail(r.subject);
    await card().locator('[data-field="expenseAmount"]').waitFor({ timeout: 60_000 });
    expect(await fieldValue('expenseDate')).toBe(r.date);
    expect(await fieldValue('expensePayee')).toBe(r.payee);
    expect(await fieldValue('expenseAmount')).toBe(r.amount);
    if (r.reduced) expect(await fieldValue('expenseReduced')).toBe(r.reduced);
    else expect(await card().locator('[data-field="expenseReduced"]').count()).toBe(0);
    expect(await fieldValue('expenseAccount')).toBe(r.account);
    if (r.choose) await card().locator('[data-field="expenseAccount"]').selectOption(r.choose);
    await page.screenshot({ path: tempFile(`receipt-card-${r.file}.png`) });
  });

  test('「経費に記録」: the row(s) in 経費, linking to the Drive file named YYYYMMDD_取引先_金額', async () => {
    await card().getByRole('button', { name: '経費に記録', exact: true }).click();
    await page.locator('.gmail-notification', { hasText: '経費に記録しました' }).waitFor();
    expect(await card().textContent()).toContain(r.file);

    const rows = await rowsOf(r.payee);
    expect(rows.map((row) => row['金額(税込)'])).toEqual(r.rows);
    const id = await fileIdOf(r);
    expect(id).toBeTruthy();
    for (const row of rows) {
      expect(row['日付']).toBe(r.date.replace(/-/g, '/'));
      expect(row['勘定科目']).toBe(r.choose ?? r.account);
      expect(row['状態']).toBe('');
      expect(driveId(row['領収書'] ?? '')).toBe(id);
    }
  });

  test('opened again, it shows its row instead of logging it twice: no second row, no second file', async () => {
    const filesBefore = await driveFiles();
    // Reopening the mail shows it as logged, with no button to log it again.
    await openMail('お見積りのお願い');
    await openMail(r.subject);
    await card().getByText('経費に記録済みです').waitFor();
    expect(await card().getByRole('button', { name: '経費に記録', exact: true }).count()).toBe(0);
    expect((await rowsOf(r.payee)).length).toBe(r.rows.length);
    expect(await driveFiles()).toEqual(filesBefore);
  });
});

const [taxi, invoice, photo] = RECEIPTS as [Receipt, Receipt, Receipt];

describe('the 経費 sidebar', () => {
  let frame: FrameLocator;

  beforeAll(async () => {
    await page.locator('.app-tab[data-app="sheets"]').click();
    frame = await playground.openSidebar('経費');
    await frame.locator('[data-total]').waitFor();
  });

  const hits = async () =>
    frame.locator('ul.hits li').evaluateAll((items) =>
      items.map((li) => ({
        payee: li.querySelector('.payee')?.textContent ?? '',
        amount: li.querySelector('.amount')?.textContent ?? '',
        file: li.querySelector('a')?.getAttribute('href') ?? '',
      })),
    );
  const fileLink = (id: string | undefined) =>
    `https://drive.google.com/file/d/${id}/view?usp=drivesdk`;

  test('searching by amount range finds the logged receipts, with their file links', async () => {
    await frame.locator('#search-min').fill('2,400');
    await frame.locator('#search-max').fill('3,300');
    await frame.locator('button[data-action="search"]').click();
    await frame.locator('#hits .count').waitFor();
    // The demo's own 書店あおば row (typed by hand, no file) is in the range too.
    expect(await hits()).toEqual([
      { payee: photo.payee, amount: '¥2,420', file: fileLink(await fileIdOf(photo)) },
      { payee: '書店あおば', amount: '¥3,080', file: '' },
      { payee: taxi.payee, amount: '¥3,200', file: fileLink(await fileIdOf(taxi)) },
      { payee: invoice.payee, amount: '¥2,592', file: fileLink(await fileIdOf(invoice)) },
    ]);
  });

  test('searching by payee finds both rows of the PDF invoice, each linking to the PDF', async () => {
    await frame.locator('#search-min').fill('');
    await frame.locator('#search-max').fill('');
    await frame.locator('#search-payee').fill('こもれび商会');
    await frame.locator('button[data-action="search"]').click();
    await frame.locator('#hits .count', { hasText: '2件' }).waitFor();
    const pdf = fileLink(await fileIdOf(invoice));
    expect(await hits()).toEqual([
      { payee: invoice.payee, amount: '¥18,700', file: pdf },
      { payee: invoice.payee, amount: '¥2,592', file: pdf },
    ]);
    await frame.locator('body').screenshot({ path: tempFile('expenses-receipts-search.png') });
  });

  test('export for freee: the CSV in Drive is UTF-8 with a BOM and holds the logged rows', async () => {
    await frame.locator('button[data-action="export-freee"]').click();
    const link = frame.locator('#export-files li[data-format="freee"] a');
    await link.waitFor();
    const id = driveId((await link.getAttribute('href')) ?? '');
    const files = await driveFiles();
    const path = [...files].find(([, fileId]) => fileId === id)?.[0] ?? '';
    expect(path).toMatch(/^Pokke\/経費\/エクスポート\/.*freee.*\.csv$/);
    // The outbox's link to the file: its bytes as stored, through the playground's download route.
    const href = await page
      .locator(`.drive-table tr.drive-file[data-file="${id}"] a`)
      .getAttribute('href');
    const res = await page.request.get(new URL(href ?? '', playground.server.url).href);
    expect(res.status()).toBe(200);
    expect(res.headers()['content-disposition']).toMatch(/^attachment; .*\.csv/);
    const bytes = await res.body();
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const csv = new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(3));
    const lines = csv.split(/\r?\n/).map((l) => l.split(','));
    expect(lines[0]?.slice(0, 11)).toEqual([
      '収支区分',
      '管理番号',
      '発生日',
      '決済期日',
      '取引先コード',
      '取引先',
      '勘定科目',
      '税区分',
      '金額',
      '税計算区分',
      '税額',
    ]);
    // 発生日, 取引先, 勘定科目 (freee's names: 接待交際費 is 交際費), 税区分, 金額 of each logged row.
    const logged = lines
      .filter((l) => RECEIPTS.some((r) => r.payee === l[5]))
      .map((l) => [l[2], l[5], l[6], l[7], l[8]]);
    expect(logged).toEqual([
      ['2026/11/18', photo.payee, '交際費', '課対仕入10%', '2420'],
      ['2026/11/20', taxi.payee, '旅費交通費', '課対仕入10%', '3200'],
      ['2026/11/20', invoice.payee, '消耗品費', '課対仕入10%', '18700'],
      ['2026/11/20', invoice.payee, '消耗品費', '課対仕入8%(軽)', '2592'],
    ]);
  });
});
