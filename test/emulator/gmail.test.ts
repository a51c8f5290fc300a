import { toEml } from '../../emulator/eml';
import { loadBundle } from '../../emulator/runtime';
import { Blob, MimeType } from '../../emulator/services/blob';
import { GMAIL_ERRORS, type GmailAppEmulator } from '../../emulator/services/gmail';
import { Workspace } from '../../emulator/workspace';

// ---- a tiny MIME reader, enough to check what toEml writes ------------------------------------

interface ParsedPart {
  headers: Map<string, string>;
  body: string;
  parts: ParsedPart[];
}

function decodeWords(value: string): string {
  return value
    .replace(/(\?=)\s+(=\?)/g, '$1$2')
    .replace(/=\?UTF-8\?B\?([^?]*)\?=/gi, (_, b64: string) =>
      Buffer.from(b64, 'base64').toString('utf8'),
    );
}

function decodeQuotedPrintable(body: string): string {
  const soft = body.replace(/=\r\n/g, '');
  const bytes: number[] = [];
  for (let i = 0; i < soft.length; i++) {
    const c = soft[i] as string;
    if (c === '=' && /^[0-9A-F]{2}$/.test(soft.slice(i + 1, i + 3))) {
      bytes.push(Number.parseInt(soft.slice(i + 1, i + 3), 16));
      i += 2;
    } else {
      bytes.push(...Buffer.from(c, 'utf8'));
    }
  }
  return Buffer.from(bytes).toString('utf8');
}

function parseMime(raw: string): ParsedPart {
  const split = raw.indexOf('\r\n\r\n');
  const head = raw.slice(0, split).replace(/\r\n[ \t]+/g, ' ');
  const body = raw.slice(split + 4);
  const headers = new Map<string, string>();
  for (const line of head.split('\r\n')) {
    const i = line.indexOf(':');
    headers.set(line.slice(0, i).toLowerCase(), line.slice(i + 1).trim());
  }
  const boundary = /boundary="([^"]+)"/.exec(headers.get('content-type') ?? '')?.[1];
  const parts = boundary
    ? body
        .split(`--${boundary}`)
        .slice(1, -1)
        .map((p) => parseMime(p.replace(/^\r\n/, '').replace(/\r\n$/, '')))
    : [];
  return { headers, body, parts };
}

function content(part: ParsedPart): string | Buffer {
  const cte = part.headers.get('content-transfer-encoding');
  if (cte === 'base64') return Buffer.from(part.body.replace(/\r\n/g, ''), 'base64');
  if (cte === 'quoted-printable') return decodeQuotedPrintable(part.body);
  return part.body;
}

// ---- tests -------------------------------------------------------------------------------------

function pdf(
  ws: Workspace,
  html = '<h1>請求書</h1>',
  name = '20261130_株式会社サンプル_11000.pdf',
) {
  return ws.Utilities.newBlob(html, MimeType.HTML, 'x.html').getAs(MimeType.PDF).setName(name);
}

