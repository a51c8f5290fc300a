import { latencyOf } from '../../emulator/core/latency';
import { loadBundle } from '../../emulator/runtime';
import { Workspace, type WorkspaceOptions } from '../../emulator/workspace';
import { buildMime, type MimeMail } from '../../src/core/mime';
import { header, leafParts } from '../playground/support/mime';

type GGmail = GoogleAppsScript.Gmail;

const GMAIL_V1 = { userSymbol: 'Gmail', serviceId: 'gmail', version: 'v1' } as const;
const COMPOSE = 'https://www.googleapis.com/auth/gmail.compose';

function setup(options: WorkspaceOptions = {}) {
  const ws = new Workspace({
    now: '2026-11-30T18:00:00+09:00',
    advancedServices: [GMAIL_V1],
    ...options,
  });
  const Gmail = ws.globals().Gmail as GGmail;
  const raw = (mail: MimeMail) => ws.Utilities.base64EncodeWebSafe(buildMime(mail));
  return { ws, Gmail, raw };
}

const SUBJECT = '【株式会社ぽっけ商店】2026年11月分 請求書送付のご案内(2026-11-0003)';

function invoiceMail(ws: Workspace): MimeMail {
  const pdf = ws.Utilities.newBlob('<p>請求書</p>', 'text/html', 'a.html').getAs('application/pdf');
  return {
    from: { name: '株式会社ぽっけ商店', email: 'owner@example.com' },
    to: '山田 花子 <hanako@yamada.example.com>',
    subject: SUBJECT,
    text: '請求書をお送りします。\n以上',
    html: '<p>請求書をお送りします。</p>',
    attachments: [
      {
        name: '20261130_山田デザイン事務所_60500.pdf',
        contentType: 'application/pdf',
        base64: ws.Utilities.base64Encode(pdf.getBytes()),
      },
    ],
  };
}

