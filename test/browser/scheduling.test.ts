/**
 * 日程調整 in the playground, in chromium: open the Japanese demo mail asking to meet, tick three
 * candidate times, create the reply draft with the holds and see them on the Calendar week; open
 * the demo reply, confirm one time and see the meeting with the other holds gone; propose times
 * to the English mail, jump the clock past its reply-by date, fire the daily trigger and see its
 * holds released. Screenshots go to the OS temp folder.
 */
import type { Page } from 'playwright-core';
import { tempFile } from './support/chromium';
import {
  eventually,
  gridRecords,
  openPlayground,
  type PlaygroundPage,
} from './support/playground-page';

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

async function sheetRecords(sheet: string) {
  await page.locator('.app-tab[data-app="sheets"]').click();
  return gridRecords(page, sheet);
}

async function openMail(subject: string, reply = false) {
  await page.locator('.app-tab[data-app="gmail"]').click();
  const items = page.locator('.gmail-item', { hasText: subject });
  await (reply ? items.filter({ hasText: 'Re:' }) : items.filter({ hasNotText: 'Re:' }))
    .first()
    .click();
}

async function weekEvents(date: string): Promise<string[]> {
  return page.locator(`.cal-day[data-date="${date}"] .cal-event`).allTextContents();
}

async function showWeekOf(date: string) {
  await page.locator('.app-tab[data-app="calendar"]').click();
  await page.locator('#cal-today').click();
  // The clock's own week is shown (it has today) before looking for the date.
  await page.locator('.cal-day.today').waitFor();
  if ((await page.locator(`.cal-day[data-date="${date}"]`).count()) === 0) {
    await page.locator('#cal-next').click();
  }
  await page.locator(`.cal-day[data-date="${date}"]`).waitFor();
}

/** Opens the candidates of the open mail's card; returns the checkbox inputs. */
async function openCandidates() {
  await card().getByRole('button', { name: '候補日時を探す' }).click();
  const boxes = card().locator('input[data-field="meetSlots"]');
  await boxes.first().waitFor();
  return boxes;
}

test('a mail asking to meet: tick three times, create the reply draft and the holds', async () => {
  await openMail('お打ち合わせのお願い');
  await card().getByText('打ち合わせの依頼のようです').waitFor();
  const boxes = await openCandidates();
  expect(await boxes.count()).toBe(8);
  // The first three are ticked; the owner prefers the fourth to the third.
  await boxes.nth(2).uncheck();
  await boxes.nth(3).check();
  const labels = await card().locator('label:has(input[data-field="meetSlots"])').allTextContents();
  expect(labels[0]).toContain('11月30日(月) 9:00〜10:00');
  await card()
    .locator('input[data-field="meetWhere"]')
    .fill('https://meet.example.com/pokke-minato');
  await page.screenshot({ path: tempFile('pokke-scheduling-form.png') });
  await card().getByRole('button', { name: '返信の下書きを作成' }).click();
  await page.locator('.gmail-compose', { hasText: 'Re: お打ち合わせのお願い' }).waitFor();

  // The outbox has the polite reply with the three times.
  await page.locator('.app-tab[data-app="outbox"]').click();
  const draft = page.locator('article.mail', { hasText: 'Re: お打ち合わせのお願い' });
  await draft.waitFor();
  const preview = (await draft.textContent()) ?? '';
  expect(preview).toContain('小林 誠 様');

  // The holds are on the week view.
  await showWeekOf('2026-11-30');
  expect(await weekEvents('2026-11-30')).toEqual(
    expect.arrayContaining([expect.stringContaining('【仮】打ち合わせ: 小林 誠')]),
  );
  expect(await weekEvents('2026-12-01')).toEqual(
    expect.arrayContaining([expect.stringContaining('【仮】打ち合わせ: 小林 誠')]),
  );
  expect((await weekEvents('2026-12-02')).join()).not.toContain('【仮】');
  expect(await weekEvents('2026-12-03')).toEqual(
    expect.arrayContaining([expect.stringContaining('【仮】打ち合わせ: 小林 誠')]),
  );
  await page.screenshot({ path: tempFile('pokke-scheduling-holds.png') });
  const rows = await sheetRecords('日程調整');
  expect(rows.map((r) => r['状態'])).toEqual(['提案中']);
});

test('the reply: confirm the time picked; the meeting stays, the other holds are gone', async () => {
  await openMail('お打ち合わせのお願い', true);
  await card().getByRole('button', { name: '日程を確定する' }).click();
  const radios = card().locator('input[type="radio"][data-field^="meetSlot_"]');
  await radios.first().waitFor();
  expect(await radios.count()).toBe(3);
  await radios.nth(1).check();
  await card().getByRole('button', { name: 'この日時で確定' }).click();
  await page.locator('.gmail-notification', { hasText: '日程を確定し' }).waitFor();
  expect(await card().textContent()).toContain('12月1日(火) 9:00〜10:00');

  await showWeekOf('2026-11-30');
  const all = [
    ...(await weekEvents('2026-11-30')),
    ...(await weekEvents('2026-12-01')),
    ...(await weekEvents('2026-12-03')),
  ].join('\n');
  expect(all).not.toContain('【仮】');
  expect(await weekEvents('2026-12-01')).toEqual(
    expect.arrayContaining([expect.stringContaining('打ち合わせ: 小林 誠')]),
  );
  await page.screenshot({ path: tempFile('pokke-scheduling-confirmed.png') });
  expect((await sheetRecords('日程調整')).map((r) => r['状態'])).toEqual(['確定']);
});

test('an unanswered proposal: past its reply-by date, the daily trigger releases its holds', async () => {
  await openMail('Product demo next week?');
  await openCandidates();
  await card().getByRole('button', { name: '返信の下書きを作成' }).click();
  await page.locator('.gmail-compose', { hasText: 'Product demo next week?' }).waitFor();
  await showWeekOf('2026-11-30');
  expect((await weekEvents('2026-11-30')).join()).toContain('【仮】打ち合わせ: Oliver Grant');

  // Automations on, then the clock four days on (past the reply-by date 11/27) and the triggers fired.
  await page.locator('.app-tab[data-app="sheets"]').click();
  await playground.openSidebar('自動化');
  const frame = playground.sidebar();
  await frame.locator('button[data-action="install"]').click();
  await frame.locator('[data-state="on"]').waitFor();
  for (let i = 0; i < 4; i++) await page.locator('[data-advance="86400000"]').click();
  expect(await eventually(() => page.locator('#clock-now').textContent(), /^2026\/11\/28/)).toMatch(
    /^2026\/11\/28/,
  );
  await page.getByRole('button', { name: /トリガーを実行/ }).click();
  await page
    .locator('.toast')
    .getByText(/トリガーを \d+ 回実行しました/)
    .first()
    .waitFor();

  await showWeekOf('2026-11-30');
  expect((await weekEvents('2026-11-30')).join()).not.toContain('【仮】');
  expect(await weekEvents('2026-12-01')).toEqual(
    expect.arrayContaining([expect.stringContaining('打ち合わせ: 小林 誠')]),
  );
  const rows = await sheetRecords('日程調整');
  expect(rows.map((r) => r['状態'])).toEqual(['確定', '期限切れ']);
  const log = await sheetRecords('実行ログ');
  expect(log.filter((r) => r['処理'] === '日程調整').map((r) => r['メッセージ'])).toEqual([
    expect.stringContaining('期限切れにし、仮押さえ3件を削除しました: Oliver Grant'),
  ]);
  await page.screenshot({ path: tempFile('pokke-scheduling-expired.png') });
});