describe('GmailApp drafts', () => {
  it('lists a draft with its PDF attachment in the outbox, and costs no mail quota', () => {
    const ws = new Workspace({ now: '2026-11-30T10:00:00+09:00' });
    const file = pdf(ws, '<h1>請求書 No.2026-11-0001</h1>');
    const draft = ws.GmailApp.createDraft(
      '経理部 <billing@client.example.jp>',
      '【請求書】2026年11月分のご請求',
      'いつもお世話になっております。\n請求書をお送りします。',
      { attachments: [file], name: 'ぽっけ商店' },
    );
    expect(draft.getId()).toMatch(/^r-?\d+$/);
    expect(ws.GmailApp.getDrafts()).toEqual([draft]);
    expect(ws.GmailApp.getDraft(draft.getId())).toBe(draft);
    expect(ws.meter.remaining('email')).toBe(100);

    const [mail] = ws.GmailApp.outbox();
    expect(mail).toMatchObject({
      kind: 'draft',
      via: 'GmailApp',
      draftId: draft.getId(),
      messageId: draft.getMessageId(),
      from: 'ぽっけ商店 <owner@example.com>',
      to: '経理部 <billing@client.example.jp>',
      subject: '【請求書】2026年11月分のご請求',
      url: `https://mail.google.com/mail/#drafts?compose=${draft.getMessageId()}`,
    });
    expect(mail?.attachments).toHaveLength(1);
    expect(mail?.attachments[0]).toMatchObject({
      name: '20261130_株式会社サンプル_11000.pdf',
      contentType: 'application/pdf',
      size: file.getBytes().length,
      sourceHtml: '<h1>請求書 No.2026-11-0001</h1>',
    });

    const message = draft.getMessage();
    expect(message.isDraft()).toBe(true);
    expect(message.getDate().toISOString()).toBe('2026-11-30T01:00:00.000Z');
    const [att] = message.getAttachments();
    expect([att?.getName(), att?.getContentType(), att?.getSize()]).toEqual([
      '20261130_株式会社サンプル_11000.pdf',
      'application/pdf',
      file.getBytes().length,
    ]);
    expect(att?.getHash()).toMatch(/^[0-9a-f]{40}$/);
  });

  it('updates a draft under a new message id, sends it on the quota, and ends it', () => {
    const ws = new Workspace();
    const draft = ws.GmailApp.createDraft('a@example.jp', 'v1', 'body');
    const firstId = draft.getMessageId();
    const threadId = draft.getMessage().getThread().getId();
    draft.update('a@example.jp, b@example.jp', 'v2', 'body 2');
    expect(draft.getMessageId()).not.toBe(firstId);
    expect(ws.GmailApp.getMessageById(firstId)).toBeNull();
    expect(draft.getMessage().getThread().getId()).toBe(threadId);
    expect(draft.getMessage().getSubject()).toBe('v2');

    const sent = draft.send();
    expect([sent.isDraft(), sent.getTo()]).toEqual([false, 'a@example.jp, b@example.jp']);
    expect(ws.meter.remaining('email')).toBe(98);
    expect(ws.GmailApp.getDrafts()).toEqual([]);
    expect(() => draft.getMessage()).toThrow(GMAIL_ERRORS.draftNotFound);
    expect(() => ws.GmailApp.getDraft(draft.getId())).toThrow(GMAIL_ERRORS.draftNotFound);
    expect(ws.GmailApp.outbox().map((m) => m.kind)).toEqual(['sent']);

    const other = ws.GmailApp.createDraft('', 'no recipient yet', '');
    expect(() => other.send()).toThrow('Failed to send email: no recipient');
    other.deleteDraft();
    expect(() => other.getMessage()).toThrow(GMAIL_ERRORS.draftNotFound);
    expect(ws.GmailApp.outbox()).toHaveLength(1);
  });
});

describe('GmailApp.sendEmail', () => {
  it('uses one unit of the email quota per recipient (to + cc + bcc)', () => {
    const ws = new Workspace();
    ws.GmailApp.sendEmail('a@example.jp', '件名', '本文', {
      cc: 'b@example.jp',
      bcc: 'c@example.jp',
      htmlBody: '<p>本文</p>',
    });
    expect(ws.meter.remaining('email')).toBe(97);
    const [sent] = ws.GmailApp.outbox();
    expect(sent).toMatchObject({
      kind: 'sent',
      to: 'a@example.jp',
      cc: 'b@example.jp',
      bcc: 'c@example.jp',
      htmlBody: '<p>本文</p>',
    });
    const message = ws.GmailApp.getMessageById(sent?.messageId ?? '');
    expect([message.isInInbox(), message.getBody(), message.getPlainBody()]).toEqual([
      false,
      '<p>本文</p>',
      '本文',
    ]);
    expect(ws.GmailApp.search('in:sent')).toHaveLength(1);
  });

  it('fails with Apps Script’s quota message when the day’s recipients run out, sending nothing', () => {
    const ws = new Workspace({ account: 'consumer' });
    ws.meter.consume('email', 98);
    expect(() =>
      ws.GmailApp.sendEmail('a@example.jp, b@example.jp', 's', 'b', { cc: 'c@example.jp' }),
    ).toThrow('Service invoked too many times for one day: email.');
    expect(ws.GmailApp.outbox()).toEqual([]);
    expect(ws.meter.remaining('email')).toBe(2);
    ws.GmailApp.sendEmail('a@example.jp, b@example.jp', 's', 'b');
    expect(ws.meter.remaining('email')).toBe(0);
    ws.clock.advance(24 * 60 * 60 * 1000);
    expect(ws.meter.remaining('email')).toBe(100);
  });

  it('refuses bad addresses, empty recipient lists and oversized mails before using the quota', () => {
    const ws = new Workspace();
    expect(() => ws.GmailApp.sendEmail('taro＠example.jp', 's', 'b')).toThrow(
      'Invalid email: taro＠example.jp',
    );
    expect(() => ws.GmailApp.createDraft('a@example.jp; b@example.jp', 's', 'b')).toThrow(
      'Invalid email: a@example.jp; b@example.jp',
    );
    expect(() => ws.GmailApp.sendEmail('', 's', 'b')).toThrow('Failed to send email: no recipient');
    const many = Array.from({ length: 51 }, (_, i) => `u${i}@example.jp`).join(',');
    expect(() => ws.GmailApp.sendEmail(many, 's', 'b')).toThrow(
      'Limit Exceeded: Email Recipients Per Message.',
    );
    expect(() => ws.GmailApp.sendEmail('a@example.jp', 's', 'x'.repeat(201 * 1024))).toThrow(
      'Limit Exceeded: Email Body Size.',
    );
    const big = new Blob(ws, Buffer.alloc(26 * 1024 * 1024), 'x/y', 'big.bin');
    expect(() => ws.GmailApp.createDraft('a@example.jp', 's', 'b', { attachments: [big] })).toThrow(
      'Limit Exceeded: Email Total Attachments Size.',
    );
    expect(() => ws.GmailApp.sendEmail('a@example.jp', 's', 'b', { from: 'x@example.jp' })).toThrow(
      'Invalid argument: x@example.jp',
    );
    ws.GmailApp.box.aliases = ['info@example.com'];
    ws.GmailApp.sendEmail('a@example.jp', 's', 'b', { from: 'info@example.com', name: 'Info' });
    expect(ws.GmailApp.outbox()[0]?.from).toBe('Info <info@example.com>');
    expect(ws.GmailApp.getAliases()).toEqual(['info@example.com']);
    expect(ws.meter.remaining('email')).toBe(99);
  });
});

