import { buildGmailContextualEvent, buildHomepageEvent } from '../../emulator/addon-events';
import {
  addonTriggerFunction,
  missingAddonFunctions,
  readAddonManifest,
  runAddonTrigger,
} from '../../emulator/addon-manifest';
import { CARD_RESPONSE_LIMIT_MS, EXECUTION_LIMIT_MESSAGE } from '../../emulator/core/meter';
import { loadBundle } from '../../emulator/runtime';
import { Workspace } from '../../emulator/workspace';

const MANIFEST = {
  timeZone: 'Asia/Tokyo',
  runtimeVersion: 'V8',
  addOns: {
    common: {
      name: 'Pokke',
      logoUrl: 'https://example.com/pokke.png',
      homepageTrigger: { runFunction: 'onHomepage' },
      universalActions: [
        { label: 'ヘルプ', openLink: 'https://example.com/help' },
        { label: '設定', runFunction: 'onSettings' },
      ],
    },
    gmail: {
      contextualTriggers: [{ unconditional: {}, onTriggerFunction: 'onGmailMessage' }],
    },
  },
};

function withAddOns(patch: (a: Record<string, unknown>) => void): unknown {
  const m = structuredClone(MANIFEST) as { addOns: Record<string, unknown> };
  patch(m.addOns);
  return m;
}

describe('manifest addOns', () => {
  it('resolves the homepage, contextual and universal-action functions', () => {
    const addon = readAddonManifest(MANIFEST);
    expect(addon).toMatchObject({
      name: 'Pokke',
      hosts: ['gmail'],
      homepage: { gmail: 'onHomepage' },
      gmailContextual: ['onGmailMessage'],
    });
    expect(addon.functions).toEqual(['onHomepage', 'onGmailMessage', 'onSettings']);
    expect(addonTriggerFunction(MANIFEST, 'homepage')).toBe('onHomepage');
    expect(addonTriggerFunction(MANIFEST, 'contextual')).toBe('onGmailMessage');
    expect(addonTriggerFunction(MANIFEST, { universalAction: '設定' })).toBe('onSettings');
    expect(() => addonTriggerFunction(MANIFEST, { universalAction: 'ヘルプ' })).toThrow(
      'opens a link',
    );
    expect(() => addonTriggerFunction(MANIFEST, 'homepage', 'calendar')).toThrow(
      'no addOns.calendar section',
    );
  });

  it('lets a host override or disable the common homepage', () => {
    const own = withAddOns((a) => {
      (a.gmail as Record<string, unknown>).homepageTrigger = { runFunction: 'onGmailHome' };
    });
    expect(addonTriggerFunction(own, 'homepage')).toBe('onGmailHome');
    const off = withAddOns((a) => {
      (a.gmail as Record<string, unknown>).homepageTrigger = {
        runFunction: 'onGmailHome',
        enabled: false,
      };
    });
    expect(() => addonTriggerFunction(off, 'homepage')).toThrow('No homepage trigger for gmail');
  });

  it('refuses malformed sections with the path of each problem', () => {
    const bad = (patch: (a: Record<string, unknown>) => void) => () =>
      readAddonManifest(withAddOns(patch));
    expect(() => readAddonManifest({ timeZone: 'Asia/Tokyo' })).toThrow('no addOns section');
    expect(
      bad((a) => {
        delete (a.common as Record<string, unknown>).logoUrl;
      }),
    ).toThrow(/^Invalid appsscript.json addOns: addOns\.common\.logoUrl: /);
    expect(
      bad((a) => {
        a.gmail = { contextualTriggers: [{ onTriggerFunction: 'onGmailMessage' }] };
      }),
    ).toThrow('addOns.gmail.contextualTriggers[0].unconditional');
    expect(
      bad((a) => {
        a.gmail = {
          contextualTriggers: [{ unconditional: {}, onTriggerFunction: 'Pokke.onGmail' }],
        };
      }),
    ).toThrow('addOns.gmail.contextualTriggers[0].onTriggerFunction: expected the name');
    expect(
      bad((a) => {
        (a.common as Record<string, unknown>).universalActions = [
          { label: 'x', openLink: 'https://e.com', runFunction: 'f' },
        ];
      }),
    ).toThrow('exactly one of openLink and runFunction');
    expect(
      bad((a) => {
        a.gmial = {};
      }),
    ).toThrow('gmial');
    expect(
      bad((a) => {
        (a.common as Record<string, unknown>).homepageTrigger = { runFunction: 'f', enable: true };
      }),
    ).toThrow('addOns.common.homepageTrigger');
  });

  it('lists manifest functions the bundle does not define', () => {
    expect(missingAddonFunctions(MANIFEST, ['onHomepage', 'onGmailMessage'])).toEqual([
      'onSettings',
    ]);
  });
});

