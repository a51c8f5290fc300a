import { advanceWithTriggers, fireNow } from '../../emulator/trigger-runner';
import type { AutomationStatus, DryRunReport } from '../../src/core/contracts/automations';
import { text } from '../../src/core/text';
import { book, calendarEvents, demoAt, handlers, records, tokyo } from './automations-support';

describe('automations: installing the daily trigger', () => {
  it('installs exactly one dispatcher trigger, owned by the user who turned it on', () => {
    const bundle = demoAt('2026-11-24T09:00:00+09:00');
    const status = bundle.runJson('automationsInstall', [{ hour: 6 }]) as AutomationStatus;
    expect(handlers(bundle)).toEqual(['dailyDispatch']);
    expect(status).toMatchObject({ installed: true, hour: 6, owner: 'owner@example.com' });
    // The next run is tomorrow 06:00 in Tokyo (it is 09:00 now).
    expect(status.nextRunAt).toBe(new Date(tokyo('2026-11-25T06:00:00')).toISOString());

    bundle.runJson('automationsInstall', [{ hour: 7 }]);
    bundle.runJson('automationsInstall', [{ hour: 7 }]);
    expect(handlers(bundle)).toEqual(['dailyDispatch']);
    const again = bundle.runJson('automationsStatus', []) as AutomationStatus;
    expect(again.hour).toBe(7);
  });

  it("uninstalling removes Pokke's triggers and leaves the owner's own", () => {
    const bundle = demoAt('2026-11-24T09:00:00+09:00');
    bundle.workspace.ScriptApp.newTrigger('myOwnReport').timeBased().everyDays(1).create();
    bundle.runJson('automationsInstall', [{ hour: 6 }]);
    const off = bundle.runJson('automationsUninstall', []) as AutomationStatus;
    expect(handlers(bundle)).toEqual(['myOwnReport']);
    expect(off).toMatchObject({ installed: false, hour: null, owner: null });
  });

  it('reinstalling at another hour moves the one trigger to that hour (Asia/Tokyo)', () => {
    const bundle = demoAt('2026-11-24T09:00:00+09:00');
    const clock = () =>
      bundle.workspace.ScriptApp.getProjectTriggers().map((t) => [
        t.getHandlerFunction(),
        t.clock?.hour,
        t.clock?.timeZone,
      ]);
    bundle.runJson('automationsInstall', [{ hour: 6 }]);
    expect(clock()).toEqual([['dailyDispatch', 6, 'Asia/Tokyo']]);
    bundle.runJson('automationsInstall', [{ hour: 22 }]);
    expect(clock()).toEqual([['dailyDispatch', 22, 'Asia/Tokyo']]);
    // It fires at 22:xx Tokyo, no longer at 6.
    const fired = advanceWithTriggers(bundle, tokyo('2026-11-25T23:00:00'));
    expect(fired.map((f) => new Date(f.at + 9 * 3_600_000).getUTCHours())).toEqual([22, 22]);
  });

  it('uninstalling while a continuation is pending removes the continuation trigger too', () => {
    const bundle = demoAt('2026-11-24T09:00:00+09:00');
    const ws = bundle.workspace;
    ws.ScriptApp.newTrigger('myOwnReport').timeBased().everyDays(1).create();
    bundle.runJson('automationsInstall', [{ hour: 6 }]);
    // A run that ran out of time left its one-off trigger a minute later.
    ws.ScriptApp.newTrigger('continueDispatch').timeBased().after(60_000).create();
    expect(handlers(bundle).sort()).toEqual(['continueDispatch', 'dailyDispatch', 'myOwnReport']);
    bundle.runJson('automationsUninstall', []);
    expect(handlers(bundle)).toEqual(['myOwnReport']);
    const fired = advanceWithTriggers(bundle, tokyo('2026-11-25T12:00:00'));
    expect(fired.filter((f) => f.handler !== 'myOwnReport')).toEqual([]);
  });

  it('refuses an hour outside 0–23 with a readable message and changes nothing', () => {
    const bundle = demoAt('2026-11-24T09:00:00+09:00');
    expect(() => bundle.runJson('automationsInstall', [{ hour: 24 }])).toThrow(
      /入力内容が正しくありません/,
    );
    expect(handlers(bundle)).toEqual([]);
  });
});