describe('GmailApp messages and threads', () => {
  function inbox() {
    const ws = new Workspace({ now: '2026-11-24T09:00:00+09:00' });
    const first = ws.GmailApp.deliver({
      from: '佐藤 花子 <hanako@client.example.jp>',
      subject: 'お見積りのお願い',
      plainBody: '11/30(月)までにお見積りをお願いします。',
      date: '2026-11-20T10:00:00+09:00',
      headers: { 'Message-ID': '<req-1@client.example.jp>' },
    });
    const answer = ws.GmailApp.deliver({
      from: 'hanako@client.example.jp',
      subject: 'Re: お見積りのお願い',
      plainBody: '追記です。',
      date: '2026-11-21T10:00:00+09:00',
      inReplyTo: '<req-1@client.example.jp>',
      attachments: [{ name: '仕様書.txt', contentType: 'text/plain', data: '仕様' }],
    });
    const other = ws.GmailApp.deliver({
      from: 'Bob <bob@example.com>',
      subject: 'Contract',
      htmlBody: '<p>Could you send the contract by <b>Friday</b>?</p>',
      date: '2026-11-22T10:00:00+09:00',
      unread: false,
      labels: ['Pokke/タスク'],
    });
    return { ws, first, answer, other };
  }

  it('keeps delivered mail in threads, with Gmail’s getters', () => {
    const { ws, first, answer, other } = inbox();
    const thread = first.getThread();
    expect(answer.getThread()).toBe(thread);
    expect(thread.getId()).toBe(first.getId());
    expect(first.getId()).toMatch(/^[0-9a-f]{16}$/);
    expect(thread.getMessageCount()).toBe(2);
    expect(thread.getFirstMessageSubject()).toBe('お見積りのお願い');
    expect(thread.getPermalink()).toBe(`https://mail.google.com/mail/#all/${thread.getId()}`);
    expect(thread.getLastMessageDate().toISOString()).toBe('2026-11-21T01:00:00.000Z');
    expect([first.getFrom(), first.getTo(), first.isInInbox(), first.isUnread()]).toEqual([
      '佐藤 花子 <hanako@client.example.jp>',
      'owner@example.com',
      true,
      true,
    ]);
    expect(first.getHeader('message-id')).toBe('<req-1@client.example.jp>');
    expect(first.getHeader('X-Missing')).toBe('');
    expect(answer.getAttachments()[0]?.getDataAsString()).toBe('仕様');
    expect(other.getPlainBody()).toBe('Could you send the contract by Friday?');
    expect(String(first)).toBe('GmailMessage');
    expect(String(thread)).toBe('GmailThread');
    expect(ws.GmailApp.getInboxThreads().map((t) => t.getFirstMessageSubject())).toEqual([
      'Contract',
      'お見積りのお願い',
    ]);
    expect(ws.GmailApp.getInboxUnreadCount()).toBe(1);
    expect(ws.GmailApp.getThreadById('0000000000000000')).toBeNull();
    expect(ws.GmailApp.getMessageById(answer.getId())).toBe(answer);
  });

  it('searches with the common operators', () => {
    const { ws, other } = inbox();
    const subjects = (q: string) => ws.GmailApp.search(q).map((t) => t.getFirstMessageSubject());
    expect(subjects('from:hanako')).toEqual(['お見積りのお願い']);
    expect(subjects('subject:contract')).toEqual(['Contract']);
    expect(subjects('is:unread in:inbox')).toEqual(['お見積りのお願い']);
    expect(subjects('見積り')).toEqual(['お見積りのお願い']);
    expect(subjects('"by Friday"')).toEqual(['Contract']);
    expect(subjects('has:attachment filename:txt')).toEqual(['お見積りのお願い']);
    expect(subjects('label:pokke-タスク')).toEqual(['Contract']);
    expect(subjects('after:2026/11/22')).toEqual(['Contract']);
    expect(subjects('before:2026/11/21')).toEqual(['お見積りのお願い']);
    expect(subjects('newer_than:3d')).toEqual(['Contract', 'お見積りのお願い']);
    expect(subjects('-from:bob')).toEqual(['お見積りのお願い']);
    expect(subjects('from:bob OR subject:見積')).toEqual(['Contract', 'お見積りのお願い']);
    other.getThread().moveToTrash();
    expect(subjects('subject:contract')).toEqual([]);
    expect(subjects('subject:contract in:trash')).toEqual(['Contract']);
    expect(ws.GmailApp.search('in:anywhere', 1, 5)).toHaveLength(1);
  });

  it('replies in the thread with Re:, In-Reply-To and References, on the quota', () => {
    const { ws, first } = inbox();
    const draft = first.createDraftReply('承知しました。');
    const reply = draft.getMessage();
    expect(reply.getThread()).toBe(first.getThread());
    expect([reply.getSubject(), reply.getTo()]).toEqual([
      'Re: お見積りのお願い',
      '佐藤 花子 <hanako@client.example.jp>',
    ]);
    expect(reply.getHeader('In-Reply-To')).toBe('<req-1@client.example.jp>');
    expect(ws.meter.remaining('email')).toBe(100);
    first.getThread().reply('送付しました。');
    expect(ws.meter.remaining('email')).toBe(99);
    expect(first.getThread().getMessageCount()).toBe(4);
  });

  it('marks, stars, archives and labels', () => {
    const { ws, first, other } = inbox();
    ws.GmailApp.markMessageRead(first);
    expect(first.isUnread()).toBe(false);
    first.star();
    expect(ws.GmailApp.getStarredThreads()).toEqual([first.getThread()]);
    ws.GmailApp.moveThreadToArchive(first.getThread());
    expect(ws.GmailApp.getInboxThreads()).toEqual([other.getThread()]);
    const label = ws.GmailApp.createLabel('Pokke/処理済');
    expect(ws.GmailApp.createLabel('Pokke/処理済')).toBe(label);
    label.addToThread(first.getThread());
    expect(
      first
        .getThread()
        .getLabels()
        .map((l) => l.getName()),
    ).toEqual(['Pokke/処理済']);
    expect(ws.GmailApp.getUserLabelByName('Pokke/処理済')).toBe(label);
    expect(label.getThreads()).toEqual([first.getThread()]);
    ws.GmailApp.deleteLabel(label);
    expect(ws.GmailApp.getUserLabelByName('Pokke/処理済')).toBeNull();
    expect(() => ws.GmailApp.deleteLabel(label)).toThrow('labelId not found');
    expect(() => ws.GmailApp.createLabel('')).toThrow('Invalid label name');
  });

  it('models the add-on’s per-message access token when asked to', () => {
    const { ws, first, answer, other } = inbox();
    ws.GmailApp.requireAccessToken = true;
    const token = ws.GmailApp.accessTokenFor(first.getId());
    const bundle = loadBundle(
      `function open(token, id) {
         if (token) GmailApp.setCurrentMessageAccessToken(token);
         return GmailApp.getMessageById(id).getSubject();
       }`,
      { workspace: ws },
    );
    expect(() => bundle.run('open', [null, first.getId()])).toThrow(GMAIL_ERRORS.missingToken);
    expect(bundle.run('open', [token, first.getId()])).toBe('お見積りのお願い');
    expect(bundle.run('open', [token, answer.getId()])).toBe('Re: お見積りのお願い');
    expect(() => bundle.run('open', [token, other.getId()])).toThrow(GMAIL_ERRORS.missingToken);
    // The token lives for one execution, as on Apps Script.
    expect(() => bundle.run('open', [null, first.getId()])).toThrow(GMAIL_ERRORS.missingToken);
  });
});

