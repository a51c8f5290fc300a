/**
 * Issue 12, item 1, walked through the playground as the owner would: the month end bills the
 * 定期請求 lines due by the closing on that closing's invoices, whether the owner issues it from
 * the 請求書 sidebar or the daily trigger does, and the dry run names each invoice and line the
 * real run then issues. Each describe block starts from a fresh demo playground.
 */
import type { Page } from 'playwright-core';
import {
  eventually,
  gridRecords,
  openPlayground,
  type PlaygroundPage,
} from './support/playground-page';

jest.setTimeout(120_000);

let playground: PlaygroundPage;
let page: Page;

async function start(): Promise<void> {
  playground = await openPlayground();
  page = playground.page;
}

async function stop(): Promise<void> {
  expect(playground.errors).toEqual([]);
  expect(playground.offMachine).toEqual([]);
  await playground?.close();
}

const records = (sheet: string) => gridRecords(page, sheet);

async function setClock(local: string, shown: string): Promise<void> {
  await page.locator('#clock-input').fill(local);
  await page.getByRole('button', { name: '設定', exact: true }).click();
  expect(await eventually(() => page.locator('#clock-now').textContent(), shown)).toBe(shown);
}

async function fireDueTriggers(): Promise<void> {
  await page.getByRole('button', { name: /トリガーを実行/ }).click();
  await page
    .locator('.toast')
    .getByText(/トリガーを \d+ 回実行しました/)
    .first()
    .waitFor();
  expect(await page.locator('#runs tr.run.failed').count()).toBe(0);
}

async function turnAutomationsOn(): Promise<void> {
  const frame = await playground.openSidebar('自動化');
  await frame.locator('[data-state]').waitFor();
  await frame.locator('button[data-action="install"]').click();
  await frame.locator('[data-state="on"]').waitFor();
}

/** The month is named in the client's language: Blue Harbor Studio is billed in English. */
const NOVEMBER_RECURRING = [
  'SNS運用代行(月額)(2026年11月分)',
  'Localisation retainer (quarterly) (November 2026)',
];

describe('the issue’s steps: the 11/30 closing by hand, then the triggers until 12/11', () => {
  beforeAll(start);
  afterAll(stop);

  test('the 11/30 preview shows the recurring lines due by then, marked 定期請求', async () => {
    const frame = await playground.openSidebar('請求書');
    await frame.locator('#closing-date').fill('2026-11-30');
    await frame.locator('button[data-action="preview"]').click();
    await frame.locator('[data-section="to-issue"]').waitFor();
    expect(await frame.locator('article.invoice').count()).toBe(4);
    for (const [client, item] of [
      ['合同会社みなと企画', NOVEMBER_RECURRING[0]!],
      ['Blue Harbor Studio', NOVEMBER_RECURRING[1]!],
    ]) {
      const line = frame
        .locator('article.invoice', { hasText: client })
        .locator('li.line.pending', { hasText: item });
      expect(await line.locator('[data-mark="recurring"]').textContent()).toBe(
        '定期請求・発行時に売上明細へ追加',
      );
      expect(await line.locator('input[type="checkbox"]').isDisabled()).toBe(true);
    }
    const minato = frame.locator('article.invoice', { hasText: '合同会社みなと企画' });
    expect(await minato.locator('.amount.billed').textContent()).toBe('¥133,100');
    // Previewing wrote nothing.
    expect((await records('売上明細')).map((l) => l['品目'])).not.toContain(NOVEMBER_RECURRING[0]);
  });

  test('issuing the closing bills them on the four November invoices', async () => {
    const frame = playground.sidebar();
    await frame.locator('footer button[data-action="issue"]').click();
    await frame.locator('footer button[data-action="confirm"]').click();
    await frame.locator('[data-report]').waitFor({ timeout: 30_000 });
    expect(await frame.locator('[data-report]').textContent()).toMatch(
      /^4件の請求書を作成しました/,
    );
    const invoices = await records('請求書');
    expect(invoices).toHaveLength(4);
    const numberOf = new Map(invoices.map((i) => [i['取引先'], i['請求書番号']]));
    const recurring = (await records('売上明細')).filter((l) => l['メモ'] === '定期請求');
    expect(recurring.map((l) => [l['品目'], l['請求書番号']])).toEqual([
      [NOVEMBER_RECURRING[0], numberOf.get('合同会社みなと企画')],
      [NOVEMBER_RECURRING[1], numberOf.get('Blue Harbor Studio')],
    ]);
  });

  test('automations on, the clock at 12/11, the due triggers fired: no new invoice', async () => {
    await turnAutomationsOn();
    await setClock('2026-12-11T12:00', '2026/12/11(金) 12:00');
    await fireDueTriggers();
    const invoices = await records('請求書');
    expect(invoices).toHaveLength(4);
    for (const i of invoices) expect(i['請求書番号']).toMatch(/^2026-11-\d{4}$/);
    const sales = await records('売上明細');
    expect(sales.filter((l) => l['請求書番号'] === '')).toEqual([]);
    expect(sales.filter((l) => l['メモ'] === '定期請求')).toHaveLength(2);
  });
});

describe('the dry run of the month end, then the month end by trigger', () => {
  beforeAll(start);
  afterAll(stop);

  let planned = '';

  test('the dry run of 11/30 names each invoice, its lines and amount, and each line added', async () => {
    const frame = await playground.openSidebar('自動化');
    await frame.locator('#dry-run-date').fill('2026-11-30');
    await frame.locator('button[data-action="dry-run"]').click();
    await frame.locator('.day-line[data-day="2026-11-30"]').waitFor();
    planned = (await frame.locator('[data-job="recurring"]').textContent()) ?? '';
    for (const text of [
      '「SNS運用代行(月額)」2026年11月分を売上明細に追加',
      '「Localisation retainer (quarterly)」2026年11月分を売上明細に追加',
      '請求書を発行: 合同会社みなと企画',
      '請求書を発行: Blue Harbor Studio',
      '請求額 ¥133,100',
      '請求額 ¥231,000',
    ])
      expect(planned).toContain(text);
    expect(await records('請求書')).toEqual([]);
  });

  test('the real run issues exactly the invoices and lines the dry run named', async () => {
    await turnAutomationsOn();
    await page.getByRole('button', { name: /月末営業日へ/ }).click();
    expect(
      await eventually(() => page.locator('#clock-now').textContent(), /^2026\/11\/30\(月\)/),
    ).toMatch(/^2026\/11\/30\(月\)/);
    await fireDueTriggers();
    const invoices = await records('請求書');
    expect(invoices.map((i) => i['取引先']).sort()).toEqual(
      ['Blue Harbor Studio', '合同会社みなと企画'].sort(),
    );
    for (const i of invoices) {
      expect(planned).toContain(`請求書を発行: ${i['取引先']}`);
      expect(planned).toContain(`請求額 ¥${i['請求額']}`);
    }
    const billed = (await records('売上明細')).filter((l) => l['請求書番号'] !== '');
    expect(billed.map((l) => l['品目'])).toEqual(
      expect.arrayContaining([...NOVEMBER_RECURRING, 'イベント用ロゴ制作']),
    );
    for (const line of billed) expect(planned).toContain(`${line['品目']} ¥`);
  });
});
