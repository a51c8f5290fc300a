/**
 * The 入金確認 sidebar in chromium at 300 px against the built bundle: the demo month issued
 * (11/30) and its month end run (12/30), then the walk-through of issue 15's Done-when: upload the
 * demo bank CSV (Shift_JIS), see the proposals with their reasons, confirm, see the invoices
 * 入金済 and the fee recorded, the next business day's dispatcher remind none of them; upload the
 * same CSV again and see nothing added.
 */
import iconv from 'iconv-lite';
import type { Page } from 'playwright-core';
import { type Bundle, loadBundleFromDist } from '../../emulator/runtime';
import { grantPicked, pickerFiles } from '../../playground/pickerDrive';
import { DEMO_BANK_CSV, seedDemo, seedDemoDrive } from '../../playground/seed';
import { DEMO_DIR, ExecutionLog, readDemoCompany } from '../../playground/session';
import { records, tokyo } from '../bundle/automations-support';
import { bundleHandler, ROOT, tempFile } from './support/chromium';
import { sidebarSuite } from './support/sidebar-suite';

const { open } = sidebarSuite();
const DEMO_CSV = `${ROOT}/playground/demo/bank-2026-12.csv`;

function demoMonth(): Bundle {
  const bundle = loadBundleFromDist('dist', { now: '2026-11-30T18:00:00+09:00' });
  seedDemo(bundle, new ExecutionLog(bundle), readDemoCompany(), DEMO_DIR);
  bundle.runJson('invoicesIssue', [{ closingDate: '2026-11-30' }]);
  bundle.workspace.clock.set(tokyo('2026-12-30T10:00:00'));
  bundle.runJson('automationsRunNow', []);
  bundle.workspace.clock.set(tokyo('2027-01-08T18:00:00'));
  return bundle;
}

const lines = (page: Page) => page.locator('li.payment-line');

async function upload(page: Page): Promise<string> {
  await page.locator('#statement-file').setInputFiles(DEMO_CSV);
  // The click clears the last import's notice before the call goes out.
  await page.locator('button[data-action="import"]').click();
  await page.locator('[data-import-status] .notice').first().waitFor();
  return (await page.locator('[data-import-status] .notice').textContent()) ?? '';
}

describe('payments-in sidebar against the built bundle (demo month)', () => {
  test('upload, proposals with reasons, confirm, 入金済 and the fee, no reminder next day, nothing added twice', async () => {
    const bundle = demoMonth();
    const { page } = await open('payments', bundleHandler(bundle));
    await page.locator('section[data-section="lines"]').waitFor();
    expect(await page.getByText('確認待ちの入金はありません').isVisible()).toBe(true);

    expect(await upload(page)).toBe('三井住友銀行の明細を6行取り込みました(うち入金4件)');
    expect(await lines(page).count()).toBe(4);
    // Best first: the two-invoice transfer, the fee shortfall, the amount-only match, the unknown.
    const first = lines(page).nth(0);
    expect(await first.locator('.amount').textContent()).toBe('¥169,400');
    expect(await first.locator('[data-proposal="0"]').textContent()).toContain(
      '2026-11-0002 + 2027-01-0001 合同会社みなと企画',
    );
    expect(await first.locator('[data-proposal="0"] .reason').textContent()).toBe(
      '2件の請求書の合計・金額一致・名義一致',
    );
    expect(await lines(page).nth(1).locator('.reason').textContent()).toBe(
      '振込手数料 440円差・名義一致',
    );
    expect(await lines(page).nth(1).locator('.confidence').textContent()).toBe('確度 91%');
    expect(await lines(page).nth(2).locator('.reason').textContent()).toBe('金額一致・名義不明');
    const unknown = lines(page).nth(3);
    expect(await unknown.getByText('一致する請求書が見つかりません').isVisible()).toBe(true);
    await unknown.locator('label.choice.ignore input').check();
    const shot = tempFile('payments-proposals.png');
    await page.setViewportSize({ width: 300, height: 1400 });
    await page.screenshot({ path: shot });

    await page.locator('button[data-action="confirm-all"]').click();
    await page.locator('[data-report].success').waitFor();
    expect(await page.locator('[data-report]').textContent()).toContain(
      '3件の入金を照合しました。入金済: 2026-11-0002、2027-01-0001、2026-11-0004、2026-11-0003。振込手数料 440円を経費に支払手数料として記録。1件を対象外にしました',
    );
    expect(await page.getByText('確認待ちの入金はありません').isVisible()).toBe(true);
    const done = tempFile('payments-confirmed.png');
    await page.screenshot({ path: done });

    const invoices = records(bundle, '請求書');
    const state = (n: string) => invoices.find((r) => r['請求書番号'] === n)?.['状態'];
    for (const n of ['2026-11-0002', '2026-11-0003', '2026-11-0004', '2027-01-0001'])
      expect(state(n)).toBe('入金済');
    expect(state('2026-11-0001')).toBe('下書き');
    expect(
      records(bundle, '経費')
        .filter((r) => r['勘定科目'] === '支払手数料')
        .map((r) => r['金額(税込)']),
    ).toEqual(['440']);

    // The next business day's dispatcher reminds only the unpaid invoice.
    const drafts = () =>
      bundle.workspace.GmailApp.outbox()
        .filter((m) => m.kind === 'draft' && /\d{4}-\d{2}-\d{4}\)$/.test(m.subject))
        .map((m) => m.subject);
    const before = drafts().length;
    bundle.workspace.clock.set(tokyo('2027-01-12T10:00:00'));
    bundle.runJson('automationsRunNow', []);
    expect(drafts().slice(before)).toEqual(['Payment status (invoice 2026-11-0001)']);

    // The same file again: nothing added, nothing to confirm.
    expect(await upload(page)).toBe(
      '三井住友銀行の明細はすべて取り込み済みです(6行)。追加はありません',
    );
    expect(await lines(page).count()).toBe(0);
    expect(records(bundle, '入出金明細')).toHaveLength(6);
    console.log(`screenshots: ${shot} ${done}`);
  });

  test('a correction: another invoice chosen for a line, one line at a time', async () => {
    const bundle = demoMonth();
    const { page } = await open('payments', bundleHandler(bundle));
    await page.locator('section[data-section="lines"]').waitFor();
    await upload(page);
    const yamada = lines(page).filter({
      has: page.locator('.amount', { hasText: /^¥60,500$/ }),
    });
    await yamada.locator('select[data-other]').selectOption('2026-11-0003');
    await yamada.locator('button[data-action="confirm-line"]').click();
    await page.locator('[data-report].success').waitFor();
    expect(await lines(page).count()).toBe(3);
    expect(records(bundle, '取引先')[0]!['振込名義カナ']).toBe('ヤマダデザインジムシヨ');
  });
});