describe('toEml', () => {
  it('writes RFC 5322 / MIME that parses back: encoded headers, bodies, attachment', () => {
    const ws = new Workspace({ now: '2026-11-30T10:00:00+09:00' });
    const file = pdf(ws, '<h1>請求書</h1>');
    const draft = ws.GmailApp.createDraft(
      '株式会社サンプル 経理部 <billing@client.example.jp>',
      '【請求書】2026年11月分のご請求（株式会社サンプル様）— とても長い件名で折り返しが必要になります',
      'いつもお世話になっております。\n請求書を添付いたします。\n= 合計 ¥11,000 =',
      {
        attachments: [file],
        htmlBody: '<p>いつもお世話になっております。</p>',
        name: 'ぽっけ "商店"',
        cc: 'boss@example.com',
      },
    );
    const raw = ws.GmailApp.eml(draft.getMessageId());
    expect(draft.getMessage().getRawContent()).toBe(raw);
    expect(raw).not.toMatch(/[^\r]\n/);
    for (const line of raw.split('\r\n')) expect(line.length).toBeLessThanOrEqual(998);
    // biome-ignore lint/suspicious/noControlCharactersInRegex: ASCII check
    expect(raw).toMatch(/^[\x00-\x7f]*$/);

    const mail = parseMime(raw);
    expect(mail.headers.get('mime-version')).toBe('1.0');
    expect(mail.headers.get('date')).toBe('Mon, 30 Nov 2026 10:00:00 +0900');
    expect(decodeWords(mail.headers.get('subject') ?? '')).toBe(
      '【請求書】2026年11月分のご請求（株式会社サンプル様）— とても長い件名で折り返しが必要になります',
    );
    expect(decodeWords(mail.headers.get('to') ?? '')).toBe(
      '株式会社サンプル 経理部 <billing@client.example.jp>',
    );
    expect(decodeWords(mail.headers.get('from') ?? '')).toBe('ぽっけ "商店" <owner@example.com>');
    expect(mail.headers.get('cc')).toBe('boss@example.com');
    expect(mail.headers.get('message-id')).toMatch(/^<.+@mail\.gmail\.com>$/);
    expect(mail.headers.get('content-type')).toMatch(/^multipart\/mixed; boundary=/);

    const [body, attachment] = mail.parts;
    expect(body?.headers.get('content-type')).toMatch(/^multipart\/alternative/);
    expect(content(body?.parts[0] as ParsedPart)).toBe(
      'いつもお世話になっております。\r\n請求書を添付いたします。\r\n= 合計 ¥11,000 =',
    );
    expect(content(body?.parts[1] as ParsedPart)).toBe('<p>いつもお世話になっております。</p>');
    expect(attachment?.headers.get('content-type')).toMatch(
      /^application\/pdf; name="=\?UTF-8\?B\?/,
    );
    const disposition = attachment?.headers.get('content-disposition') ?? '';
    expect(decodeWords(/filename="([^"]+)"/.exec(disposition)?.[1] ?? '')).toBe(
      '20261130_株式会社サンプル_11000.pdf',
    );
    // RFC 2231 continuations: filename*0*=UTF-8''…; filename*1*=…
    const pieces = [...disposition.matchAll(/filename\*(\d+)\*=(?:UTF-8'')?([^;\s]+)/g)];
    expect(decodeURIComponent(pieces.map((m) => m[2]).join(''))).toBe(
      '20261130_株式会社サンプル_11000.pdf',
    );
    expect((content(attachment as ParsedPart) as Buffer).equals(file.raw())).toBe(true);
  });

  it('keeps a plain ASCII text mail simple, and header values on one line', () => {
    const raw = toEml({
      from: 'a@example.com',
      to: 'b@example.com',
      subject: 'Hello\r\nBcc: evil@example.com',
      date: Date.UTC(2026, 10, 24),
      plainBody: 'x'.repeat(200),
    });
    const mail = parseMime(raw);
    expect(mail.headers.get('subject')).toBe('Hello Bcc: evil@example.com');
    expect(mail.headers.has('bcc')).toBe(false);
    expect(mail.headers.get('content-type')).toBe('text/plain; charset="UTF-8"');
    expect(mail.parts).toEqual([]);
    // Quoted-printable keeps lines at 76 characters; the file ends with CRLF.
    for (const line of mail.body.split('\r\n')) expect(line.length).toBeLessThanOrEqual(76);
    expect(content(mail)).toBe(`${'x'.repeat(200)}\r\n`);
    expect(mail.headers.get('date')).toBe('Tue, 24 Nov 2026 00:00:00 +0000');
  });
});