describe('automations: the month-end of the demo company', () => {
  it('previews the last business day without writing anything', () => {
    const bundle = demoAt('2026-11-24T09:00:00+09:00');
    const before = book(bundle).snapshot();
    const report = bundle.runJson('automationsDryRun', [{ date: '2026-11-30' }]) as DryRunReport;
    expect(report).toMatchObject({ date: '2026-11-30', businessDay: true, holiday: null });
    const actions = (job: string, lang: 'ja' | 'en' = 'ja') =>
      report.jobs
        .find((j) => j.job === job)!
        .actions.map((a) => a[lang])
        .join('\n');
    expect(actions('routines')).toContain('請求書の下書きを確認して送信');
    expect(actions('recurring')).toContain('SNS運用代行(月額)');
    expect(actions('recurring')).toContain('Localisation retainer (quarterly)');
    expect(actions('summary')).toContain('2026-11 の月次集計を作成');
    // Each action is said in each language, for the sidebar to show the user's.
    expect(actions('recurring', 'en')).toContain(
      'Blue Harbor Studio: add "Localisation retainer (quarterly)" for November 2026 (2026-11-30)',
    );
    expect(actions('summary', 'en')).toContain('Summarise 2026-11');
    expect(report.jobs.map((j) => j.label)).toContainEqual(text('月次集計', 'Monthly summary'));
    // A later day: the daily runs until then do their own days, so Friday's 経費の入力 is not
    // listed on Monday.
    expect(actions('routines')).not.toContain('経費の入力');
    expect(book(bundle).snapshot()).toEqual(before);
  });

  it('previews the calendar blocks of routines whose 方法 is カレンダー', () => {
    const bundle = demoAt('2026-11-24T09:00:00+09:00');
    const report = bundle.runJson('automationsDryRun', [{ date: '2026-11-27' }]) as DryRunReport;
    expect(report.jobs.find((j) => j.job === 'routines')!.actions).toEqual([
      text(
        'タスク「経費の入力」(期限 2026-11-27)を作成',
        'Create task "経費の入力" due 2026-11-27',
      ),
      text(
        'カレンダーに「経費の入力」の予定(2026-11-27 17:00〜17:30)を入れる',
        'Add a calendar block "経費の入力" on 2026-11-27 17:00–17:30',
      ),
    ]);
    expect(calendarEvents(bundle)).toEqual([]);
  });

  it('previews today as the run will do it: the days missed since the last run, each on its own day', () => {
    const bundle = demoAt('2026-11-24T09:00:00+09:00');
    bundle.runJson('automationsRunNow', []);
    // No run from 11/25 to 11/30 (the trigger is off): the next run catches the days up.
    bundle.workspace.clock.set(tokyo('2026-11-30T10:00:00'));
    const report = bundle.runJson('automationsDryRun', [{ date: '2026-11-30' }]) as DryRunReport;
    const planned = report.jobs.find((j) => j.job === 'routines')!.actions;
    expect(planned.map((a) => a.ja)).toEqual([
      'タスク「請求書の下書きを確認して送信」(期限 2026-11-30)を作成',
      'タスク「経費の入力」(期限 2026-11-27)を作成',
      'カレンダーに「経費の入力」の予定(2026-11-27 17:00〜17:30)を入れる',
    ]);
    const before = records(bundle, 'タスク').length;
    bundle.runJson('automationsRunNow', []);
    const made = records(bundle, 'タスク')
      .slice(before)
      .map((t) => [t['タイトル'], t['期限']]);
    expect(made).toEqual([
      ['請求書の下書きを確認して送信', '2026/11/30'],
      ['経費の入力', '2026/11/27'],
    ]);
    expect(calendarEvents(bundle).map((e) => e.start?.dateTime)).toEqual([
      '2026-11-27T17:00:00+09:00',
    ]);
    // Done: the same preview now has nothing left for the routines.
    const again = bundle.runJson('automationsDryRun', [{ date: '2026-11-30' }]) as DryRunReport;
    expect(again.jobs.find((j) => j.job === 'routines')!.actions).toEqual([]);
  });

  it('on the last business day: routine tasks, recurring lines and invoices, the summary, the run log', () => {
    const bundle = demoAt('2026-11-24T09:00:00+09:00');
    bundle.runJson('automationsInstall', [{ hour: 6 }]);
    const fired = advanceWithTriggers(bundle, tokyo('2026-11-30T23:00:00'));
    expect(fired.every((f) => f.ok)).toBe(true);
    expect(fired.map((f) => f.handler)).toEqual(Array(6).fill('dailyDispatch'));

    const tasks = records(bundle, 'タスク');
    expect(tasks.filter((t) => t['タイトル'] === '請求書の下書きを確認して送信')).toEqual([
      expect.objectContaining({ 期限: '2026/11/30', 状態: '未完了' }),
    ]);
    // 毎週金曜: 11/27 only (the run started on 11/25), a task and a calendar block 17:00–17:30.
    expect(tasks.filter((t) => t['タイトル'] === '経費の入力').map((t) => t['期限'])).toEqual([
      '2026/11/27',
    ]);
    const blocks = calendarEvents(bundle).filter((e) => e.summary === '経費の入力');
    expect(blocks.map((e) => [e.start?.dateTime, e.end?.dateTime])).toEqual([
      ['2026-11-27T17:00:00+09:00', '2026-11-27T17:30:00+09:00'],
    ]);

    const recurring = records(bundle, '売上明細').filter((l) => l['定期キー'] !== '');
    expect(recurring.map((l) => [l['取引先'], l['日付'], l['品目']])).toEqual([
      ['合同会社みなと企画', '2026/11/30', 'SNS運用代行(月額)(2026年11月分)'],
      // The period in the client's language (Blue Harbor Studio is billed in English).
      ['Blue Harbor Studio', '2026/11/30', 'Localisation retainer (quarterly) (November 2026)'],
    ]);
    const invoices = records(bundle, '請求書');
    expect(invoices.map((i) => i['取引先']).sort()).toEqual(
      ['Blue Harbor Studio', '合同会社みなと企画'].sort(),
    );
    for (const line of recurring) expect(line['請求書番号']).toMatch(/^2026-11-\d{4}$/);
    // Only periods with a recurring line are issued automatically; the rest wait for the owner.
    expect(
      records(bundle, '売上明細')
        .filter((l) => l['取引先'] === '山田デザイン事務所')
        .every((l) => l['請求書番号'] === ''),
    ).toBe(true);

    const drafts = bundle.workspace.GmailApp.outbox().filter((m) => m.kind === 'draft');
    expect(drafts).toHaveLength(2);

    const summary = records(bundle, '月次集計');
    expect(new Set(summary.map((r) => r['月']))).toEqual(new Set(['2026-11']));
    expect(
      summary.find((r) => r['区分'] === '経費(科目別)' && r['項目'] === '通信費'),
    ).toMatchObject({ 金額: '5,280', 件数: '1' });
    const sent = bundle.workspace.GmailApp.outbox().filter((m) => m.kind === 'sent');
    expect(sent.map((m) => m.subject)).toEqual(['【Pokke】2026-11 月次集計']);

    const log = records(bundle, '実行ログ');
    expect(
      log.filter((r) => r['対象日'] === '2026/11/30').map((r) => [r['処理'], r['結果']]),
    ).toEqual([
      ['定期業務', '成功'],
      ['定期請求', '成功'],
      ['月次集計', '成功'],
      ['自動化', '成功'],
    ]);
  });

  it('the jobs after the recurring one read what it wrote: the summary counts its invoices', () => {
    const bundle = demoAt('2026-11-30T05:00:00+09:00');
    fireNow(bundle, 'dailyDispatch');
    // The workbook had no invoice before this run: both were issued by its recurring job.
    const issued = records(bundle, '請求書');
    expect(issued.map((i) => i['発行日'])).toEqual(['2026/11/30', '2026/11/30']);
    const summary = records(bundle, '月次集計');
    const sales = summary.filter((r) => r['区分'] === '売上(取引先別)');
    expect(sales.map((r) => [r['項目'], r['金額']]).sort()).toEqual(
      issued.map((i) => [i['取引先'], i['合計(税込)']]).sort(),
    );
    const yen = (text: string) => Number(text.replace(/,/g, ''));
    expect(summary.find((r) => r['項目'] === '請求額')).toMatchObject({
      件数: '2',
      金額: (yen(issued[0]!['請求額']!) + yen(issued[1]!['請求額']!)).toLocaleString('en-US'),
    });
  });

  it('a second firing the same day does nothing again', () => {
    const bundle = demoAt('2026-11-30T05:00:00+09:00');
    bundle.runJson('automationsInstall', [{ hour: 6 }]);
    const ws = bundle.workspace;
    // The workbook (its run log apart), mail, Drive and calendar after each execution.
    const state = () => ({
      sheets: book(bundle)
        .snapshot()
        .sheets.filter((s) => s.name !== '実行ログ'),
      log: records(bundle, '実行ログ'),
      outbox: ws.GmailApp.outbox().map((m) => [m.kind, m.subject]),
      files: ws.DriveApp.allFiles().map((f) => f.name),
      events: calendarEvents(bundle).length,
    });
    const after: ReturnType<typeof state>[] = [];
    const fired = advanceWithTriggers(bundle, tokyo('2026-11-30T23:00:00'), {
      before: () => 'twice',
      execute: (_handler, run) => {
        run();
        after.push(state());
      },
    });
    expect(fired.map((f) => [f.handler, f.ok])).toEqual([
      ['dailyDispatch', true],
      ['dailyDispatch', true],
    ]);
    const [first, second] = after as [ReturnType<typeof state>, ReturnType<typeof state>];
    // The first execution did the month-end…
    expect(records(bundle, '請求書')).toHaveLength(2);
    expect(first.outbox).toHaveLength(3);
    expect(first.files).toHaveLength(2);
    // …and the duplicate changed nothing but one スキップ line in the run log.
    expect(second.sheets).toEqual(first.sheets);
    expect(second.outbox).toEqual(first.outbox);
    expect(second.files).toEqual(first.files);
    expect(second.events).toBe(first.events);
    expect(second.log.slice(0, -1)).toEqual(first.log);
    expect(second.log.at(-1)).toMatchObject({ 結果: 'スキップ' });
  });

  it('a routine row whose rule cannot be read gets a message; the others still run', () => {
    const bundle = demoAt('2026-11-27T05:00:00+09:00');
    const routines = book(bundle).getSheetByName('定期業務')!;
    routines.getRange(2, 2).setValue('月に一回くらい');
    routines.getRange(4, 2).setValue('毎年2月30日');
    bundle.runJson('automationsRunNow', []);
    const rows = records(bundle, '定期業務');
    expect(rows[0]!['メッセージ']).toMatch(/頻度.*読み取れません|読み取れません/);
    expect(rows[2]!['メッセージ']).toBe(
      '頻度「毎年2月30日」: 2月30日は存在しない日付です。月末にするなら「末日」と書いてください(例: 毎年2月末日)',
    );
    expect(records(bundle, 'タスク').map((t) => t['タイトル'])).toContain('経費の入力');
    expect(records(bundle, '実行ログ').find((r) => r['処理'] === '定期業務')).toMatchObject({
      結果: '一部エラー',
    });
  });

  it('the messages are in English for someone who chose English', () => {
    const bundle = demoAt('2026-11-27T05:00:00+09:00');
    bundle.runJson('settingsLanguage', [{ language: 'en' }]);
    const routines = book(bundle).getSheetByName('定期業務')!;
    routines.getRange(4, 2).setValue('毎年2月30日');
    bundle.runJson('automationsRunNow', []);
    expect(records(bundle, '定期業務')[2]!['メッセージ']).toBe(
      'Schedule "毎年2月30日": February 30 does not exist; for the month\'s last day write 末日 (e.g. 毎年2月末日)',
    );
    expect(records(bundle, '実行ログ').map((r) => [r['処理'], r['結果']])).toEqual([
      ['Routines', '一部エラー'],
      ['Recurring invoices', '成功'],
      ['Automations', '一部エラー'],
    ]);
  });
});

