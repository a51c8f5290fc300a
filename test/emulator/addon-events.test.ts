import {
  buildActionEvent,
  buildGmailContextualEvent,
  buildHomepageEvent,
  gmailEventFields,
  localeTag,
  workspaceEventOptions,
} from '../../emulator/addon-events';
import * as cardRender from '../../emulator/card-render';
import { loadBundle } from '../../emulator/runtime';
import { GMAIL_ERRORS } from '../../emulator/services/gmail';
import { Workspace } from '../../emulator/workspace';

function mailbox() {
  const ws = new Workspace({ now: '2026-11-24T09:00:00+09:00' });
  const mail = ws.GmailApp.deliver({
    from: '佐藤 花子 <hanako@client.example.jp>',
    subject: 'お見積りのお願い',
    plainBody: '11/30までにお願いします。',
    date: '2026-11-20T10:00:00+09:00',
  });
  const other = ws.GmailApp.deliver({
    from: 'bob@example.com',
    subject: 'Contract',
    plainBody: 'Friday',
    date: '2026-11-22T10:00:00+09:00',
  });
  return { ws, mail, other };
}

describe('add-on event objects', () => {
  it('homepage: commonEventObject and the legacy fields, no message', () => {
    const ws = new Workspace({ now: '2026-11-24T09:00:00+09:00' });
    const e = buildHomepageEvent({ host: 'gmail', ...workspaceEventOptions(ws) });
    expect(e).toEqual({
      commonEventObject: {
        hostApp: 'GMAIL',
        platform: 'WEB',
        userLocale: 'ja-JP',
        timeZone: { id: 'Asia/Tokyo', offset: 32400000 },
      },
      userLocale: 'ja',
      userCountry: 'JP',
      userTimezone: { id: 'Asia/Tokyo', offSet: '32400000' },
      clientPlatform: 'web',
      hostApp: 'gmail',
    });
    expect(e.gmail).toBeUndefined();
    const ny = buildHomepageEvent({
      host: 'gmail',
      userLocale: 'en-US',
      timeZone: 'America/New_York',
      at: Date.UTC(2026, 6, 1),
      platform: 'ANDROID',
    });
    expect(ny.commonEventObject).toEqual({
      hostApp: 'GMAIL',
      platform: 'ANDROID',
      userLocale: 'en-US',
      timeZone: { id: 'America/New_York', offset: -4 * 3600_000 },
    });
  });

  it('Gmail contextual: the open message, its thread and a token for it', () => {
    const { ws, mail } = mailbox();
    const e = buildGmailContextualEvent(ws, mail.getId());
    expect(e.commonEventObject).toEqual({
      hostApp: 'GMAIL',
      platform: 'WEB',
      userLocale: 'ja-JP',
      timeZone: { id: 'Asia/Tokyo', offset: 32400000 },
    });
    expect(e.gmail).toEqual({
      messageId: mail.getId(),
      threadId: mail.getThread().getId(),
      accessToken: ws.GmailApp.accessTokenFor(mail.getId()),
    });
    expect(e.messageMetadata).toEqual({
      messageId: mail.getId(),
      threadId: mail.getThread().getId(),
      accessToken: e.gmail?.accessToken,
    });
    expect(() => buildGmailContextualEvent(ws, 'nope')).toThrow('no message nope');
  });

  it('the token opens that message only, and only after setCurrentMessageAccessToken', () => {
    const { ws, mail, other } = mailbox();
    ws.GmailApp.requireAccessToken = true;
    const b = loadBundle(
      `function onGmailMessage(e) {
         GmailApp.setCurrentMessageAccessToken(e.gmail.accessToken);
         return GmailApp.getMessageById(e.gmail.messageId).getSubject();
       }
       function forgetsToken(e) { return GmailApp.getMessageById(e.gmail.messageId).getSubject(); }
       function otherMessage(e, id) {
         GmailApp.setCurrentMessageAccessToken(e.gmail.accessToken);
         return GmailApp.getMessageById(id).getSubject();
       }`,
      { workspace: ws },
    );
    const e = buildGmailContextualEvent(ws, mail.getId());
    expect(b.run('onGmailMessage', [e])).toBe('お見積りのお願い');
    expect(() => b.run('forgetsToken', [e])).toThrow(GMAIL_ERRORS.missingToken);
    expect(() => b.run('otherMessage', [e, other.getId()])).toThrow(GMAIL_ERRORS.missingToken);
    // A card action of the contextual card carries the same gmail object.
    const action = buildActionEvent({
      host: 'gmail',
      ...workspaceEventOptions(ws),
      gmail: gmailEventFields(ws, mail.getId()),
      parameters: { step: 'save' },
    });
    expect(b.run('onGmailMessage', [action])).toBe('お見積りのお願い');
  });

  it('card action: parameters, formInputs shapes and the legacy fields', () => {
    const e = buildActionEvent({
      host: 'gmail',
      at: Date.UTC(2026, 10, 24),
      parameters: { messageId: 'm-1' },
      formValues: { title: '見積書を送る', due: { date: Date.UTC(2026, 10, 30) }, none: '' },
      gmail: { messageId: 'm-1', threadId: 't-1', accessToken: 'tok' },
    });
    expect(e.commonEventObject.parameters).toEqual({ messageId: 'm-1' });
    expect(e.commonEventObject.formInputs).toEqual({
      title: { stringInputs: { value: ['見積書を送る'] } },
      due: { dateInput: { msSinceEpoch: String(Date.UTC(2026, 10, 30)) } },
    });
    expect(e).toMatchObject({
      formInput: { title: '見積書を送る', due: { msSinceEpoch: Date.UTC(2026, 10, 30) } },
      formInputs: { title: ['見積書を送る'] },
      parameters: { messageId: 'm-1' },
    });
    // In Gmail the gmail object is always there, empty when no message is open.
    expect(buildActionEvent({ host: 'gmail', at: 0 }).gmail).toEqual({
      messageId: '',
      threadId: '',
      accessToken: '',
    });
  });

  it('card-render re-exports the same builders for its callers', () => {
    expect(cardRender.buildActionEvent).toBe(buildActionEvent);
    expect(typeof cardRender.eventFormInputs).toBe('function');
    expect(typeof cardRender.initialFormValues).toBe('function');
  });

  it('turns a workspace locale into a language-COUNTRY tag', () => {
    expect(localeTag('ja')).toBe('ja-JP');
    expect(localeTag('en')).toBe('en-US');
    expect(localeTag('en_GB')).toBe('en-GB');
    expect(localeTag('fr')).toBe('fr-FR');
  });
});
