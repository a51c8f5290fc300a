/**
 * The settings sidebar in chromium at 300 px: first against a fake server (front-end behaviour
 * only), then against the built bundle running in the emulator.
 */
import type { Page } from 'playwright-core';
import type {
  SaveResult,
  SettingsForm,
  SettingsView,
  SetupReport,
} from '../../src/core/contracts/settings';
import { corporateNumberCheckDigit } from '../../src/core/registrationNumber';
import { text } from '../../src/core/text';
import { openBundle } from '../bundle/support';
import { BLANK_SETTINGS_FORM } from '../fixtures/settings';
import { bundleHandler, type ServerHandler, type SidebarPage, tempFile } from './support/chromium';
import { shownText } from './support/playground-page';
import { englishWords, japaneseLines } from './support/reader-language';
import { fakeHandler, sidebarSuite, waitFor } from './support/sidebar-suite';

/** A blank form as the sidebar sends it: its English names too, empty. */
const BLANK_FORM_SENT: SettingsForm = {
  ...BLANK_SETTINGS_FORM,
  companyNameEn: '',
  addressEn: '',
  bankNameEn: '',
  bankBranchEn: '',
};

const TWELVE = '234567890123';
const CHECK = corporateNumberCheckDigit(TWELVE);
const VALID_REG = `T${CHECK}${TWELVE}`;
const BAD_CHECK_REG = `T${(CHECK % 9) + 1}${TWELVE}`;

/** An in-memory server that answers like the real one, with hooks to misbehave. */
function fakeServer(initial: Partial<SettingsView> = {}) {
  const state = {
    view: {
      lang: 'ja',
      language: 'auto',
      settings: { ...BLANK_SETTINGS_FORM },
      needsSetup: false,
      issues: [],
      ...initial,
    } as SettingsView,
    save: (form: SettingsForm): SaveResult | Promise<SaveResult> => {
      state.view.settings = form;
      return { ok: true, settings: form, warnings: [] };
    },
    setup: (): SetupReport => {
      state.view.needsSetup = false;
      return {
        created: ['設定', '取引先'],
        updated: [],
        unchanged: [],
        message: text('2枚のシートを作成しました', 'Created 2 sheets'),
      };
    },
  };
  const handler = fakeHandler({
    settingsLoad: () => state.view,
    settingsSave: (args) => state.save(args[0] as SettingsForm),
    setupWorkbook: () => state.setup(),
  });
  return { state, handler };
}

const suite = sidebarSuite();

async function open(handler: ServerHandler): Promise<SidebarPage> {
  const s = await suite.open('settings', handler);
  await s.page.locator('form, .notice.error').first().waitFor();
  if (!(await s.page.locator('form').count())) {
    throw new Error(`the sidebar could not load: ${await s.page.locator('main').textContent()}`);
  }
  return s;
}

const field = (page: Page, key: keyof SettingsForm) => page.locator(`[data-field="${key}"]`);
const input = (page: Page, key: keyof SettingsForm) =>
  field(page, key).locator('input, select, textarea');
const issue = (page: Page, key: keyof SettingsForm) => field(page, key).locator('.issue');
const status = (page: Page) => page.locator('footer .status');
const saveButton = (page: Page) => page.locator('footer button[type="submit"]');
const saves = (s: SidebarPage) => s.calls.filter((c) => c.name === 'settingsSave');