describe('payments-in sidebar: from Drive, and a bank Pokke does not know', () => {
  test('from Drive: the Picker (stand-in) offers the Drive CSV, the picked file is imported once', async () => {
    const bundle = demoMonth();
    seedDemoDrive(bundle.workspace, `${ROOT}/playground/demo`);
    const ws = bundle.workspace;
    const { page } = await open('payments', bundleHandler(bundle), {
      picker: (action, value) =>
        action === 'list' ? pickerFiles(ws, String(value)) : grantPicked(ws, String(value)),
    });
    await page.locator('section[data-section="lines"]').waitFor();
    // Without the deployment's key and project number, the button says what to set.
    await page.locator('button[data-action="pick-drive"]').click();
    expect(await page.locator('[data-picker-setup]').textContent()).toContain(
      'POKKE_PICKER_API_KEY',
    );
    const props = ws.PropertiesService.getScriptProperties();
    props.setProperty('POKKE_PICKER_API_KEY', 'AIza-demo-key');
    props.setProperty('POKKE_PICKER_APP_ID', '123456789012');
    const fromDrive = async () => {
      await page.locator('button[data-action="pick-drive"]').click();
      await page.locator(`[data-picker-file="${DEMO_BANK_CSV}"]`).click();
      await page.locator('[data-import-status] .notice.success').waitFor();
      return page.locator('[data-import-status] .notice').textContent();
    };
    expect(await fromDrive()).toBe('三井住友銀行の明細を6行取り込みました(うち入金4件)');
    expect(await lines(page).count()).toBe(4);
    expect(await fromDrive()).toBe(
      '三井住友銀行の明細はすべて取り込み済みです(6行)。追加はありません',
    );
    expect(records(bundle, '入出金明細')).toHaveLength(6);
  });

  test('an unknown bank: map its columns once from the header, import; its next file goes in by itself', async () => {
    const bundle = demoMonth();
    const { page } = await open('payments', bundleHandler(bundle));
    await page.locator('section[data-section="lines"]').waitFor();
    const header = 'お取引日,お受取金額,お支払金額,ご依頼人・摘要,差引残高';
    const file = (name: string, ...rows: string[]) => ({
      name,
      mimeType: 'text/csv',
      buffer: iconv.encode([header, ...rows, ''].join('\r\n'), 'Shift_JIS'),
    });
    await page
      .locator('#statement-file')
      .setInputFiles(file('dec.csv', '2026年12月10日,"83,920",,ﾌﾘｺﾐ ｶ)ｻｸﾗｼﾖｸﾋﾝ,"1,328,640"'));
    await page.locator('button[data-action="import"]').click();
    const form = page.locator('[data-layout-form]');
    await form.waitFor();
    expect(await form.locator('.header-row').textContent()).toBe(header.split(',').join(' | '));
    await form.locator('#layout-name').fill('しんきん銀行');
    await form.locator('#layout-date').selectOption('お取引日');
    await form.locator('#layout-dateFormat').selectOption('y年m月d日');
    await form.locator('#layout-in').selectOption('お受取金額');
    await form.locator('#layout-out').selectOption('お支払金額');
    await form.locator('#layout-description').selectOption('ご依頼人・摘要');
    await form.locator('#layout-balance').selectOption('差引残高');
    await form.locator('button[data-action="save-layout"]').click();
    await page.locator('[data-import-status] .notice.success').waitFor();
    expect(await page.locator('[data-import-status] .notice').textContent()).toBe(
      'しんきん銀行の明細を1行取り込みました(うち入金1件)',
    );
    expect(await page.locator('[data-layout-form]').count()).toBe(0);
    expect(await lines(page).count()).toBe(1);

    await page
      .locator('#statement-file')
      .setInputFiles(file('jan.csv', '2027年1月8日,"169,400",,ﾌﾘｺﾐ ﾄﾞ)ﾐﾅﾄｷｶｸ,"1,498,040"'));
    await page.locator('button[data-action="import"]').click();
    await page.locator('[data-import-status] .notice.success').waitFor();
    expect(await page.locator('[data-import-status] .notice').textContent()).toBe(
      'しんきん銀行の明細を1行取り込みました(うち入金1件)',
    );
    expect(await page.locator('[data-layout-form]').count()).toBe(0);
    expect(records(bundle, '入出金明細')).toHaveLength(2);
  });
});
