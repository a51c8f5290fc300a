/**
 * The 請求書 sidebar in chromium at 300 px: first against a fake server (front-end behaviour
 * only), then against the built bundle running in the emulator with the demo company.
 */
import { pathToFileURL } from 'node:url';
import type { Page } from 'playwright-core';
import { type Bundle, loadBundleFromDist } from '../../emulator/runtime';
import { seedDemo } from '../../playground/seed';
import { DEMO_DIR, ExecutionLog, readDemoCompany } from '../../playground/session';
import type {
  InvoicePreview,
  InvoicePreviewItem,
  InvoicePreviewLine,
  InvoiceRunRequest,
  InvoiceShowPreviewRequest,
  IssueReport,
} from '../../src/core/contracts/invoices';
import { text } from '../../src/core/text';
import {
  bundleHandler,
  DIST,
  type ServerHandler,
  type SidebarPage,
  tempFile,
} from './support/chromium';
import { shownText } from './support/playground-page';
import { englishWords, japaneseLines } from './support/reader-language';
import { fakeHandler, sidebarSuite, waitFor } from './support/sidebar-suite';

const HOSTILE = '<img src=x onerror=alert(1)>';

function line(
  row: number,
  date: string,
  name: string,
  amount: number,
  taxRate: InvoicePreviewLine['taxRate'] = 10,
  taxMode: InvoicePreviewLine['taxMode'] = 'exclusive',
): InvoicePreviewLine {
  return { row, date, item: name, amount, taxRate, taxMode, recurring: false, pending: false };
}

function item(client: string, over: Partial<InvoicePreviewItem> = {}): InvoicePreviewItem {
  return {
    periodKey: `${client}|2026-11-01|2026-11-30`,
    client,
    lineCount: 3,
    periodStart: '2026-11-01',
    periodEnd: '2026-11-30',
    issueDate: '2026-11-30',
    dueDate: '2026-12-31',
    base10: 1_234_000,
    tax10: 123_400,
    base8: 0,
    tax8: 0,
    base0: 0,
    total: 1_357_400,
    withholding: 0,
    billed: 1_357_400,
    withholds: false,
    warnings: [],
    lines: [line(2, '2026-11-02', `${client}の作業`, 1_234_000)],
    ...over,
  };
}

const PREVIEW: InvoicePreview = {
  closingDate: '2026-11-30',
  invoices: [
    item('株式会社さくら食品', {
      periodStart: '2026-10-21',
      periodEnd: '2026-11-20',
      dueDate: '2026-12-10',
      base10: 50_000,
      tax10: 5_000,
      base8: 32_400,
      tax8: 2_592,
      total: 89_992,
      billed: 89_992,
      warnings: [
        text(
          '前回の締めに含まれなかった明細が1行あります',
          '1 line carried over from an earlier period',
        ),
      ],
      lines: [
        line(3, '2026-11-05', '焼き菓子詰め合わせ', 32_400, 8),
        line(4, '2026-11-05', 'ギフト包装', 6_000),
        line(6, '2026-11-18', 'ドリップコーヒー', 44_000, 8, 'inclusive'),
      ],
    }),
    item('山田デザイン事務所', {
      base10: 300_000,
      tax10: 30_000,
      total: 330_000,
      withholding: 30_630,
      billed: 299_370,
      withholds: true,
    }),
    item(HOSTILE, {
      lines: [line(8, '2026-11-25', HOSTILE, 1_234_000)],
    }),
  ],
  alreadyIssued: ['合同会社みなと企画'],
  problems: [
    {
      sheet: '売上明細',
      row: 7,
      message: text(
        `単価が数値ではありません: ${HOSTILE}`,
        `The unit price is not a number: ${HOSTILE}`,
      ),
    },
  ],
  laterLines: 2,
  sendDirectly: false,
  rounding: 'floor',
  settingsWarnings: [],
};

/** The month end the fake server's clock gives: never the machine's, whatever day it is. */
const SERVER_MONTH_END = '2031-01-31';