describe('Utilities.base64EncodeWebSafe (what raw is made with)', () => {
  it('is web-safe base64 with padding, of UTF-8 for a string', () => {
    const ws = new Workspace();
    for (const s of ['', 'a', 'ab', '請求書?>>', '\u00ff\u00fe']) {
      const expected = Buffer.from(s, 'utf8')
        .toString('base64')
        .replace(/\+/g, '-')
        .replace(/\//g, '_');
      expect(ws.Utilities.base64EncodeWebSafe(s)).toBe(expected);
    }
    expect(ws.Utilities.base64EncodeWebSafe([-5, -1, 62])).toBe('-_8-');
  });
});

describe('Gmail advanced service (v1): drafts', () => {
  it('files a raw draft in the mailbox GmailApp shares: outbox, attachments, .eml', () => {
    const { ws, Gmail, raw } = setup();
    const draft = Gmail.Users.Drafts.create({ message: { raw: raw(invoiceMail(ws)) } }, 'me');
    expect(draft).toEqual({
      id: expect.stringMatching(/^r-?\d+$/),
      message: {
        id: expect.stringMatching(/^[0-9a-f]{16}$/),
        threadId: expect.any(String),
        labelIds: ['DRAFT'],
      },
    });
    const [mail] = ws.GmailApp.outbox();
    expect(mail).toMatchObject({
      kind: 'draft',
      via: 'Gmail',
      draftId: draft.id,
      messageId: draft.message?.id,
      from: '株式会社ぽっけ商店 <owner@example.com>',
      to: '山田 花子 <hanako@yamada.example.com>',
      subject: SUBJECT,
      plainBody: '請求書をお送りします。\n以上',
      htmlBody: '<p>請求書をお送りします。</p>',
      url: `https://mail.google.com/mail/#drafts?compose=${draft.message?.id}`,
    });
    expect(mail?.attachments).toEqual([
      expect.objectContaining({
        name: '20261130_山田デザイン事務所_60500.pdf',
        contentType: 'application/pdf',
        sourceHtml: '<p>請求書</p>',
      }),
    ]);
    // GmailApp sees it too, and the .eml export carries it.
    expect(ws.GmailApp.getDrafts().map((d) => d.getId())).toEqual([draft.id]);
    const eml = ws.GmailApp.eml(draft.message?.id as string);
    expect(header(eml, 'Subject')).toBe(SUBJECT);
    expect(leafParts(eml).map((p) => p.contentType)).toEqual([
      'text/plain',
      'text/html',
      'application/pdf',
    ]);
    // Drafts cost no sending quota.
    expect(ws.MailApp.getRemainingDailyQuota()).toBe(100);
  });

  it('lists drafts newest first and gets one as metadata, raw or full', () => {
    const { ws, Gmail, raw } = setup();
    const first = Gmail.Users.Drafts.create({ message: { raw: raw(invoiceMail(ws)) } }, 'me');
    ws.clock.advance(60_000);
    const second = Gmail.Users.Drafts.create(
      { message: { raw: raw({ to: 'a@example.com', subject: 'Hello', text: 'x' }) } },
      'me',
    );
    const list = Gmail.Users.Drafts.list('me');
    expect(list.drafts?.map((d) => d.id)).toEqual([second.id, first.id]);
    expect(list.resultSizeEstimate).toBe(2);
    expect(Gmail.Users.Drafts.list('me', { fields: 'drafts/id,nextPageToken' })).toEqual({
      drafts: [{ id: second.id }, { id: first.id }],
    });
    const paged = Gmail.Users.Drafts.list('me', { maxResults: 1 });
    expect(paged.drafts?.map((d) => d.id)).toEqual([second.id]);
    expect(
      Gmail.Users.Drafts.list('me', { maxResults: 1, pageToken: paged.nextPageToken }).drafts?.map(
        (d) => d.id,
      ),
    ).toEqual([first.id]);
    expect(Gmail.Users.Drafts.list('me', { q: 'subject:Hello' }).drafts?.map((d) => d.id)).toEqual([
      second.id,
    ]);

    const meta = Gmail.Users.Drafts.get('me', first.id as string, {
      format: 'metadata',
      metadataHeaders: ['Subject'],
      fields: 'id,message(id,payload/headers)',
    });
    expect(meta).toEqual({
      id: first.id,
      message: {
        id: first.message?.id,
        payload: { headers: [{ name: 'Subject', value: SUBJECT }] },
      },
    });
    const asRaw = Gmail.Users.Drafts.get('me', first.id as string, { format: 'raw' });
    expect(Buffer.from(asRaw.message?.raw as string, 'base64url').toString('utf8')).toBe(
      buildMime(invoiceMail(ws)),
    );
    const full = Gmail.Users.Drafts.get('me', first.id as string);
    const payload = full.message?.payload;
    expect(payload?.mimeType).toBe('multipart/mixed');
    expect(payload?.parts?.map((p) => [p.partId, p.mimeType, p.filename])).toEqual([
      ['0', 'multipart/alternative', ''],
      ['1', 'application/pdf', '20261130_山田デザイン事務所_60500.pdf'],
    ]);
    const text = payload?.parts?.[0]?.parts?.[0]?.body?.data as string;
    expect(Buffer.from(text, 'base64url').toString('utf8')).toBe('請求書をお送りします。\r\n以上');
    expect(payload?.parts?.[1]?.body?.attachmentId).toEqual(expect.any(String));
    expect(full.message?.labelIds).toEqual(['DRAFT']);
    expect(full.message?.snippet).toBe('請求書をお送りします。 以上');
  });

  it('sends a draft and a raw message; Sent gets them, the mailbox drops the draft', () => {
    const { ws, Gmail, raw } = setup();
    const d = Gmail.Users.Drafts.create({ message: { raw: raw(invoiceMail(ws)) } }, 'me');
    const sent = Gmail.Users.Drafts.send({ id: d.id }, 'me');
    expect(sent).toEqual({ id: d.message?.id, threadId: expect.any(String), labelIds: ['SENT'] });
    expect(Gmail.Users.Drafts.list('me')).toEqual({ resultSizeEstimate: 0 });
    const m = Gmail.Users.Messages.send(
      { raw: raw({ to: 'owner@example.com', subject: 'Note', text: 'to self' }) },
      'me',
    );
    expect(m.labelIds?.sort()).toEqual(['INBOX', 'SENT']);
    expect(ws.GmailApp.outbox().map((x) => [x.kind, x.via, x.subject])).toEqual([
      ['sent', 'Gmail', SUBJECT],
      ['sent', 'Gmail', 'Note'],
    ]);
    const got = Gmail.Users.Messages.get('me', m.id as string, { format: 'metadata' });
    expect(got.payload?.headers?.find((h) => h.name === 'To')?.value).toBe('owner@example.com');
  });

  it('rewrites a From that is not the account, as Gmail does', () => {
    const { ws, Gmail, raw } = setup();
    Gmail.Users.Drafts.create(
      {
        message: {
          raw: raw({
            from: { name: 'Someone', email: 'ceo@elsewhere.example' },
            to: 'a@example.com',
            subject: 'x',
            text: '',
          }),
        },
      },
      'me',
    );
    expect(ws.GmailApp.outbox()[0]?.from).toBe('Someone <owner@example.com>');
  });

  it('fails as the API does: missing message, bad headers, unknown ids, other users', () => {
    const { Gmail, raw } = setup();
    const err = (m: string, r: string) => `API call to gmail.users.${m} failed with error: ${r}`;
    expect(() => Gmail.Users.Drafts.create({ message: {} }, 'me')).toThrow(
      err('drafts.create', 'Missing draft message'),
    );
    const bad = Buffer.from('To: not an address\r\nSubject: x\r\n\r\nbody').toString('base64url');
    expect(() => Gmail.Users.Drafts.create({ message: { raw: bad } }, 'me')).toThrow(
      err('drafts.create', 'Invalid To header'),
    );
    expect(() => Gmail.Users.Drafts.get('me', 'r123')).toThrow(
      err('drafts.get', 'Requested entity was not found.'),
    );
    expect(() => Gmail.Users.Drafts.list('other@example.com')).toThrow(
      err('drafts.list', 'Delegation denied for other@example.com'),
    );
    const noTo = Buffer.from('Subject: x\r\n\r\nbody').toString('base64url');
    const d = Gmail.Users.Drafts.create({ message: { raw: noTo } }, 'me');
    expect(() => Gmail.Users.Drafts.send({ id: d.id }, 'me')).toThrow(
      err('drafts.send', 'Recipient address required'),
    );
    expect(() => Gmail.Users.Drafts.get('me', d.id as string, { format: 'everything' })).toThrow(
      err('drafts.get', 'Invalid value for format'),
    );
    expect(raw({ to: 'a@example.com', subject: 'x', text: '' })).toMatch(/^[A-Za-z0-9_-]+=*$/);
  });
});

describe('Gmail advanced service (v1): scopes and the bundle', () => {
  it('with gmail.compose makes drafts but cannot read messages', () => {
    const { Gmail, raw } = setup({ oauthScopes: [COMPOSE] });
    const d = Gmail.Users.Drafts.create(
      { message: { raw: raw({ to: 'a@example.com', subject: 'x', text: '' }) } },
      'me',
    );
    expect(Gmail.Users.getProfile('me').emailAddress).toBe('owner@example.com');
    expect(Gmail.Users.Drafts.get('me', d.id as string, { format: 'metadata' }).id).toBe(d.id);
    expect(() => Gmail.Users.Messages.get('me', d.message?.id as string)).toThrow(
      'API call to gmail.users.messages.get failed with error: Request had insufficient authentication scopes.',
    );
    const none = setup({ oauthScopes: ['https://www.googleapis.com/auth/script.send_mail'] });
    expect(() => none.Gmail.Users.Drafts.list('me')).toThrow('insufficient authentication scopes');
  });

  it('counts calls as Gmail.Users.Drafts.create and exists only when enabled', () => {
    const script = `
      function draft(raw) {
        var me = Gmail.Users.getProfile('me').emailAddress;
        var d = Gmail.Users.Drafts.create({ message: { raw: raw } }, 'me');
        return [me, d.message.labelIds[0]];
      }`;
    expect(() => loadBundle(script).run('draft', ['x'])).toThrow('Gmail is not defined');
    const bundle = loadBundle(script, {
      manifest: { dependencies: { enabledAdvancedServices: [GMAIL_V1] }, oauthScopes: [COMPOSE] },
    });
    const raw = Buffer.from(
      buildMime({ to: 'a@example.com', subject: '件名', text: '本文' }),
    ).toString('base64url');
    expect(bundle.run('draft', [raw])).toEqual(['owner@example.com', 'DRAFT']);
    expect(bundle.workspace.meter.counts()).toEqual({
      'Gmail.Users.getProfile': 1,
      'Gmail.Users.Drafts.create': 1,
    });
    expect(bundle.workspace.GmailApp.outbox()[0]?.subject).toBe('件名');
    expect(latencyOf('Gmail.Users.Drafts.create')).toBe(400);
    expect(latencyOf('Gmail.Users.Drafts.get')).toBe(150);
    expect(latencyOf('Gmail.Users.Drafts.list')).toBe(250);
    expect(latencyOf('Gmail.Users.getProfile')).toBe(150);
  });
});
