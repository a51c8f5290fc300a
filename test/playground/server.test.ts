/**
 * The playground server's JSON API over the built bundle (dist/, built by npm test): the demo
 * workbook, menu clicks, google.script.run, the sidebar page, the clock, time-driven triggers and
 * reset. The page itself is driven in test/browser/playground.test.ts.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { emptySheet, setCell } from '../../playground/model';
import type { ActionReply, PlaygroundState, RunReply } from '../../playground/protocol';
import { type RunningServer, startServer } from '../../playground/server';
import { injectStandin, monthEnd, Playground, parseTime } from '../../playground/session';
import { WORKBOOK } from '../../src/sheets/schema';
import { MENU_ITEMS } from '../../src/ui/menu';
import { header, isRealPdf, leafParts } from './support/mime';

let server: RunningServer;

async function get<T>(path: string): Promise<T> {
  const res = await fetch(new URL(path, server.url));
  return (await res.json()) as T;
}

async function post<T = ActionReply>(path: string, body: unknown = {}): Promise<T> {
  const res = await fetch(new URL(path, server.url), {
    method: 'POST',
    body: JSON.stringify(body),
  });
  return (await res.json()) as T;
}

const sheet = (state: PlaygroundState, name: string) => {
  const found = state.workbook?.sheets.find((s) => s.name === name);
  if (!found) throw new Error(`no sheet ${name}`);
  return found;
};
const texts = (state: PlaygroundState, name: string) =>
  sheet(state, name).rows.map((row) => row.map((c) => c?.t ?? ''));

beforeAll(async () => {
  if (!existsSync(resolve('dist/Code.js')))
    spawnSync(process.execPath, ['scripts/build.mjs'], { stdio: 'ignore' });
  server = await startServer({ port: 0 });
}, 60000);

afterAll(() => server.close());

describe('the demo workbook', () => {
  it('opens set up by the bundle, with the demo settings, clients and sales rows', async () => {
    const state = await get<PlaygroundState>('/api/state');
    expect(state.workbook?.sheets.map((s) => s.name)).toEqual(WORKBOOK.map((spec) => spec.name));
    const settings = sheet(state, '設定');
    expect(settings.frozenRows).toBe(1);
    expect(settings.rows[0]?.[0]).toMatchObject({ t: 'キー', b: 1 });
    expect(texts(state, '設定').find((r) => r[0] === 'companyName')?.[2]).toBe(
      '株式会社ぽっけ商店',
    );
    expect(texts(state, '取引先').map((r) => r[0])).toContain('山田デザイン事務所');
    const salesRow = texts(state, '売上明細')[2];
    expect(salesRow?.slice(0, 3)).toEqual([
      '2026/11/05',
      '株式会社さくら食品',
      '焼き菓子詰め合わせ',
    ]);
    // A dropdown cell is marked, a number is right-aligned.
    expect(sheet(state, '売上明細').rows[1]?.[6]).toMatchObject({ t: '10%', dd: 1 });
    expect(sheet(state, '売上明細').rows[1]?.[5]).toMatchObject({ t: '55,000', r: 1 });
    expect(state.menus).toEqual([
      {
        title: 'Pokke',
        addon: true,
        items: MENU_ITEMS.map((m) => ({ caption: m.caption.ja, functionName: m.functionName })),
      },
    ]);
    // The demo account speaks Japanese.
    expect(state.language).toBe('ja');
    // The log starts when the spreadsheet opens.
    expect(state.runs.map((r) => [r.name, r.via, r.ok])).toEqual([['onOpen', 'open', true]]);
    expect(state.calls['SpreadsheetApp.Ui.createAddonMenu']).toBe(1);
    // The spreadsheet opens at the demo's time; onOpen takes a little virtual time.
    expect(state.runs[0]?.startedAt).toBe(Date.parse('2026-11-24T09:00:00+09:00'));
    expect(state.clock).toMatchObject({ now: state.runs[0]?.endedAt, timeZone: 'Asia/Tokyo' });
    expect(state.available).toEqual({ gmail: true, calendar: true, outbox: true });
    expect(state.outbox).toEqual({ mails: [], files: [] });
  });
});

describe('menus and sidebars', () => {
  it('a menu click runs the function; the sidebar it shows is served with the stand-in first', async () => {
    const reply = await post('/api/menu', { functionName: 'showSettingsSidebar' });
    expect(reply.ok).toBe(true);
    const sidebar = reply.state.sidebar;
    expect(sidebar).toMatchObject({ title: '設定' });
    expect(reply.state.runs.at(-1)).toMatchObject({
      name: 'showSettingsSidebar',
      via: 'menu',
      ok: true,
    });
    const res = await fetch(new URL(`/sidebar/${sidebar?.id}`, server.url));
    expect(res.headers.get('content-security-policy')).toContain("default-src 'none'");
    const html = await res.text();
    const scripts = [...html.matchAll(/<script[^>]*>/g)].map((m) => m.index ?? 0);
    expect(html.slice(scripts[0], scripts[0]! + 200)).toContain('window.__pokkeCall');
    expect(html.slice(scripts[1], scripts[1]! + 200)).toContain('MAX_IN_FLIGHT');
    expect(scripts.length).toBeGreaterThan(2);
  });

  it('closing the sidebar is remembered until a function shows one again', async () => {
    expect((await post('/api/sidebar/close')).state.sidebar).toBeNull();
    const again = await post('/api/menu', { functionName: 'showSettingsSidebar' });
    expect(again.state.sidebar?.id).toBeGreaterThan(1);
  });

  it('only items of the menu can be clicked', async () => {
    const reply = await post('/api/menu', { functionName: 'settingsSave' });
    expect(reply.ok).toBe(false);
    expect(reply.message).toBe('メニューに「settingsSave」はありません');
  });

  it('a menu item whose function shows an alert: the alert is in the state', async () => {
    const reply = await post('/api/menu', { functionName: 'menuSetupWorkbook' });
    expect(reply.state.dialogs.at(-1)).toMatchObject({
      kind: 'alert',
      title: 'Pokke',
      message: 'ワークブックは準備済みです。変更はありません',
    });
  });
});

describe('google.script.run', () => {
  it('calls a global function with JSON arguments and returns JSON', async () => {
    const reply = await post<RunReply>('/api/run', { name: 'settingsLoad', argsJson: '[]' });
    expect(reply.ok).toBe(true);
    const view = JSON.parse((reply as { json: string }).json);
    expect(view.settings.companyName).toBe('株式会社ぽっけ商店');
  });

  it('delivers a failure as its message only', async () => {
    const reply = await post<RunReply>('/api/run', {
      name: 'settingsSave',
      argsJson: '[{"companyName":1}]',
    });
    expect(reply).toEqual({
      ok: false,
      message: expect.stringMatching(/^入力内容が正しくありません/),
    });
    expect((reply as { message: string }).message).not.toMatch(/\n\s+at /);
  });

  it('cannot reach private functions or names that do not exist', async () => {
    expect(await post('/api/run', { name: 'nothing_', argsJson: '[]' })).toEqual({
      ok: false,
      message: 'Script function not found: nothing_',
    });
  });

  it('refuses a body that is not JSON', async () => {
    const res = await fetch(new URL('/api/run', server.url), { method: 'POST', body: '{oops' });
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({
      ok: false,
      message:
        'リクエストが JSON オブジェクトではありません / The request body is not a JSON object',
    });
  });
});

describe('the clock', () => {
  it('is set in Tokyo time, advanced, and jumps to month end', async () => {
    let reply = await post('/api/clock', { action: 'set', at: '2026-12-01T10:00' });
    expect(reply.state.clock.now).toBe(Date.parse('2026-12-01T10:00:00+09:00'));
    reply = await post('/api/clock', { action: 'advance', ms: 86_400_000 });
    expect(reply.state.clock.now).toBe(Date.parse('2026-12-02T10:00:00+09:00'));
    reply = await post('/api/clock', { action: 'monthEnd' });
    expect(reply.state.clock.now).toBe(Date.parse('2026-12-31T10:00:00+09:00'));
    reply = await post('/api/clock', { action: 'set', at: 'someday' });
    expect(reply).toMatchObject({
      ok: false,
      message: expect.stringMatching(/^日時を読み取れません/),
    });
  });

  it('reads wall-clock times in Tokyo and knows month ends', () => {
    expect(parseTime('2027-02-10T08:30', 'Asia/Tokyo')).toBe(Date.parse('2027-02-09T23:30:00Z'));
    expect(parseTime('2027-02-10', 'Asia/Tokyo')).toBe(Date.parse('2027-02-09T15:00:00Z'));
    expect(parseTime('2027-02-10T08:30:00Z', 'Asia/Tokyo')).toBe(
      Date.parse('2027-02-10T08:30:00Z'),
    );
    expect(parseTime('2027-02-10T08:30:00', 'Asia/Tokyo')).toBe(Date.parse('2027-02-09T23:30:00Z'));
    expect(parseTime('Feb 10', 'Asia/Tokyo')).toBeNull();
    // 2028-02-29 23:30 in Tokyo is still February there (UTC says the 29th 14:30).
    expect(monthEnd(Date.parse('2028-02-01T23:30:00+09:00'), 'Asia/Tokyo')).toBe(
      Date.parse('2028-02-29T23:30:00+09:00'),
    );
  });
});

describe('reset', () => {
  it('brings the demo back: settings, clock, log and counts', async () => {
    const view = JSON.parse(
      ((await post<RunReply>('/api/run', { name: 'settingsLoad' })) as { json: string }).json,
    );
    const saved = await post<RunReply>('/api/run', {
      name: 'settingsSave',
      argsJson: JSON.stringify([
        {
          ...view.settings,
          postalCode: '150-0001',
          phone: '03-5555-0123',
          accountNumber: '1234567',
          companyName: '株式会社べつの名前',
        },
      ]),
    });
    expect(saved.ok).toBe(true);
    let state = await get<PlaygroundState>('/api/state');
    expect(texts(state, '設定').find((r) => r[0] === 'companyName')?.[2]).toBe(
      '株式会社べつの名前',
    );
    const reply = await post('/api/reset');
    state = reply.state;
    expect(texts(state, '設定').find((r) => r[0] === 'companyName')?.[2]).toBe(
      '株式会社ぽっけ商店',
    );
    expect(state.runs.map((r) => r.name)).toEqual(['onOpen']);
    expect(state.sidebar).toBeNull();
    expect(state.runs[0]?.startedAt).toBe(Date.parse('2026-11-24T09:00:00+09:00'));
    expect(state.clock.now).toBe(state.runs[0]?.endedAt);
  });
});

describe('the account language', () => {
  afterAll(() => post('/api/language', { language: 'ja' }));

  it('English: the menus are built again, the sidebar and the cards open in English', async () => {
    await post('/api/reset');
    await post('/api/menu', { functionName: 'showSettingsSidebar' });
    const mail = (await get<PlaygroundState>('/api/state')).gmail?.mails[0]?.id;
    await post('/api/gmail/open', { messageId: mail });
    await post('/api/calendar/home');
    const reply = await post('/api/language', { language: 'en' });
    expect(reply.ok).toBe(true);
    const state = reply.state;
    expect(state.language).toBe('en');
    expect(server.playground.workspace.user.locale).toBe('en');
    expect(state.menus).toEqual([
      {
        title: 'Pokke',
        addon: true,
        items: MENU_ITEMS.map((m) => ({ caption: m.caption.en, functionName: m.functionName })),
      },
    ]);
    // onOpen ran again; the open mail's card and the Calendar's homepage ran again, in English.
    expect(state.runs.slice(-3).map((r) => [r.name, r.via])).toEqual([
      ['onOpen', 'open'],
      ['onGmailMessageOpen', 'addon'],
      ['onCalendarHomepage', 'addon'],
    ]);
    expect(state.gmail?.openId).toBe(mail);
    expect(state.gmail?.cardHtml).toContain('Create task');
    expect(state.gmail?.cardHtml).not.toContain('タスクを作成');
    // The open sidebar stays open (the page loads it again); the next one is titled in English.
    expect(state.sidebar).not.toBeNull();
    const settings = await post('/api/menu', { functionName: 'showSettingsSidebar' });
    expect(settings.state.sidebar?.title).toBe('Settings');
    const noItem = await post('/api/menu', { functionName: 'settingsSave' });
    expect(noItem.message).toBe('No menu item runs "settingsSave"');
  });

  it('survives a reset; Japanese again on the way back; an unknown language is refused', async () => {
    const reset = (await post('/api/reset')).state;
    expect(reset.language).toBe('en');
    expect(reset.menus[0]?.items.map((i) => i?.caption)).toContain('Settings');
    const refused = await post('/api/language', { language: 'fr' });
    expect(refused).toMatchObject({ ok: false, message: 'Unknown language' });
    expect(refused.state.language).toBe('en');
    const japanese = (await post('/api/language', { language: 'ja' })).state;
    expect(japanese.language).toBe('ja');
    expect(japanese.menus[0]?.items.map((i) => i?.caption)).toContain('設定');
    expect(server.playground.workspace.user.locale).toBe('ja');
  });
});

describe('time-driven triggers', () => {
  // A tiny script of its own: the bundle does not create triggers yet, the playground must still
  // fire them the way Apps Script does.
  const dist = mkdtempSync(join(tmpdir(), 'pokke-dist-'));
  writeFileSync(
    join(dist, 'Code.js'),
    `function onOpen() { SpreadsheetApp.getUi().createMenu('Test').addItem('Schedule', 'schedule').addToUi(); }
function schedule() { ScriptApp.newTrigger('daily').timeBased().everyDays(1).atHour(6).create(); }
function daily(e) {
  console.log('daily ' + Utilities.formatDate(new Date(), 'Asia/Tokyo', 'yyyy-MM-dd HH') + ' ' + (e.triggerUid ? 'event' : 'none'));
}`,
  );
  const workbook = { name: 'test', timeZone: 'Asia/Tokyo', sheets: [emptySheet('シート1')] };
  setCell(workbook.sheets[0]!.values, 0, 0, 'x');

  it('fires each due firing at its own time, once', () => {
    const pg = new Playground({ distDir: dist, workbook, now: '2026-11-24T09:00+09:00' });
    expect(pg.state().menus[0]).toMatchObject({ title: 'Test', addon: false });
    expect(pg.clickMenu('schedule')).toEqual({ ok: true });
    expect(pg.state().triggers).toEqual([{ handler: 'daily', description: '毎日 6時台' }]);
    pg.clock({ action: 'advance', ms: 3 * 86_400_000 });
    const fired = pg.fireDueTriggers();
    expect(fired).toEqual({
      ok: true,
      message: 'トリガーを 3 回実行しました',
    });
    const runs = pg.state().runs.filter((r) => r.via === 'trigger');
    expect(runs.map((r) => r.logs.map((l) => l.message))).toEqual([
      ['daily 2026-11-25 06 event'],
      ['daily 2026-11-26 06 event'],
      ['daily 2026-11-27 06 event'],
    ]);
    const now = pg.state().clock.now;
    expect(now - Date.parse('2026-11-27T09:00:00+09:00')).toBeLessThan(1000);
    expect(pg.fireDueTriggers()).toEqual({
      ok: true,
      message: '実行するトリガーはありませんでした',
    });
    // In English, the same in English.
    expect(pg.setLanguage('en')).toEqual({ ok: true });
    expect(pg.state().triggers).toEqual([{ handler: 'daily', description: 'daily at 6:xx' }]);
    pg.clock({ action: 'advance', ms: 86_400_000 });
    expect(pg.fireDueTriggers()).toEqual({ ok: true, message: 'Ran 1 trigger firing(s)' });
    expect(pg.fireDueTriggers()).toEqual({ ok: true, message: 'No trigger was due' });
  });

  it('starts from a workbook file when given one', () => {
    const pg = new Playground({ distDir: dist, workbook });
    expect(pg.state().workbook?.sheets.map((s) => [s.name, s.rows[0]?.[0]?.t])).toEqual([
      ['シート1', 'x'],
    ]);
  });
});

describe('the stand-in injection', () => {
  it('goes right after <head>, or before the first script, or first', () => {
    expect(injectStandin('<html><head><title>t</title><script>x</script>')).toMatch(
      /^<html><head><script>\(function \(\) \{\n {2}var seq/,
    );
    expect(injectStandin('<div></div><script>x</script>').indexOf('<script>')).toBe(
      '<div></div>'.length,
    );
    expect(injectStandin('<p>hi</p>').startsWith('<script>')).toBe(true);
  });
});

describe('the outbox', () => {
  it('lists the drafts and PDFs invoicesIssue made and serves real PDFs and .eml files', async () => {
    await post('/api/reset');
    await post('/api/clock', { action: 'set', at: '2026-11-30T18:00' });
    const run = await post<RunReply>('/api/run', {
      name: 'invoicesIssue',
      argsJson: JSON.stringify([{ closingDate: '2026-11-30' }]),
    });
    expect(run.ok).toBe(true);
    const state = await get<PlaygroundState>('/api/state');
    const { mails, files } = state.outbox;
    expect(mails).toHaveLength(4);
    expect(files).toHaveLength(4);
    for (const m of mails) {
      expect(m.kind).toBe('draft');
      expect(m.subject).toMatch(/2026-11-000\d/);
      expect(m.preview.length).toBeGreaterThan(0);
      expect(m.attachments).toEqual([
        expect.objectContaining({ contentType: 'application/pdf', href: expect.any(String) }),
      ]);
    }
    for (const f of files) {
      expect(f.path).toMatch(/^Pokke\/請求書\/2026\/11\/.+\.pdf$/);
      expect(f.href).toBe(`/api/files/${encodeURIComponent(f.id)}.pdf`);
    }
    const callsBefore = state.calls;

    const started = Date.now();
    const pdf = await fetch(new URL(files[0]?.href ?? '', server.url));
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
    expect(pdf.headers.get('content-disposition')).toMatch(/^inline; .*filename\*=UTF-8''/);
    const pdfBytes = Buffer.from(await pdf.arrayBuffer());
    expect(isRealPdf(pdfBytes)).toBe(true);
    console.log(
      `rendered ${files[0]?.name}: ${pdfBytes.length} bytes in ${Date.now() - started} ms`,
    );

    const sakura = mails.find((m) => m.to.includes('sakura')) ?? mails[0];
    const att = await fetch(new URL(sakura?.attachments[0]?.href ?? '', server.url));
    expect(att.status).toBe(200);
    expect(isRealPdf(Buffer.from(await att.arrayBuffer()))).toBe(true);

    const emlRes = await fetch(new URL(sakura?.emlHref ?? '', server.url));
    expect(emlRes.status).toBe(200);
    expect(emlRes.headers.get('content-type')).toBe('message/rfc822');
    expect(emlRes.headers.get('content-disposition')).toMatch(/^attachment; /);
    const eml = await emlRes.text();
    expect(header(eml, 'Subject')).toBe(sakura?.subject);
    const parts = leafParts(eml).filter((p) => p.contentType === 'application/pdf');
    expect(parts).toHaveLength(1);
    expect(isRealPdf(parts[0]?.body ?? Buffer.alloc(0))).toBe(true);

    // Looking at the outbox is not a service call of the script.
    expect((await get<PlaygroundState>('/api/state')).calls).toEqual(callsBefore);
  }, 120000);

  it('answers 404 for what does not exist', async () => {
    for (const path of [
      '/api/files/nope.pdf',
      '/api/files/nope',
      '/api/mail/nope.eml',
      '/api/mail/nope/attachments/0.pdf',
      '/api/files/%E0%A4%A.pdf',
    ]) {
      const res = await fetch(new URL(path, server.url));
      expect([path, res.status]).toEqual([path, 404]);
    }
  });

  it('is empty again after a reset', async () => {
    const reply = await post('/api/reset');
    expect(reply.state.outbox).toEqual({ mails: [], files: [] });
  });
});
