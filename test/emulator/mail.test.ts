import { loadBundle } from '../../emulator/runtime';
import { MimeType } from '../../emulator/services/blob';
import type { MailAppEmulator } from '../../emulator/services/mail';
import { Workspace } from '../../emulator/workspace';

describe('MailApp', () => {
  it('sends the object form with attachments, name and replyTo, and shows it in Sent', () => {
    const ws = new Workspace({ now: '2026-11-30T10:00:00+09:00' });
    const pdf = ws.Utilities.newBlob('<p>x</p>', MimeType.HTML, 'a.html').getAs(MimeType.PDF);
    ws.MailApp.sendEmail({
      to: 'a@example.jp, b@example.jp',
      cc: 'c@example.jp',
      subject: '請求書',
      body: '本文',
      htmlBody: '<p>本文</p>',
      attachments: [pdf],
      name: 'ぽっけ商店',
      replyTo: 'billing@example.com',
    });
    expect(ws.MailApp.getRemainingDailyQuota()).toBe(97);
    const [mail] = ws.GmailApp.outbox();
    expect(mail).toMatchObject({
      kind: 'sent',
      via: 'MailApp',
      from: 'ぽっけ商店 <owner@example.com>',
      to: 'a@example.jp, b@example.jp',
      cc: 'c@example.jp',
      replyTo: 'billing@example.com',
      subject: '請求書',
      plainBody: '本文',
      htmlBody: '<p>本文</p>',
    });
    expect(mail?.attachments.map((a) => [a.name, a.contentType, a.size])).toEqual([
      ['a.pdf', 'application/pdf', pdf.getBytes().length],
    ]);
    expect(ws.GmailApp.search('in:sent subject:請求書')).toHaveLength(1);
  });

  it('takes the (to, replyTo, subject, body) and (recipient, subject, body, options) forms', () => {
    const ws = new Workspace();
    ws.MailApp.sendEmail('a@example.jp', 'reply@example.jp', 'Subject', 'Body');
    ws.MailApp.sendEmail('b@example.jp', 'S2', 'B2', { bcc: 'c@example.jp' });
    expect(
      ws.GmailApp.outbox().map((m) => [m.to, m.replyTo, m.subject, m.plainBody, m.bcc]),
    ).toEqual([
      ['a@example.jp', 'reply@example.jp', 'Subject', 'Body', ''],
      ['b@example.jp', '', 'S2', 'B2', 'c@example.jp'],
    ]);
    expect(() => (ws.MailApp.sendEmail as (...a: unknown[]) => void)('a@example.jp', 1)).toThrow(
      "The parameters (String,number) don't match the method signature for MailApp.sendEmail.",
    );
  });

  it('shares the daily recipients quota with GmailApp and stops with the real message', () => {
    const ws = new Workspace({ account: 'consumer' });
    expect(ws.MailApp.getRemainingDailyQuota()).toBe(100);
    ws.GmailApp.sendEmail('a@example.jp', 's', 'b', { cc: 'b@example.jp' });
    expect(ws.MailApp.getRemainingDailyQuota()).toBe(98);
    ws.meter.consume('email', 96);
    expect(() =>
      ws.MailApp.sendEmail({
        to: 'a@example.jp, b@example.jp, c@example.jp',
        subject: 's',
        body: 'b',
      }),
    ).toThrow('Service invoked too many times for one day: email.');
    expect(ws.GmailApp.outbox()).toHaveLength(1);
    expect(ws.MailApp.getRemainingDailyQuota()).toBe(2);
    expect(() => ws.MailApp.sendEmail({ subject: 's', body: 'b' })).toThrow(
      'Failed to send email: no recipient',
    );
    expect(new Workspace({ account: 'workspace' }).MailApp.getRemainingDailyQuota()).toBe(1500);
  });

  it('ignores a from key (MailApp always sends as the user)', () => {
    const ws = new Workspace();
    ws.MailApp.sendEmail({
      to: 'a@example.jp',
      subject: 's',
      body: 'b',
      from: 'ceo@example.com',
    } as GoogleAppsScript.Mail.MailAdvancedParameters);
    expect(ws.GmailApp.outbox()[0]?.from).toBe('owner@example.com');
  });

  it('is counted through ws.globals() and works from the bundle', () => {
    const ws = new Workspace();
    const g = ws.globals() as { MailApp: MailAppEmulator };
    g.MailApp.sendEmail('a@example.jp', 's', 'b');
    expect(g.MailApp.getRemainingDailyQuota()).toBe(99);
    expect(ws.meter.counts()).toEqual({
      'MailApp.getRemainingDailyQuota': 1,
      'MailApp.sendEmail': 1,
    });

    const bundle = loadBundle(
      `function notify(to) {
         var before = MailApp.getRemainingDailyQuota();
         MailApp.sendEmail({ to: to, subject: '本日のタスク', body: '3件', attachments: [Utilities.newBlob('a,b', 'text/csv', 'tasks.csv')] });
         try { MailApp.sendEmail({ to: 'bad address', subject: 'x', body: 'y' }); } catch (e) { return [before, MailApp.getRemainingDailyQuota(), e instanceof Error, e.message]; }
       }`,
      { workspace: ws },
    );
    expect(bundle.run('notify', ['owner@example.com'])).toEqual([
      99,
      98,
      true,
      'Invalid email: bad address',
    ]);
    const last = ws.GmailApp.outbox().at(-1);
    expect(last?.attachments[0]?.name).toBe('tasks.csv');
    // Mail to oneself lands in the inbox too.
    expect(ws.GmailApp.getInboxThreads()[0]?.getFirstMessageSubject()).toBe('本日のタスク');
  });
});
