/**
 * Text that reaches a name, a title or a header: bidirectional controls, zero-width characters
 * and lone surrogates never get there (core/normalize.ts `oneLine` / `stripInvisible`), and a
 * field refused for its length names the field and the limit, once.
 */

import { type Bundle, loadBundleFromDist } from '../../emulator/runtime';
import type { CardJson } from '../../emulator/services/card';
import { advanceWithTriggers } from '../../emulator/trigger-runner';
import { seedDemo } from '../../playground/seed';
import { DEMO_DIR, ExecutionLog, readDemoCompany } from '../../playground/session';
import type { SaveResult, SettingsForm } from '../../src/core/contracts/settings';
import { BLANK_SETTINGS_FORM } from '../fixtures/settings';
import { calendarEvents, demoAt, records, tokyo } from './automations-support';
import { click, deliver, openGmailBundle, openMail, responseOf } from './gmail-support';

/** What an attacker or a bad copy-paste hides in a name: U+202E and a lone surrogate each end. */
const hostile = (name: string) => `\u202e${name.slice(0, 2)}\u200b${name.slice(2)}\ud800`;
/** Any bidirectional control, zero-width character, U+FFFD or lone surrogate. */
const INVISIBLE =
  /[\u061c\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff\ufffd]|[\ud800-\udfff]/u;

function demoBundle(): Bundle {
  const bundle = loadBundleFromDist('dist', { now: '2026-11-30T18:00:00+09:00' });
  seedDemo(bundle, new ExecutionLog(bundle), readDemoCompany(), DEMO_DIR);
  return bundle;
}

/** Replaces a text in every cell of a sheet, as an owner pasting a name would. */
function replaceInSheet(bundle: Bundle, sheetName: string, from: string, to: string): void {
  const sheet = bundle.workspace.SpreadsheetApp.active!.getSheetByName(sheetName)!;
  const range = sheet.getDataRange();
  range.setValues(range.getValues().map((row) => row.map((v) => (v === from ? to : v))));
}

describe('names, titles and headers carry no invisible characters', () => {
  it('an invoice: the PDF name in Drive, the draft subject and From are clean', () => {
    const bundle = demoBundle();
    replaceInSheet(bundle, '設定', '株式会社ぽっけ商店', hostile('株式会社ぽっけ商店'));
    for (const sheet of ['取引先', '売上明細']) {
      replaceInSheet(bundle, sheet, '山田デザイン事務所', hostile('山田デザイン事務所'));
    }
    bundle.runJson('invoicesIssue', [{ closingDate: '2026-11-30' }]);

    const names = bundle.workspace.DriveApp.allFiles().map((f) => f.name);
    expect(names).toHaveLength(4);
    const yamada = names.find((n) => n.includes('山田'));
    expect(yamada).toMatch(/^20261130_山田デザイン事務所_\d+_2026-11-000\d\.pdf$/);
    for (const name of names) expect(name).not.toMatch(INVISIBLE);

    const drafts = bundle.workspace.GmailApp.outbox().filter((m) => m.kind === 'draft');
    expect(drafts).toHaveLength(4);
    for (const d of drafts) {
      expect(d.from).toBe('株式会社ぽっけ商店 <owner@example.com>');
      // The subject names the company in the client's language (Blue Harbor Studio's is English).
      expect(d.subject).toMatch(
        d.to.includes('blueharbor') ? / from Pokke Shoten Co\., Ltd\.$/ : /^【株式会社ぽっけ商店】/,
      );
      expect(d.subject).not.toMatch(INVISIBLE);
      expect(d.attachments.map((a) => a.name)).toEqual([
        expect.stringMatching(/^20261130_[^\u202e\ufffd]+\.pdf$/),
      ]);
    }
    const toYamada = drafts.find((d) => d.to.includes('yamada-design'))!;
    expect(toYamada.subject).toMatch(
      /^【株式会社ぽっけ商店】2026年11月分 請求書送付のご案内\(2026-11-000\d\)$/,
    );
  });

  it('a mail whose subject hides U+202E gives a clean title on the card and on the task', () => {
    const g = openGmailBundle();
    const messageId = deliver(g.ws, {
      from: '山田 花子 <hanako@example.com>',
      subject: 'Re: 見積書\u202eのご送付\u200d\ud83d',
      plainBody: 'お世話になっております。12/4までにお願いします。',
    });
    const card = openMail(g, messageId).cards[0]!;
    expect(titleInput(card)).toBe('見積書のご送付');
    click(g, card, /タスクを作成/, { messageId });
    const [task] = g.tasks.allTasks();
    expect(task?.title).toBe('見積書のご送付');
    const sheet = g.ws.SpreadsheetApp.openById(g.workbookId).getSheetByName('タスク')!;
    expect(sheet.getRange(2, 1).getValue()).toBe('見積書のご送付');
  });

  it('a routine: the task title and the calendar block’s title are clean', () => {
    const bundle = demoAt('2026-11-24T09:00:00+09:00');
    replaceInSheet(bundle, '定期業務', '経費の入力', hostile('経費の入力'));
    bundle.runJson('automationsInstall', [{ hour: 6 }]);
    advanceWithTriggers(bundle, tokyo('2026-11-27T23:00:00'));
    const titles = records(bundle, 'タスク').map((t) => t['タイトル']);
    expect(titles).toContain('経費の入力');
    for (const title of titles) expect(title).not.toMatch(INVISIBLE);
    expect(calendarEvents(bundle).map((e) => e.summary)).toEqual(['経費の入力']);
  });
});