describe('automations: work longer than one execution', () => {
  it('pauses before the 6-minute limit and finishes on a one-off trigger, which is then removed', () => {
    const bundle = demoAt('2026-11-30T05:00:00+09:00');
    const clients = book(bundle).getSheetByName('取引先')!;
    const recurring = book(bundle).getSheetByName('定期請求')!;
    // More invoices than one execution's time budget makes (about 100 do).
    const n = 120;
    const names = Array.from(
      { length: n },
      (_, i) => `顧問先${String(i + 1).padStart(2, '0')}株式会社`,
    );
    const clientHeader = clients.getRange(1, 1, 1, clients.getLastColumn()).getValues()[0]!;
    clients
      .getRange(clients.getLastRow() + 1, 1, n, clientHeader.length)
      .setValues(
        names.map((name) =>
          clientHeader.map((h) =>
            h === '取引先名'
              ? name
              : h === '敬称'
                ? '御中'
                : h === 'メール'
                  ? 'keiri@example.com'
                  : '',
          ),
        ),
      );
    const header = recurring.getRange(1, 1, 1, recurring.getLastColumn()).getValues()[0]!;
    const cells: Record<string, unknown> = {
      品目: '顧問料',
      数量: 1,
      単位: '式',
      単価: 30000,
      税率: '10%',
      '税込/税抜': '税抜',
      '間隔(月)': '1',
      開始月: '2026-11',
      計上日: '末日',
    };
    recurring
      .getRange(recurring.getLastRow() + 1, 1, n, header.length)
      .setValues(
        names.map((name) => header.map((h) => (h === '取引先' ? name : (cells[String(h)] ?? '')))),
      );

    bundle.runJson('automationsInstall', [{ hour: 6 }]);
    const fired = advanceWithTriggers(bundle, tokyo('2026-11-30T23:00:00'));
    // The dispatcher paused and continued on its one-off trigger; the issuing run's own
    // continuation (set before recording, for a run that dies) fires too when invoices remain.
    expect(fired[0]).toMatchObject({ handler: 'dailyDispatch', ok: true });
    expect(fired.every((f) => f.ok)).toBe(true);
    expect(fired.map((f) => f.handler)).toContain('continueDispatch');
    // Each execution stayed inside Apps Script's 6-minute limit.
    for (const f of fired) expect(f.elapsedMs).toBeLessThan(6 * 60_000);
    expect(handlers(bundle)).toEqual(['dailyDispatch']);

    const invoices = records(bundle, '請求書');
    expect(invoices).toHaveLength(n + 2);
    for (const i of invoices) expect(i['PDF']).toMatch(/^https:/);
    expect(bundle.workspace.DriveApp.allFiles()).toHaveLength(n + 2);
    const log = records(bundle, '実行ログ');
    expect(log.map((r) => r['結果'])).toContain('中断');
    expect(log.at(-1)).toMatchObject({ 処理: '自動化', 結果: '成功' });
  });
});