const SCRIPT = `
  function card(title) {
    return CardService.newCardBuilder()
      .setHeader(CardService.newCardHeader().setTitle(title))
      .addSection(CardService.newCardSection().addWidget(CardService.newTextParagraph().setText('<b>' + title + '</b>')))
      .build();
  }
  function onHomepage(e) { return card('ホーム ' + e.commonEventObject.hostApp); }
  function onGmailMessage(e) {
    GmailApp.setCurrentMessageAccessToken(e.gmail.accessToken);
    var subject = GmailApp.getMessageById(e.gmail.messageId).getSubject();
    return [card(subject)];
  }
  function onSettings(e) {
    return CardService.newActionResponseBuilder()
      .setNavigation(CardService.newNavigation().pushCard(card('設定')))
      .build();
  }
`;

describe('runAddonTrigger', () => {
  function setup(script = SCRIPT) {
    const ws = new Workspace({ now: '2026-11-24T09:00:00+09:00' });
    ws.GmailApp.requireAccessToken = true;
    const mail = ws.GmailApp.deliver({
      from: 'hanako@client.example.jp',
      subject: 'お見積りのお願い',
      plainBody: '本文',
      date: '2026-11-20T10:00:00+09:00',
    });
    return { ws, mail, bundle: loadBundle(script, { workspace: ws }) };
  }

  it('runs the homepage and renders its card', () => {
    const { ws, bundle } = setup();
    const r = runAddonTrigger(
      bundle,
      MANIFEST,
      'homepage',
      buildHomepageEvent({ host: 'gmail', at: ws.clock.now() }),
    );
    expect(r.functionName).toBe('onHomepage');
    expect(r.cards).toHaveLength(1);
    expect(r.cards[0]?.header?.title).toBe('ホーム GMAIL');
    expect(r.html[0]).toContain('<b>ホーム GMAIL</b>');
    expect(r.execution).toMatchObject({ limitMs: CARD_RESPONSE_LIMIT_MS, exceeded: false });
  });

  it('runs the contextual trigger with the message’s token; an array of cards renders', () => {
    const { ws, mail, bundle } = setup();
    const r = runAddonTrigger(
      bundle,
      MANIFEST,
      'contextual',
      buildGmailContextualEvent(ws, mail.getId()),
    );
    expect(Array.isArray(r.response)).toBe(true);
    expect(r.cards.map((c) => c.header?.title)).toEqual(['お見積りのお願い']);
    expect(r.html[0]).toContain('pk-card');
  });

  it('renders the card an action response pushes', () => {
    const { ws, bundle } = setup();
    const r = runAddonTrigger(
      bundle,
      MANIFEST,
      { universalAction: '設定' },
      buildHomepageEvent({ host: 'gmail', at: ws.clock.now() }),
    );
    expect(r.response).toMatchObject({ kind: 'ActionResponse' });
    expect(r.cards.map((c) => c.header?.title)).toEqual(['設定']);
  });

  it('refuses a trigger that returns no card, or a function the bundle lacks', () => {
    const { bundle } = setup(`function onHomepage() { return 'hello'; }`);
    expect(() => runAddonTrigger(bundle, MANIFEST, 'homepage')).toThrow(
      'onHomepage must return a built Card',
    );
    expect(() => runAddonTrigger(bundle, MANIFEST, 'contextual')).toThrow(
      'Script function not found: onGmailMessage',
    );
  });

  it('ends a card trigger past 30 seconds, while a plain run keeps its 6 minutes', () => {
    const slow = (ms: number) => `function onHomepage() {
      Utilities.sleep(${ms});
      return CardService.newCardBuilder()
        .addSection(CardService.newCardSection().addWidget(CardService.newTextParagraph().setText('ok')))
        .build();
    }`;
    const fast = setup(slow(25_000));
    expect(runAddonTrigger(fast.bundle, MANIFEST, 'homepage').execution?.exceeded).toBe(false);

    const { ws, bundle } = setup(slow(31_000));
    expect(() => runAddonTrigger(bundle, MANIFEST, 'homepage')).toThrow(EXECUTION_LIMIT_MESSAGE);
    expect(ws.meter.lastExecution).toMatchObject({
      label: 'onHomepage',
      limitMs: CARD_RESPONSE_LIMIT_MS,
      exceeded: true,
    });
    // The shorter limit was for that execution only.
    bundle.run('onHomepage');
    expect(ws.meter.lastExecution).toMatchObject({ limitMs: 6 * 60 * 1000, exceeded: false });
  });
});
