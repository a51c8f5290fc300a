/**
 * The Gmail pane of the playground in chromium: open a demo mail, see the suggested title and due
 * date on the add-on's card, create the task, find it in the タスク sheet and in the outbox's
 * Google Tasks, then reopen the mail and see that no second task is offered. A screenshot goes
 * to the OS temp folder.
 */
import type { Page } from 'playwright-core';
import { tempFile } from './support/chromium';
import { openPlayground, type PlaygroundPage, shownText } from './support/playground-page';
import { englishWords } from './support/reader-language';

let playground: PlaygroundPage;
let page: Page;

beforeAll(async () => {
  playground = await openPlayground({ width: 1440, height: 960 });
  page = playground.page;
});

afterAll(async () => {
  await playground?.close();
});

const card = () => page.locator('.gmail-card');

test('a demo mail becomes a task: card, タスク sheet, Google Tasks, and no duplicate on reopening', async () => {
  await page.locator('.app-tab[data-app="gmail"]').click();
  await page.locator('.gmail-item', { hasText: 'お見積りのお願い' }).click();
  await card().locator('[data-field="title"]').waitFor();
  expect(await card().locator('input[data-field="title"]').inputValue()).toContain('お見積り');
  expect(await card().locator('input[data-field="due"]').inputValue()).toBe('2026-11-30');
  expect(await card().textContent()).toContain('11/30(月)までに');
  expect(await card().locator('textarea[data-field="notes"]').inputValue()).toContain('山田 花子');
  // The card speaks the account's language only (Pokke and Google ToDo, Tasks' Japanese name,
  // are names).
  expect(englishWords(await shownText(card()), ['Pokke', 'Google ToDo'])).toEqual([]);

  const shot = tempFile('pokke-gmail-card.png');
  await page.screenshot({ path: shot, fullPage: false });
  console.log(`screenshot: ${shot}`);

  await card().getByRole('button', { name: 'タスクを作成', exact: true }).click();
  await page.locator('.gmail-notification', { hasText: 'タスクを作成しました' }).waitFor();
  expect(await card().textContent()).toContain('タスクを作成しました');
  await page.screenshot({ path: tempFile('pokke-gmail-created.png') });

  // The タスク sheet has the row.
  await page.locator('.app-tab[data-app="sheets"]').click();
  await page.locator('.sheet-tab', { hasText: 'タスク' }).click();
  const grid = page.locator('table.grid[data-sheet="タスク"]');
  await grid.waitFor();
  expect(await grid.textContent()).toContain('お見積りのお願い');
  expect(await grid.textContent()).toContain('2026/11/30');
  expect(await grid.textContent()).toContain('未完了');

  // The outbox lists it under Google Tasks.
  await page.locator('.app-tab[data-app="outbox"]').click();
  const tasks = page.locator('.tasks-table');
  await tasks.waitFor();
  expect(await tasks.textContent()).toContain('お見積りのお願い');
  expect(await tasks.textContent()).toContain('2026-11-30');

  // Reopening the mail shows the task instead of offering another.
  await page.locator('.app-tab[data-app="gmail"]').click();
  await page.locator('.gmail-item', { hasText: 'Contract for the Tokyo' }).click();
  await card().locator('[data-field="title"]').waitFor();
  await page.locator('.gmail-item', { hasText: 'お見積りのお願い' }).click();
  await card().getByText('作成済み').first().waitFor();
  expect(
    await card()
      .getByRole('button', { name: /タスクを作成/ })
      .count(),
  ).toBe(0);
  await page.screenshot({ path: tempFile('pokke-gmail-reopened.png') });
  expect(playground.errors).toEqual([]);
});