describe("automations: someone else's trigger", () => {
  it('refuses to install a second dispatcher or to clear the owner’s, and names the owner', () => {
    const bundle = demoAt('2026-11-24T09:00:00+09:00');
    bundle.runJson('automationsInstall', [{ hour: 6 }]);
    // A colleague opens the same workbook: Apps Script shows them only their own triggers.
    const ws = bundle.workspace;
    const owner = { ...ws.user };
    Object.assign(ws.user, { email: 'colleague@example.com' });
    const hidden = ws.ScriptApp.getProjectTriggers();
    for (const t of hidden) ws.ScriptApp.deleteTrigger(t);
    const status = bundle.runJson('automationsStatus', []) as AutomationStatus;
    expect(status).toMatchObject({ installed: true, owner: 'owner@example.com' });
    expect(status.health.ja).toMatch(/owner@example.com さんのアカウントで動いています/);
    expect(status.health.en).toMatch(/under owner@example.com's account/);
    expect(() => bundle.runJson('automationsInstall', [{ hour: 7 }])).toThrow(
      new Error(
        '自動化は owner@example.com さんのアカウントで動いています。変更は owner@example.com さんが行ってください',
      ),
    );
    expect(() => bundle.runJson('automationsUninstall', [])).toThrow(/owner@example.com/);
    // A colleague whose Google account is in English is told in English.
    ws.user.locale = 'en';
    expect(() => bundle.runJson('automationsInstall', [{ hour: 7 }])).toThrow(
      new Error("Automations run under owner@example.com's account; only they can change them"),
    );
    expect(handlers(bundle)).toEqual([]);
    Object.assign(ws.user, owner);
  });
});

describe('automations: cost', () => {
  /** Sheets calls of one dispatcher run on `day` with `extra` old, billed sales lines. */
  function sheetsCalls(day: string, extra: number): number {
    const bundle = demoAt(`${day}T05:00:00+09:00`);
    const sales = book(bundle).getSheetByName('売上明細')!;
    const width = sales.getLastColumn();
    const demo = sales.getRange(2, 1, sales.getLastRow() - 1, width).getValues();
    const billed = demo.map((r) => r.map((v, i) => (i === 9 ? '2025-01-0001' : v)));
    sales.insertRowsAfter(sales.getMaxRows(), extra + 100);
    sales
      .getRange(sales.getLastRow() + 1, 1, extra, width)
      .setValues(Array.from({ length: extra }, (_, i) => billed[i % billed.length]!));
    bundle.workspace.meter.resetCounts();
    fireNow(bundle, 'dailyDispatch');
    const { meter } = bundle.workspace;
    // SpreadsheetApp and the Sheets API (the batched reads) alike.
    return meter.total('SpreadsheetApp') + meter.total('Sheets');
  }

  it('reads each sheet in batches: the Sheets calls do not grow with the rows', () => {
    expect(sheetsCalls('2026-11-26', 1000)).toBe(sheetsCalls('2026-11-26', 10));
  });

  it('the month end reads each sheet once for all its jobs, however long the sales sheet', () => {
    const few = sheetsCalls('2026-11-30', 10);
    // The nine tables and the run log's header in one batched read (after the sheets' names and
    // the workbook's id), the tables a job wrote read again together (twice); the rest are the
    // jobs' writes (two calls each) and flushes.
    expect(few).toBeLessThanOrEqual(40);
    expect(sheetsCalls('2026-11-30', 5000)).toBe(few);
  });
});