describe('settings sidebar against a fake server', () => {
  test('renders in Japanese only, values from settingsLoad', async () => {
    const { handler } = fakeServer({
      settings: {
        ...BLANK_SETTINGS_FORM,
        companyName: '<b>ぽっけ商店</b>',
        rounding: 'round',
        accountType: '当座',
      },
    });
    const s = await open(handler);
    const { page } = s;
    expect(await page.evaluate('document.documentElement.lang')).toBe('ja');
    for (const text of [
      '設定',
      '事業者情報',
      '登録番号',
      '郵便番号',
      '振込先',
      '口座名義（カナ）',
      '端数処理（消費税）',
    ]) {
      expect(await page.getByText(text, { exact: true }).first().isVisible()).toBe(true);
    }
    // No English twin: not in small print under the labels, not in a tooltip.
    expect(await page.getByText('Registration number').count()).toBe(0);
    expect(englishWords((await page.locator('label, h1, h2').allInnerTexts()).join('\n'))).toEqual(
      [],
    );
    expect(await page.locator('[title]').count()).toBe(0);
    // Data is text, never markup.
    expect(await input(page, 'companyName').inputValue()).toBe('<b>ぽっけ商店</b>');
    expect(await page.locator('main b').count()).toBe(0);
    expect(await input(page, 'rounding').inputValue()).toBe('round');
    expect(await input(page, 'accountType').inputValue()).toBe('当座');
    expect(await saveButton(page).textContent()).toBe('保存');
    // The terms suggested for 支払条件 call the invoice's date 発行日, as the invoice does.
    const terms = await page
      .locator('#terms-suggestions option')
      .evaluateAll((os) => os.map((o) => o.getAttribute('value') ?? ''));
    expect(terms).toContain('発行日から30日以内');
    expect(terms.filter((t) => t.includes('請求日'))).toEqual([]);
    // Links leave the sandboxed iframe.
    const links = page.locator('a');
    expect(await links.count()).toBeGreaterThan(0);
    for (const a of await links.all()) expect(await a.getAttribute('target')).toBe('_blank');
    // Nothing is wider than the sidebar.
    expect(await page.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(300);
    expect(s.calls.map((c) => c.name)).toEqual(['settingsLoad']);
  });

  test('English only when the server says so', async () => {
    const { handler } = fakeServer({ lang: 'en' });
    const { page } = await open(handler);
    expect(await page.evaluate('document.documentElement.lang')).toBe('en');
    expect(await page.locator('label[for="f-registrationNumber"]').textContent()).toBe(
      'Registration number',
    );
    expect(await saveButton(page).textContent()).toBe('Save');
    // No Japanese twin beside the labels and headings, nor in a tooltip.
    expect(japaneseLines((await page.locator('label, h1, h2').allInnerTexts()).join('\n'))).toEqual(
      [],
    );
    expect(await page.locator('[title]').count()).toBe(0);
  });

  test('a malformed registration number shows an error and is never sent', async () => {
    const s = await open(fakeServer().handler);
    const { page } = s;
    await input(page, 'registrationNumber').fill('T123');
    await input(page, 'registrationNumber').blur();
    await expect(issue(page, 'registrationNumber').textContent()).resolves.toContain('13桁');
    expect(await field(page, 'registrationNumber').getAttribute('class')).toContain('has-error');
    await saveButton(page).click();
    await expect(status(page).textContent()).resolves.toContain('赤い項目を確認してください');
    expect(saves(s)).toEqual([]);
    expect(await page.evaluate('document.activeElement?.id')).toBe('f-registrationNumber');
    // Fixing it clears the error while typing.
    await input(page, 'registrationNumber').fill(VALID_REG);
    expect(await issue(page, 'registrationNumber').textContent()).toBe('');
  });

  test('a failed check digit warns but saves; input is normalised', async () => {
    const s = await open(fakeServer().handler);
    const { page } = s;
    const fullWidth = BAD_CHECK_REG.replace(/[0-9T]/g, (c) =>
      String.fromCharCode(c.charCodeAt(0) + 0xfee0),
    );
    await input(page, 'registrationNumber').fill(fullWidth);
    await input(page, 'registrationNumber').blur();
    expect(await input(page, 'registrationNumber').inputValue()).toBe(BAD_CHECK_REG);
    await expect(issue(page, 'registrationNumber').getAttribute('class')).resolves.toContain(
      'warning',
    );
    expect(await issue(page, 'registrationNumber').textContent()).toContain('確認してください');
    await input(page, 'accountHolder').fill('かぶしきがいしゃ ぽっけ');
    await input(page, 'postalCode').fill('１５００００１');
    await saveButton(page).click();
    await status(page).getByText('保存しました').waitFor();
    const sent = saves(s)[0]?.args[0] as SettingsForm;
    expect(sent.registrationNumber).toBe(BAD_CHECK_REG);
    expect(sent.accountHolder).toBe('カブシキガイシャ ポッケ');
    expect(sent.postalCode).toBe('150-0001');
    // The warning stays in view after saving.
    expect(await issue(page, 'registrationNumber').textContent()).toContain('確認してください');
  });

  test('saving: button disabled with 保存中…, then 保存しました; every field is sent', async () => {
    const { state, handler } = fakeServer();
    let release: () => void = () => {};
    state.save = (form) =>
      new Promise((resolve) => {
        release = () =>
          resolve({
            ok: true,
            settings: { ...form, companyName: form.companyName.trim() },
            warnings: [],
          });
      });
    const s = await open(handler);
    const { page } = s;
    await input(page, 'companyName').fill('ぽっけ商店');
    await input(page, 'registrationNumber').fill(VALID_REG);
    await input(page, 'email').fill('info@pokke.example');
    await input(page, 'rounding').selectOption('ceil');
    await input(page, 'defaultTerms').fill('月末締め翌月末払い');
    await saveButton(page).click();
    await waitFor(() => saves(s).length === 1, 'settingsSave');
    expect(await saveButton(page).isDisabled()).toBe(true);
    expect(await saveButton(page).textContent()).toBe('保存中…');
    release();
    await status(page).getByText('保存しました').waitFor();
    expect(await saveButton(page).isDisabled()).toBe(false);
    expect(await saveButton(page).textContent()).toBe('保存');
    expect(saves(s)[0]?.args).toEqual([
      {
        ...BLANK_FORM_SENT,
        companyName: 'ぽっけ商店',
        registrationNumber: VALID_REG,
        email: 'info@pokke.example',
        rounding: 'ceil',
        defaultTerms: '月末締め翌月末払い',
      },
    ]);
    // Editing again clears the success message.
    await input(page, 'companyName').fill('ぽっけ商店株式会社');
    expect(await status(page).textContent()).toBe('');
  });

  test('invoice settings: number pattern checked while typing, a multi-line note, direct sending', async () => {
    const { handler } = fakeServer({
      settings: {
        ...BLANK_SETTINGS_FORM,
        invoiceNote: '振込手数料はご負担ください\nよろしくお願いします',
      },
    });
    const s = await open(handler);
    const { page } = s;
    for (const text of ['請求書番号の形式', '請求書の備考', '請求書を直接送信']) {
      expect(await page.getByText(text, { exact: true }).first().isVisible()).toBe(true);
    }
    expect(await input(page, 'invoiceNumberPattern').inputValue()).toBe('{YYYY}-{MM}-{SEQ4}');
    const note = input(page, 'invoiceNote');
    expect(await note.evaluate((el) => el.tagName)).toBe('TEXTAREA');
    expect(await note.inputValue()).toBe('振込手数料はご負担ください\nよろしくお願いします');
    expect(await input(page, 'sendDirectly').inputValue()).toBe('しない');
    expect(await input(page, 'sendDirectly').locator('option').allTextContents()).toEqual([
      'しない(下書きを作成)',
      'する(メールを送信)',
    ]);

    await input(page, 'invoiceNumberPattern').fill('請求-{SEQ4}');
    await input(page, 'invoiceNumberPattern').blur();
    expect(await issue(page, 'invoiceNumberPattern').textContent()).toContain('「請」は使えません');
    // Japanese only, apart from the pattern's own tokens.
    const patternIssue = await shownText(issue(page, 'invoiceNumberPattern'));
    expect(englishWords(patternIssue, ['{YYYY}', '{MM}', '{SEQ4}'])).toEqual([]);
    await saveButton(page).click();
    expect(await status(page).textContent()).toContain('赤い項目を確認してください');
    expect(saves(s)).toEqual([]);

    await input(page, 'invoiceNumberPattern').fill('ＩＮＶ-{YY}{MM}-{SEQ3}');
    await input(page, 'invoiceNumberPattern').blur();
    expect(await input(page, 'invoiceNumberPattern').inputValue()).toBe('INV-{YY}{MM}-{SEQ3}');
    expect(await issue(page, 'invoiceNumberPattern').textContent()).toBe('');
    await note.fill('お振込手数料はご負担ください。\n<b>よろしく</b>');
    await input(page, 'sendDirectly').selectOption('する');
    await saveButton(page).click();
    await status(page).getByText('保存しました').waitFor();
    expect(saves(s)[0]?.args).toEqual([
      {
        ...BLANK_FORM_SENT,
        invoiceNumberPattern: 'INV-{YY}{MM}-{SEQ3}',
        invoiceNote: 'お振込手数料はご負担ください。\n<b>よろしく</b>',
        sendDirectly: 'する',
      },
    ]);
    expect(await page.locator('b').count()).toBe(0);
    expect(await page.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(300);
  });

  test('issues from settingsSave appear next to their fields', async () => {
    const { state, handler } = fakeServer();
    state.save = () => ({
      ok: false,
      issues: [
        {
          field: 'companyName',
          severity: 'error',
          message: text('会社名を入力してください', 'Enter the company name'),
        },
      ],
    });
    const { page } = await open(handler);
    await saveButton(page).click();
    await issue(page, 'companyName').getByText('会社名を入力してください').waitFor();
    expect(await issue(page, 'companyName').textContent()).toBe('会社名を入力してください');
    expect(await status(page).textContent()).toContain('赤い項目を確認してください');
    expect(await page.evaluate('document.activeElement?.id')).toBe('f-companyName');
    await input(page, 'companyName').fill('ぽっけ');
    expect(await issue(page, 'companyName').textContent()).toBe('');
  });

  test('a server failure shows its message, in Japanese', async () => {
    const { state, handler } = fakeServer();
    state.save = () => {
      // The server says it in the user's language.
      throw new Error('スプレッドシートを開けませんでした');
    };
    const { page } = await open(handler);
    await saveButton(page).click();
    await status(page).getByText('保存できませんでした').waitFor();
    expect(await status(page).locator(':scope > div').allTextContents()).toEqual([
      '保存できませんでした',
      'スプレッドシートを開けませんでした',
    ]);
    expect(englishWords(await shownText(status(page)))).toEqual([]);
    expect(await saveButton(page).isDisabled()).toBe(false);
  });

  test('needsSetup offers to set the workbook up, then reloads', async () => {
    const { handler } = fakeServer({ needsSetup: true });
    const s = await open(handler);
    const { page } = s;
    const notice = page.locator('[data-notice="setup"]');
    expect(await notice.textContent()).toContain('まだ Pokke 用に準備されていません');
    await notice.getByRole('button', { name: 'ブックを準備' }).click();
    await page.getByText('2枚のシートを作成しました').waitFor();
    expect(await page.locator('[data-notice="setup"]').count()).toBe(0);
    expect(s.calls.map((c) => c.name)).toEqual(['settingsLoad', 'setupWorkbook', 'settingsLoad']);
  });

  test('a failing settingsLoad shows the message and a reload button', async () => {
    let fail = true;
    const { handler } = fakeServer();
    const s = await suite.open('settings', (name, args) => {
      if (fail) throw new Error('権限がありません');
      return handler(name, args);
    });
    await s.page.getByText('設定を読み込めませんでした').waitFor();
    expect(await s.page.getByText('権限がありません').isVisible()).toBe(true);
    fail = false;
    await s.page.getByRole('button', { name: '再読み込み' }).click();
    await s.page.locator('form').waitFor();
  });

  test('screenshot at 300 px', async () => {
    const { state, handler } = fakeServer({
      needsSetup: true,
      settings: {
        ...BLANK_SETTINGS_FORM,
        companyName: '株式会社ぽっけ',
        postalCode: '150-0001',
        address: '東京都渋谷区神宮前1-2-3 ぽっけビル5F',
        phone: '03-1234-5678',
        email: 'info@pokke.example',
        bankName: 'ぽっけ銀行',
        bankBranch: '渋谷支店',
        accountNumber: '1234567',
        accountHolder: 'カ）ポッケ',
        defaultTerms: '月末締め翌月末払い',
      },
    });
    state.save = (form) => ({ ok: true, settings: form, warnings: [] });
    const { page } = await open(handler);
    await input(page, 'registrationNumber').fill('T123');
    await input(page, 'registrationNumber').blur();
    const top = tempFile('settings-top.png');
    await page.screenshot({ path: top });
    await input(page, 'registrationNumber').fill(BAD_CHECK_REG);
    await saveButton(page).click();
    await status(page).getByText('保存しました').waitFor();
    // A tall window rather than fullPage, which paints the sticky footer mid-page.
    await page.setViewportSize({ width: 300, height: 1500 });
    const full = tempFile('settings-full.png');
    await page.screenshot({ path: full });
    console.log(`screenshots: ${top} ${full}`);
  });
});

describe('settings sidebar against the built bundle', () => {
  test('set up, save, reload: the values come back', async () => {
    // dist/Code.js in the emulator, with one empty spreadsheet open (the bundle tests' helper).
    const bundle = openBundle();
    const s = await open(bundleHandler(bundle));
    const { page } = s;
    const setup = page.locator('[data-notice="setup"] button');
    if (await setup.count()) {
      await setup.click();
      await page.locator('.notice.success').waitFor();
    }
    await input(page, 'companyName').fill('ぽっけ商店');
    await input(page, 'registrationNumber').fill(VALID_REG);
    await input(page, 'postalCode').fill('150-0001');
    await input(page, 'address').fill('東京都渋谷区神宮前1-2-3');
    await input(page, 'bankName').fill('ぽっけ銀行');
    await input(page, 'accountType').selectOption('当座');
    await input(page, 'accountNumber').fill('7654321');
    await input(page, 'accountHolder').fill('ぽっけしょうてん');
    await input(page, 'rounding').selectOption('round');
    await input(page, 'defaultTerms').fill('月末締め翌月末払い');
    await input(page, 'invoiceNumberPattern').fill('{YYYY}{MM}-{SEQ3}');
    await input(page, 'invoiceNote').fill('いつもありがとうございます\n2行目');
    // The fee sentence is its own setting, printed once in the client's language.
    expect(await input(page, 'transferFeeNote').inputValue()).toBe('する');
    await input(page, 'transferFeeNote').selectOption('しない');
    await input(page, 'sendDirectly').selectOption('する');
    await saveButton(page).click();
    await status(page).getByText('保存しました').waitFor();

    await page.reload();
    await page.locator('form').waitFor();
    const values: Record<string, string> = {};
    for (const key of [
      'companyName',
      'registrationNumber',
      'postalCode',
      'address',
      'bankName',
      'accountType',
      'accountNumber',
      'accountHolder',
      'rounding',
      'defaultTerms',
      'invoiceNumberPattern',
      'invoiceNote',
      'transferFeeNote',
      'sendDirectly',
    ] as const) {
      values[key] = await input(page, key).inputValue();
    }
    expect(values).toEqual({
      companyName: 'ぽっけ商店',
      registrationNumber: VALID_REG,
      postalCode: '150-0001',
      address: '東京都渋谷区神宮前1-2-3',
      bankName: 'ぽっけ銀行',
      accountType: '当座',
      accountNumber: '7654321',
      accountHolder: 'ポッケショウテン',
      rounding: 'round',
      defaultTerms: '月末締め翌月末払い',
      invoiceNumberPattern: '{YYYY}{MM}-{SEQ3}',
      invoiceNote: 'いつもありがとうございます\n2行目',
      transferFeeNote: 'しない',
      sendDirectly: 'する',
    });
    expect(await page.locator('[data-notice="setup"]').count()).toBe(0);
  });
});