function report(preview: InvoicePreview): IssueReport {
  return {
    issued: preview.invoices.map((inv, i) => ({
      number: `2026-11-000${i + 1}`,
      client: inv.client,
      billed: inv.billed,
      pdfUrl: `https://drive.google.com/file/d/pdf${i + 1}/view?usp=drivesdk`,
      draftUrl: i === 1 ? '' : `https://mail.google.com/mail/#all/draft${i + 1}`,
      sent: false,
      message: null,
    })),
    alreadyIssued: preview.alreadyIssued,
    problems: preview.problems,
    refused: [],
    unfinished: 0,
    addedLines: 0,
    settingsWarnings: [],
    message: text(
      `${preview.invoices.length}件の請求書を作成しました`,
      `Created ${preview.invoices.length} invoices`,
    ),
  };
}

/** An in-memory server with hooks to misbehave or to hold an answer back. */
function fakeServer() {
  const state = {
    preview: (_req: InvoiceRunRequest): InvoicePreview | Promise<InvoicePreview> => ({
      ...PREVIEW,
      closingDate: _req.closingDate,
    }),
    issue: (_req: InvoiceRunRequest): IssueReport | Promise<IssueReport> => report(PREVIEW),
    show: (_req: InvoiceShowPreviewRequest): { shown: true } => ({ shown: true }),
    continue: (): IssueReport | Promise<IssueReport> => {
      throw new Error('nothing to continue');
    },
  };
  const handler = fakeHandler({
    invoicesDefaults: () => ({ lang: 'ja', closingDate: SERVER_MONTH_END }),
    invoicesPreview: (args) => state.preview(args[0] as InvoiceRunRequest),
    invoicesIssue: (args) => state.issue(args[0] as InvoiceRunRequest),
    invoicesContinue: () => state.continue(),
    invoicesShowPreview: (args) => state.show(args[0] as InvoiceShowPreviewRequest),
  });
  return { state, handler };
}

const suite = sidebarSuite();

async function open(handler: ServerHandler): Promise<SidebarPage> {
  const s = await suite.open('invoices', handler);
  await s.page.locator('#closing-date').waitFor();
  return s;
}

const dateInput = (page: Page) => page.locator('#closing-date');
const previewButton = (page: Page) => page.locator('button[data-action="preview"]');
const issueButton = (page: Page) => page.locator('footer button[data-action="issue"]');
const confirmButton = (page: Page) => page.locator('footer button[data-action="confirm"]');
const cards = (page: Page) => page.locator('article.invoice');
const results = (page: Page) => page.locator('[data-section="issued"] li.issued');
const status = (page: Page) => page.locator('footer .status');
const named = (s: SidebarPage, name: string) => s.calls.filter((c) => c.name === name);

async function previewFor(page: Page, closingDate: string): Promise<void> {
  await dateInput(page).fill(closingDate);
  await previewButton(page).click();
  await page.locator('[data-section="to-issue"], .notice.error').first().waitFor();
}

async function issueAll(page: Page): Promise<void> {
  await issueButton(page).click();
  await confirmButton(page).click();
  await page.locator('[data-report]').waitFor();
}