describe('GmailApp through the bundle', () => {
  it('creates a folder, saves an HTML→PDF blob and drafts a mail with it across the vm realm', () => {
    const ws = new Workspace({ now: '2026-11-30T10:00:00+09:00' });
    const bundle = loadBundle(
      `function issue(html, name) {
         var folder = DriveApp.getRootFolder();
         ['Pokke', '請求書', '2026', '11'].forEach(function (part) {
           var it = folder.getFoldersByName(part);
           folder = it.hasNext() ? it.next() : folder.createFolder(part);
         });
         var pdf = Utilities.newBlob(html, MimeType.HTML, 'invoice.html').getAs(MimeType.PDF).setName(name);
         var file = folder.createFile(pdf);
         var draft = GmailApp.createDraft('billing@client.example.jp', '請求書送付のご案内', '添付をご確認ください。', {
           attachments: [file.getBlob()], name: 'ぽっけ商店'
         });
         var message = draft.getMessage();
         return {
           url: file.getUrl(),
           draftId: draft.getId(),
           isDate: message.getDate() instanceof Date,
           attachments: message.getAttachments().map(function (a) { return [a.getName(), a.getContentType()]; }),
           remaining: MailApp.getRemainingDailyQuota()
         };
       }`,
      { workspace: ws },
    );
    const result = bundle.run('issue', ['<h1>請求書</h1>', '20261130_サンプル_11000.pdf']) as {
      url: string;
      draftId: string;
      isDate: boolean;
      attachments: string[][];
      remaining: number;
    };
    expect(result.url).toMatch(
      /^https:\/\/drive\.google\.com\/file\/d\/[\w-]{33}\/view\?usp=drivesdk$/,
    );
    expect(result.isDate).toBe(true);
    expect(result.attachments).toEqual([['20261130_サンプル_11000.pdf', 'application/pdf']]);
    expect(result.remaining).toBe(100);
    expect(ws.DriveApp.allFiles().map((f) => [f.path, f.sourceHtml])).toEqual([
      ['Pokke/請求書/2026/11/20261130_サンプル_11000.pdf', '<h1>請求書</h1>'],
    ]);
    const [mail] = ws.GmailApp.outbox();
    expect(mail?.draftId).toBe(result.draftId);
    expect(mail?.attachments[0]?.sourceHtml).toBe('<h1>請求書</h1>');
    const counts = ws.meter.counts();
    expect(counts['GmailApp.createDraft']).toBe(1);
    expect(counts['GmailApp.GmailDraft.getMessage']).toBe(1);
    expect(counts['GmailApp.GmailAttachment.getName']).toBe(1);
    expect(counts['DriveApp.Folder.createFile']).toBe(1);
    expect(counts['DriveApp.Folder.createFolder']).toBe(4);
    expect(counts['MailApp.getRemainingDailyQuota']).toBe(1);
    // The blob inside the options object crossed the realm as the emulator's own, uncounted.
    expect(counts['DriveApp.Blob.getBytes']).toBeUndefined();
  });

  it('counts calls made through ws.globals()', () => {
    const ws = new Workspace();
    const g = ws.globals() as { GmailApp: GmailAppEmulator };
    g.GmailApp.sendEmail('a@example.jp', 's', 'b');
    g.GmailApp.search('in:sent')[0]?.getMessages()[0]?.getSubject();
    expect(ws.meter.counts()).toEqual({
      'GmailApp.GmailMessage.getSubject': 1,
      'GmailApp.GmailThread.getMessages': 1,
      'GmailApp.search': 1,
      'GmailApp.sendEmail': 1,
    });
  });
});