function titleInput(card: CardJson): string | undefined {
  for (const s of card.sections) {
    for (const w of s.widgets) {
      if ('textInput' in w && w.textInput.name === 'title') return w.textInput.value;
    }
  }
  return undefined;
}

describe('a field refused for its length says which field and the limit, once', () => {
  const form: SettingsForm = {
    ...BLANK_SETTINGS_FORM,
    companyName: '株式会社ぽっけ商店',
    defaultTerms: '月末締め翌月末払い',
  };

  function saveError(bundle: Bundle, changes: Partial<SettingsForm>): string {
    try {
      bundle.runJson('settingsSave', [{ ...form, ...changes }]);
    } catch (e) {
      return (e as Error).message;
    }
    throw new Error('saved');
  }

  it('settings: 「会社名・屋号は200文字以内で入力してください」, nothing written', () => {
    const bundle = loadBundleFromDist('dist', { now: '2026-11-30T18:00:00+09:00' });
    bundle.workspace.SpreadsheetApp.createSpreadsheet('帳簿', { timeZone: 'Asia/Tokyo' });
    bundle.runJson('setupWorkbook');
    const sheet = bundle.workspace.SpreadsheetApp.active!.getSheetByName('設定')!;
    const before = sheet.snapshot();
    expect(saveError(bundle, { companyName: 'あ'.repeat(201) })).toBe(
      '会社名・屋号は200文字以内で入力してください',
    );
    const two = saveError(bundle, { address: 'x'.repeat(201), invoiceNote: 'y'.repeat(501) });
    expect(two).toBe(
      '住所は200文字以内で入力してください。請求書の備考は500文字以内で入力してください',
    );
    // Someone who chose English reads the same refusals in English only.
    bundle.runJson('settingsLanguage', [{ language: 'en' }]);
    expect(saveError(bundle, { companyName: 'あ'.repeat(201) })).toBe(
      'Company or trade name may have at most 200 characters',
    );
    expect(saveError(bundle, { address: 'x'.repeat(201), invoiceNote: 'y'.repeat(501) })).toBe(
      'Address may have at most 200 characters; Note on invoices may have at most 500 characters',
    );
    expect(sheet.snapshot()).toEqual(before);
    // At the limit it saves.
    const saved = bundle.runJson('settingsSave', [
      { ...form, companyName: 'あ'.repeat(200) },
    ]) as SaveResult;
    expect(saved.ok).toBe(true);
  });

  it('the Gmail card: a title longer than a task takes is refused by name, nothing made', () => {
    const g = openGmailBundle();
    const messageId = deliver(g.ws, {
      from: 'a@example.com',
      subject: '見積のお願い',
      plainBody: '12/4までにお願いします。',
    });
    const card = openMail(g, messageId).cards[0]!;
    const { notification } = responseOf(
      click(g, card, /タスクを作成/, { messageId, edits: { title: '長'.repeat(201) } }).value,
    );
    expect(notification).toBe('タイトルは200文字以内で入力してください');
    expect(g.tasks.allTasks()).toHaveLength(0);
    // A card opened by someone whose Google account is in English says it in English.
    g.ws.user.locale = 'en';
    const english = openMail(g, messageId).cards[0]!;
    const refused = responseOf(
      click(g, english, /^Create task/, { messageId, edits: { title: '長'.repeat(201) } }).value,
    );
    expect(refused.notification).toBe('Title may have at most 200 characters');
    expect(g.tasks.allTasks()).toHaveLength(0);
    // 200 characters outside the BMP are 200 characters, not 400.
    click(g, card, /タスクを作成/, { messageId, edits: { title: '𠮷'.repeat(200) } });
    expect(g.tasks.allTasks().map((t) => t.title)).toEqual(['𠮷'.repeat(200)]);
  });
});
