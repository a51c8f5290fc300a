/**
 * The Calendar pane of the playground in chromium: the demo week (Mon 11/23, a holiday, to Sun
 * 11/29), a demo meeting with its time, the tentative one drawn dashed, and the next week.
 * Beside the week, the Calendar add-on's homepage card, run afresh when the clock moves.
 * A screenshot goes to the OS temp folder.
 */
import type { Page } from 'playwright-core';
import { tempFile } from './support/chromium';
import {
  eventually,
  openPlayground,
  type PlaygroundPage,
  shownText,
} from './support/playground-page';
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

test('the Calendar pane shows the demo week with its holiday, meetings and a tentative one', async () => {
  await page.locator('.app-tab[data-app="calendar"]').click();
  const monday = page.locator('.cal-day[data-date="2026-11-23"]');
  await monday.waitFor();
  expect(await monday.locator('.cal-holiday').textContent()).toBe('勤労感謝の日');
  const tuesday = page.locator('.cal-day[data-date="2026-11-24"]');
  expect(await tuesday.getAttribute('class')).toContain('today');
  const meeting = tuesday.locator('.cal-event', { hasText: '週次定例' });
  expect(await meeting.locator('.cal-time').textContent()).toBe('10:00–10:30');
  const tentative = page.locator('.cal-day[data-date="2026-11-25"] .cal-event.tentative');
  expect(await tentative.textContent()).toContain('みなと商事');
  expect(
    await page.evaluate(
      `getComputedStyle(document.querySelector('.cal-day[data-date="2026-11-25"] .cal-event.tentative')).borderTopStyle`,
    ),
  ).toBe('dashed');
  // All-day events come first in their day.
  const friday = page.locator('.cal-day[data-date="2026-11-27"] .cal-event');
  expect(await friday.first().getAttribute('class')).toContain('allday');
  await page.screenshot({ path: tempFile('pokke-calendar.png') });

  await page.locator('#cal-next').click();
  await page.locator('.cal-day[data-date="2026-11-30"]').waitFor();
  expect(
    await page.locator('.cal-day[data-date="2026-11-30"] .cal-event').first().textContent(),
  ).toContain('月末締め作業');
  await page.locator('#cal-today').click();
  await monday.waitFor();
  expect(playground.errors).toEqual([]);
  expect(playground.offMachine).toEqual([]);
});

test("the Calendar pane shows the add-on's homepage card beside the week, following the clock", async () => {
  await page.locator('.app-tab[data-app="calendar"]').click();
  const card = page.locator('#calendar-body .cal-card');
  await card.getByText('今日までのタスク').waitFor();
  expect(await card.isVisible()).toBe(true);
  const text = (await card.textContent()) ?? '';
  expect(text).toContain('今日 2026/11/24');
  expect(text).toContain('期限切れの請求書');
  expect(await card.getByText('ワークブックを開く', { exact: true }).isVisible()).toBe(true);
  // In the account's language only: no English twin beside the Japanese.
  expect(englishWords(await shownText(card), ['Pokke'])).toEqual([]);
  // Beside the week at a desktop width, not in the Gmail pane.
  const week = await page.locator('.cal-week').boundingBox();
  const box = await card.boundingBox();
  expect(box && week && box.x >= week.x + week.width).toBe(true);
  expect(await page.locator('#gmail-body .gmail-card').isVisible()).toBe(false);
  await page.screenshot({ path: tempFile('pokke-calendar-card.png') });

  // The clock moves a day: the homepage runs again and its "today" follows.
  await page.locator('[data-advance="86400000"]').click();
  expect(
    await eventually(async () => (await card.textContent()) ?? '', /今日 2026\/11\/25/),
  ).toContain('今日 2026/11/25');
  expect(playground.errors).toEqual([]);
  expect(playground.offMachine).toEqual([]);
});