describe('invoices sidebar against a fake server', () => {
  test('renders in Japanese only; the closing date defaults to the month end by the server clock', async () => {
    const s = await open(fakeServer().handler);
    const { page } = s;
    expect(await page.evaluate('document.documentElement.lang')).toBe('ja');
    for (const text of ['請求書', '締め日']) {
      expect(await page.getByText(text, { exact: true }).first().isVisible()).toBe(true);
    }
    // No English twin: not in small print, not in a tooltip.
    expect(await page.getByText('Closing date').count()).toBe(0);
    expect(englishWords(await shownText(page.locator('body')))).toEqual([]);
    expect(await page.locator('[title]').count()).toBe(0);
    expect(await previewButton(page).textContent()).toBe('プレビュー');
    expect(await issueButton(page).textContent()).toBe('発行する');
    expect(await issueButton(page).isDisabled()).toBe(true);
    // The server's month end in Tokyo (the playground's clock there), never the browser's date.
    await waitFor(() => s.calls.length === 1, 'invoicesDefaults');
    expect(s.calls.map((c) => c.name)).toEqual(['invoicesDefaults']);
    await page.waitForFunction(
      `document.getElementById('closing-date').value === '${SERVER_MONTH_END}'`,
    );
  });

  test('preview lists the invoices with yen amounts, issued clients and problem rows', async () => {
    const s = await open(fakeServer().handler);
    const { page } = s;
    await previewFor(page, '2026-11-30');
    expect(named(s, 'invoicesPreview').map((c) => c.args)).toEqual([
      [{ closingDate: '2026-11-30' }],
    ]);
    expect(await cards(page).count()).toBe(3);
    const sakura = cards(page).nth(0);
    expect(await sakura.locator('.client').textContent()).toBe('株式会社さくら食品');
    expect(await sakura.locator('.invoice-head .amount').textContent()).toBe('¥89,992');
    const sakuraText = await sakura.textContent();
    for (const text of [
      '2026/10/21〜2026/11/20',
      '3行',
      '発行日',
      '支払期限',
      '2026/12/10',
      '10%対象¥50,000',
      '消費税(10%)¥5,000',
      '8%対象※¥32,400',
      '消費税(8%)¥2,592',
      '前回の締めに含まれなかった明細が1行あります',
    ]) {
      expect(sakuraText).toContain(text);
    }
    const yamada = await cards(page).nth(1).textContent();
    expect(yamada).toContain('源泉徴収税額−¥30,630');
    expect(yamada).toContain('ご請求額¥299,370');
    expect(await cards(page).nth(2).locator('.amount.billed').textContent()).toBe('¥1,357,400');
    expect(await page.locator('[data-section="to-issue"] .summary').textContent()).toBe(
      '3件¥1,746,762',
    );
    expect(await page.locator('[data-section="already-issued"]').textContent()).toContain(
      '合同会社みなと企画',
    );
    const problems = await page.locator('[data-section="problems"]').textContent();
    expect(problems).toContain('売上明細 7行目');
    expect(problems).toContain('単価が数値ではありません');
    expect(await page.getByText('次回以降の締めに含まれる明細が2行あります').isVisible()).toBe(
      true,
    );
    expect(await issueButton(page).isDisabled()).toBe(false);
    expect(await page.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(300);
  });

  test('a hostile client name renders as text, never as markup', async () => {
    const s = await open(fakeServer().handler);
    const { page } = s;
    await previewFor(page, '2026-11-30');
    expect(await cards(page).nth(2).locator('.client').textContent()).toBe(HOSTILE);
    expect(await page.locator('[data-section="problems"]').textContent()).toContain(HOSTILE);
    expect(await page.locator('img').count()).toBe(0);
    await issueAll(page);
    expect(await results(page).nth(2).locator('.client').textContent()).toBe(HOSTILE);
    expect(await page.locator('img').count()).toBe(0);
    expect(s.errors).toEqual([]);
  });

  test('issue: confirm with the count, 発行中… while running, then links to PDFs and drafts', async () => {
    const { state, handler } = fakeServer();
    let release: () => void = () => {};
    state.issue = () =>
      new Promise((resolve) => {
        release = () => resolve(report(PREVIEW));
      });
    const s = await open(handler);
    const { page } = s;
    await previewFor(page, '2026-11-30');
    await issueButton(page).click();
    const confirm = page.locator('footer [data-confirm]');
    expect(await confirm.textContent()).toContain('3件の請求書を発行します');
    expect(await issueButton(page).isDisabled()).toBe(true);
    // Cancel goes back without calling the server.
    await page.locator('footer button[data-action="cancel"]').click();
    expect(await confirm.textContent()).toBe('');
    expect(named(s, 'invoicesIssue')).toEqual([]);

    await issueButton(page).click();
    expect(await confirmButton(page).textContent()).toBe('3件を発行する');
    await confirmButton(page).click();
    await waitFor(() => named(s, 'invoicesIssue').length === 1, 'invoicesIssue');
    expect(named(s, 'invoicesIssue')[0]?.args).toEqual([{ closingDate: '2026-11-30' }]);
    expect(await issueButton(page).isDisabled()).toBe(true);
    expect(await issueButton(page).textContent()).toBe('発行中…');
    expect(await previewButton(page).isDisabled()).toBe(true);
    expect(await status(page).textContent()).toContain('発行中…');
    release();
    await page.locator('[data-report]').waitFor();
    expect(await page.locator('[data-report]').textContent()).toContain(
      '3件の請求書を作成しました',
    );
    expect(await results(page).count()).toBe(3);
    const first = results(page).nth(0);
    expect(await first.textContent()).toContain('2026-11-0001');
    expect(await first.locator('.amount').textContent()).toBe('¥89,992');
    const links = page.locator('[data-section="issued"] a');
    expect(await links.count()).toBe(5);
    for (const a of await links.all()) {
      expect(await a.getAttribute('target')).toBe('_blank');
      expect(await a.getAttribute('rel')).toBe('noopener noreferrer');
      expect(await a.getAttribute('href')).toMatch(/^https:\/\/(drive|mail)\.google\.com\//);
    }
    expect(await first.getByRole('link', { name: 'PDF' }).getAttribute('href')).toBe(
      'https://drive.google.com/file/d/pdf1/view?usp=drivesdk',
    );
    expect(await results(page).nth(1).textContent()).toContain('下書きなし');
    // Issued: nothing more to issue until a new preview.
    expect(await issueButton(page).isDisabled()).toBe(true);
    expect(await issueButton(page).textContent()).toBe('発行する');
    expect(await status(page).textContent()).toBe('');
  });

  test('a run too large for one execution: the sidebar keeps going until all are made', async () => {
    const { state, handler } = fakeServer();
    const all = report(PREVIEW);
    const slice = (from: number, to: number, unfinished: number): IssueReport => ({
      ...all,
      issued: all.issued.slice(from, to),
      unfinished,
      message: text(`${to - from}件の請求書を作成しました`, `Issued ${to - from} invoice(s)`),
    });
    state.issue = () => slice(0, 1, 2);
    const answers = [slice(1, 2, 1), slice(2, 3, 0)];
    let release: () => void = () => {};
    state.continue = () =>
      new Promise((resolve) => {
        release = () => resolve(answers.shift()!);
      });
    const s = await open(handler);
    const { page } = s;
    await previewFor(page, '2026-11-30');
    await issueButton(page).click();
    await confirmButton(page).click();
    await waitFor(() => named(s, 'invoicesContinue').length === 1, 'invoicesContinue');
    expect(await status(page).textContent()).toContain(
      '1件を作成しました。残り2件を作成しています',
    );
    release();
    await waitFor(() => named(s, 'invoicesContinue').length === 2, 'second invoicesContinue');
    expect(await status(page).textContent()).toContain(
      '2件を作成しました。残り1件を作成しています',
    );
    release();
    await page.locator('[data-report]').waitFor();
    expect(await page.locator('[data-report]').textContent()).toContain(
      '合計3件の請求書を作成しました',
    );
    expect(await results(page).allTextContents()).toEqual([
      expect.stringContaining('2026-11-0001'),
      expect.stringContaining('2026-11-0002'),
      expect.stringContaining('2026-11-0003'),
    ]);
    expect(await page.getByText(/1分後から自動で作成/).count()).toBe(0);
  });

  test('when continuing fails, the sidebar says the rest follows automatically', async () => {
    const { state, handler } = fakeServer();
    const all = report(PREVIEW);
    state.issue = () => ({ ...all, issued: all.issued.slice(0, 2), unfinished: 1 });
    state.continue = () => {
      throw new Error('他の処理が実行中です');
    };
    const s = await open(handler);
    const { page } = s;
    await previewFor(page, '2026-11-30');
    await issueAll(page);
    const text = await page.locator('[data-report]').textContent();
    expect(text).toContain('合計2件の請求書を作成しました');
    expect(text).toContain('残りの請求書は1分後から自動で作成されます');
    expect(await results(page).count()).toBe(2);
    expect(named(s, 'invoicesContinue')).toHaveLength(1);
  });

  test('lines can be unticked; issuing then sends only the ticked rows', async () => {
    const s = await open(fakeServer().handler);
    const { page } = s;
    await previewFor(page, '2026-11-30');
    const sakura = cards(page).nth(0);
    expect(await sakura.locator('li.line').allTextContents()).toEqual([
      '3行目2026/11/05焼き菓子詰め合わせ¥32,400',
      '4行目2026/11/05ギフト包装¥6,000',
      '6行目2026/11/18ドリップコーヒー¥44,000',
    ]);
    expect(await page.locator('input[data-row]:checked').count()).toBe(5);
    expect(await page.locator('[data-selection]').isHidden()).toBe(true);
    // One line of さくら, and the whole of 山田 with its client box.
    await sakura.locator('label[for="line-4"]').click();
    expect(
      await sakura
        .locator('input[data-select="client"]')
        .evaluate((el) => (el as unknown as { indeterminate: boolean }).indeterminate),
    ).toBe(true);
    await cards(page).nth(1).locator('input[data-select="client"]').uncheck();
    expect(await cards(page).nth(1).locator('input[data-row]').isChecked()).toBe(false);
    expect(await page.locator('[data-selection]').textContent()).toContain(
      '選択した3行だけを2件の請求書として発行します',
    );
    await issueButton(page).click();
    expect(await page.locator('footer [data-confirm]').textContent()).toContain(
      '2件の請求書を発行します',
    );
    await confirmButton(page).click();
    await page.locator('[data-report]').waitFor();
    expect(named(s, 'invoicesIssue')[0]?.args).toEqual([
      { closingDate: '2026-11-30', rows: [3, 6, 8] },
    ]);
    // Ticking everything again means the whole closing run.
    await previewFor(page, '2026-11-30');
    expect(await page.locator('input[data-row]:checked').count()).toBe(5);
    await issueAll(page);
    expect(named(s, 'invoicesIssue')[1]?.args).toEqual([{ closingDate: '2026-11-30' }]);
  });

  test('unticking recomputes the invoice (tax once per rate) and the run total', async () => {
    const { page } = await open(fakeServer().handler);
    await previewFor(page, '2026-11-30');
    const total = page.locator('[data-section="to-issue"] .summary');
    expect(await total.textContent()).toBe('3件¥1,746,762');
    const sakura = cards(page).nth(0);
    await sakura.locator('label[for="line-4"]').click();
    // 焼き菓子 32,400 (税抜) + コーヒー 44,000 (税込) at 8%: base 73,141, tax 5,851, once.
    expect(await sakura.locator('.invoice-head .amount').textContent()).toBe('¥78,992');
    const text = await sakura.textContent();
    for (const part of ['8%対象※¥73,141', '消費税(8%)¥5,851', '合計¥78,992', '2行'])
      expect(text).toContain(part);
    expect(text).not.toContain('10%対象');
    // The period follows the ticked lines; the whole invoice's notes give way to the selection's.
    expect(text).toContain('2026/11/05〜2026/11/18');
    expect(text).not.toContain('前回の締めに含まれなかった明細');
    expect(await sakura.locator('[data-partial]').textContent()).toContain(
      '選択した明細だけで計算しています',
    );
    expect(await total.textContent()).toBe('3件¥1,735,762');
    await cards(page).nth(1).locator('input[data-select="client"]').uncheck();
    expect(await total.textContent()).toBe('2件¥1,436,392');
    expect(await cards(page).nth(1).locator('[data-partial]').textContent()).toContain(
      '発行しません',
    );
    // Ticking back gives the server's own figures.
    await sakura.locator('label[for="line-4"]').click();
    expect(await sakura.locator('.invoice-head .amount').textContent()).toBe('¥89,992');
  });

  test('税込 and 税抜 lines of one invoice are grouped under their basis', async () => {
    const { page } = await open(fakeServer().handler);
    await previewFor(page, '2026-11-30');
    const list = cards(page).nth(0).locator('ul.lines > li');
    expect(await list.allTextContents()).toEqual([
      expect.stringContaining('税抜価格の明細'),
      '3行目2026/11/05焼き菓子詰め合わせ¥32,400',
      '4行目2026/11/05ギフト包装¥6,000',
      expect.stringContaining('税込価格の明細'),
      '6行目2026/11/18ドリップコーヒー¥44,000',
    ]);
    expect(await cards(page).nth(1).locator('li.basis').count()).toBe(0);
  });

  test('missing settings are shown before issuing, and issuing stays possible', async () => {
    const { state, handler } = fakeServer();
    const warnings = [
      text('登録番号が未設定です。適格請求書になりません', 'No registration number is set'),
      text('振込先が未設定です', 'No bank account is set'),
    ];
    state.preview = (req) => ({
      ...PREVIEW,
      closingDate: req.closingDate,
      settingsWarnings: warnings,
    });
    const { page } = await open(handler);
    await previewFor(page, '2026-11-30');
    const notice = page.locator('[data-settings-warnings]');
    expect(await notice.isVisible()).toBe(true);
    expect(await notice.textContent()).toContain('登録番号が未設定です。適格請求書になりません');
    expect(await notice.textContent()).toContain('振込先が未設定です');
    expect(await issueButton(page).isDisabled()).toBe(false);
  });

  test('nothing ticked: nothing to issue', async () => {
    const { page } = await open(fakeServer().handler);
    await previewFor(page, '2026-11-30');
    for (const box of await page.locator('input[data-select="client"]').all()) await box.uncheck();
    expect(await issueButton(page).isDisabled()).toBe(true);
  });

  test('請求書を表示 asks the server to show that invoice, with its ticked rows when some are not', async () => {
    const { state, handler } = fakeServer();
    const s = await open(handler);
    const { page } = s;
    await previewFor(page, '2026-11-30');
    const sakura = cards(page).nth(0);
    const show = sakura.locator('button[data-action="show-preview"]');
    expect(await show.textContent()).toBe('請求書を表示');
    await show.click();
    await waitFor(() => named(s, 'invoicesShowPreview').length === 1, 'invoicesShowPreview');
    expect(named(s, 'invoicesShowPreview')[0]?.args).toEqual([
      { closingDate: '2026-11-30', periodKey: PREVIEW.invoices[0]!.periodKey },
    ]);
    await sakura.locator('label[for="line-3"]').click();
    await show.click();
    await waitFor(() => named(s, 'invoicesShowPreview').length === 2, 'invoicesShowPreview');
    expect(named(s, 'invoicesShowPreview')[1]?.args).toEqual([
      { closingDate: '2026-11-30', periodKey: PREVIEW.invoices[0]!.periodKey, rows: [4, 6] },
    ]);
    state.show = () => {
      throw new Error('この請求書はプレビューにありません。もう一度プレビューしてください');
    };
    await show.click();
    await status(page).getByText('請求書を表示できませんでした').waitFor();
    expect(await status(page).textContent()).toContain('もう一度プレビューしてください');
    expect(await show.isDisabled()).toBe(false);
    expect(s.errors).toEqual([]);
  });

  test('a server failure shows the message, never a stack', async () => {
    const { state, handler } = fakeServer();
    state.preview = () => {
      // The server says it in the user's language.
      throw new Error('スプレッドシートを開けませんでした');
    };
    const s = await open(handler);
    const { page } = s;
    await previewFor(page, '2026-11-30');
    const notice = page.locator('#content .notice.error');
    expect(await notice.locator(':scope > div').allTextContents()).toEqual([
      'プレビューできませんでした',
      'スプレッドシートを開けませんでした',
    ]);
    expect(await notice.textContent()).not.toMatch(/\bat \w|Error:/);
    expect(await issueButton(page).isDisabled()).toBe(true);

    // Preview works again; issuing fails: the message shows and the button comes back.
    state.preview = (req) => ({ ...PREVIEW, closingDate: req.closingDate });
    state.issue = () => {
      throw new Error('他の人が発行中です。少し待ってから');
    };
    await previewFor(page, '2026-11-30');
    await issueButton(page).click();
    await confirmButton(page).click();
    await status(page).getByText('発行できませんでした').waitFor();
    expect(await status(page).textContent()).toContain('他の人が発行中です');
    expect(await status(page).textContent()).not.toMatch(/\bat \w|Error:/);
    expect(await issueButton(page).isDisabled()).toBe(false);
    expect(await cards(page).count()).toBe(3);
  });

  test('changing the date after a preview clears it; nothing to issue disables the button', async () => {
    const { state, handler } = fakeServer();
    const s = await open(handler);
    const { page } = s;
    await previewFor(page, '2026-11-30');
    expect(await issueButton(page).isDisabled()).toBe(false);
    await dateInput(page).fill('2026-10-31');
    expect(await cards(page).count()).toBe(0);
    expect(await issueButton(page).isDisabled()).toBe(true);
    state.preview = (req) => ({ ...PREVIEW, closingDate: req.closingDate, invoices: [] });
    await previewFor(page, '2026-10-31');
    expect(await page.getByText('発行する請求書はありません').isVisible()).toBe(true);
    expect(await issueButton(page).isDisabled()).toBe(true);
    expect(named(s, 'invoicesPreview').map((c) => c.args[0])).toEqual([
      { closingDate: '2026-11-30' },
      { closingDate: '2026-10-31' },
    ]);
  });

  test('an empty closing date asks to choose one, with no format to type', async () => {
    const s = await open(fakeServer().handler);
    const { page } = s;
    await dateInput(page).fill('');
    await previewButton(page).click();
    expect(await page.locator('#closing-date-issue').textContent()).toBe('締め日を選んでください');
    expect(named(s, 'invoicesPreview')).toEqual([]);
  });

  test('English only when the browser prefers English', async () => {
    const page = await suite.browser.context.newPage();
    await page.addInitScript({
      content: "Object.defineProperty(navigator, 'languages', { get: () => ['en-US', 'en'] });",
    });
    await page.goto(pathToFileURL(`${DIST}/sidebar-invoices.html`).href);
    expect(await page.evaluate('document.documentElement.lang')).toBe('en');
    expect(await page.locator('label[for="closing-date"]').textContent()).toBe('Closing date');
    expect(await page.locator('button[data-action="preview"]').textContent()).toBe('Preview');
    // No Japanese twin anywhere, not even as a tooltip.
    expect(japaneseLines(await shownText(page.locator('body')))).toEqual([]);
    expect(await page.locator('[title]').count()).toBe(0);
    await page.close();
  });

  test('screenshot at 300 px', async () => {
    const { page } = await open(fakeServer().handler);
    await previewFor(page, '2026-11-30');
    await page.setViewportSize({ width: 300, height: 1400 });
    const shot = tempFile('invoices-preview.png');
    await page.screenshot({ path: shot });
    await page.setViewportSize({ width: 300, height: 800 });
    await issueButton(page).click();
    const confirm = tempFile('invoices-confirm.png');
    await page.screenshot({ path: confirm });
    await confirmButton(page).click();
    await page.locator('[data-report]').waitFor();
    const done = tempFile('invoices-issued.png');
    await page.screenshot({ path: done });
    console.log(`screenshots: ${shot} ${confirm} ${done}`);
  });
});

describe('invoices sidebar against the built bundle (demo company)', () => {
  function demoBundle(): Bundle {
    const bundle = loadBundleFromDist('dist', { now: '2026-11-30T18:00:00+09:00' });
    seedDemo(bundle, new ExecutionLog(bundle), readDemoCompany(), DEMO_DIR);
    return bundle;
  }

  test('preview shows 4 invoices, issuing gives 4 results with links, a second issue none', async () => {
    const bundle = demoBundle();
    const s = await open(bundleHandler(bundle));
    // A second window on the same workbook (another person, or a double click elsewhere).
    const other = await open(bundleHandler(bundle));
    const { page } = s;
    await previewFor(page, '2026-11-30');
    await previewFor(other.page, '2026-11-30');
    expect(await page.locator('#content .notice.error').count()).toBe(0);
    expect(await cards(page).count()).toBe(4);
    expect(await cards(other.page).count()).toBe(4);
    expect((await cards(page).locator('.client').allTextContents()).sort()).toEqual(
      [
        'Blue Harbor Studio',
        '合同会社みなと企画',
        '山田デザイン事務所',
        '株式会社さくら食品',
      ].sort(),
    );
    for (const amount of await cards(page).locator('.amount.billed').allTextContents()) {
      expect(amount).toMatch(/^¥\d{1,3}(,\d{3})*$/);
    }
    await page.setViewportSize({ width: 300, height: 1600 });
    const shot = tempFile('invoices-demo-preview.png');
    await page.screenshot({ path: shot });
    await page.setViewportSize({ width: 300, height: 800 });

    await issueAll(page);
    expect(await page.locator('[data-report]').textContent()).toMatch(/^4件の請求書を作成しました/);
    expect(await results(page).count()).toBe(4);
    for (const r of await results(page).all()) {
      expect(await r.getByRole('link', { name: 'PDF' }).getAttribute('href')).toMatch(
        /^https:\/\/drive\.google\.com\//,
      );
      expect(await r.getByRole('link', { name: 'Gmail 下書き' }).getAttribute('href')).toMatch(
        /^https:\/\/mail\.google\.com\//,
      );
    }
    expect(bundle.workspace.DriveApp.allFiles()).toHaveLength(4);
    expect(bundle.workspace.GmailApp.outbox()).toHaveLength(4);
    const done = tempFile('invoices-demo-issued.png');
    await page.screenshot({ path: done });

    // The second window still shows its old preview; issuing there creates nothing new.
    await issueAll(other.page);
    expect(await other.page.locator('[data-report]').textContent()).toContain(
      '新しく発行する請求書はありません',
    );
    expect(await results(other.page).count()).toBe(0);
    expect(bundle.workspace.DriveApp.allFiles()).toHaveLength(4);
    expect(bundle.workspace.GmailApp.outbox()).toHaveLength(4);
    const none = tempFile('invoices-demo-second.png');
    await other.page.screenshot({ path: none });
    console.log(`screenshots: ${shot} ${done} ${none}`);

    // Previewing again: nothing left to issue for that date.
    await previewFor(page, '2026-11-30');
    expect(await cards(page).count()).toBe(0);
    expect(await page.getByText('発行する請求書はありません').isVisible()).toBe(true);
    expect(await issueButton(page).isDisabled()).toBe(true);
  });

  test('the default closing date is the bundle clock month end; missing settings are named', async () => {
    const bundle = loadBundleFromDist('dist', { now: '2026-10-31T23:30:00Z' });
    seedDemo(bundle, new ExecutionLog(bundle), readDemoCompany(), DEMO_DIR);
    const form = (bundle.runJson('settingsLoad') as { settings: Record<string, string> }).settings;
    bundle.runJson('settingsSave', [
      { ...form, registrationNumber: '', bankName: '', bankBranch: '', accountNumber: '' },
    ]);
    const { page } = await open(bundleHandler(bundle));
    // 10/31 23:30 UTC is 11/1 in Tokyo: November's month end.
    await page.waitForFunction("document.getElementById('closing-date').value === '2026-11-30'");
    await previewButton(page).click();
    await page.locator('[data-section="to-issue"]').waitFor();
    const notice = await page.locator('[data-settings-warnings]').textContent();
    expect(notice).toContain('登録番号が未設定です。適格請求書になりません');
    expect(notice).toContain('振込先が未設定です');
  });

  test('ticked lines and the rendered preview, through the bundle', async () => {
    const bundle = demoBundle();
    const s = await open(bundleHandler(bundle));
    const { page } = s;
    await previewFor(page, '2026-11-30');
    const sakura = cards(page).filter({ hasText: '株式会社さくら食品' });
    // Only さくら's first line: untick the other clients and its two other lines.
    for (const card of await cards(page).all())
      if ((await card.locator('.client').textContent()) !== '株式会社さくら食品')
        await card.locator('input[data-select="client"]').uncheck();
    await sakura.locator('label[for="line-4"]').click();
    await sakura.locator('label[for="line-6"]').click();
    await sakura.locator('button[data-action="show-preview"]').click();
    await waitFor(() => bundle.workspace.ui.dialogs.length === 1, 'the preview dialog');
    const dialog = bundle.workspace.ui.dialogs[0]!;
    expect(dialog.kind).toBe('modal');
    expect(dialog.content).toContain('焼き菓子詰め合わせ');
    expect(dialog.content).not.toContain('ギフト包装');
    // Marked as a preview, in the owner's language only.
    expect(dialog.content).toContain('プレビュー');
    expect(dialog.content).not.toContain('PREVIEW');
    expect(bundle.workspace.DriveApp.allFiles()).toEqual([]);

    await issueAll(page);
    expect(await results(page).count()).toBe(1);
    expect(await results(page).first().locator('.client').textContent()).toBe('株式会社さくら食品');
    expect(bundle.workspace.DriveApp.allFiles()).toHaveLength(1);
    // The other lines are still there to bill, with the two 定期請求 lines due by 11/30: the
    // run added them to 売上明細 and, their clients not ticked, left them to tick.
    await previewFor(page, '2026-11-30');
    expect(await cards(page).count()).toBe(4);
    expect(await page.locator('input[data-row]').count()).toBe(7);
    expect(await page.locator('li.line.recurring:not(.pending) input:enabled').count()).toBe(2);
  });
});
