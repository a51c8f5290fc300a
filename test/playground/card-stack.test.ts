/**
 * The add-on pane's card stack (playground/card-stack.ts) and how the pane applies what the
 * bundle returns (playground/addon-card.ts): push with a back arrow that pops, pop, popToRoot,
 * popToCard, updateCard, chained steps in order, notifications, links, universal and compose
 * responses, a homepage of several cards shown as a list, and a Card returned by an action
 * refused. No browser: a small script in the emulator stands for the bundle.
 */

import { loadBundle } from '../../emulator/runtime';
import type { CardJson } from '../../emulator/services/card';
import { AddonCard, type AddonCard as AddonCardType } from '../../playground/addon-card';
import { CardStack } from '../../playground/card-stack';

const card = (name: string): CardJson => ({
  name,
  header: { title: name },
  sections: [{ widgets: [{ textParagraph: { text: name } }] }],
});

/** A homepage card named `h` whose only button runs `action` (the response kinds tested below). */
function homeOnly(action: string) {
  const bundle = loadBundle(`${SCRIPT} function h() { return cardNamed('h', '${action}'); }`);
  const addon = new AddonCard(
    bundle,
    {
      addOns: {
        common: { name: 'P', logoUrl: 'https://e.com/l.png' },
        gmail: { homepageTrigger: { runFunction: 'h' } },
      },
    },
    'gmail',
  );
  const execute = (_n: string, call: () => unknown) => ({ ok: true, value: call() });
  addon.home(execute);
  return { addon, execute };
}

describe('CardStack', () => {
  it('pushes, pops (never the root), pops to the root and to a named card, updates the top', () => {
    const s = new CardStack();
    s.reset([card('home')]);
    expect(s.pop()).toBe(false);
    expect(s.names()).toEqual(['home']);
    s.push(card('a'));
    s.push(card('b'));
    s.push(card('c'));
    expect(s.names()).toEqual(['home', 'a', 'b', 'c']);
    expect(s.pop()).toBe(true);
    expect(s.topCard?.name).toBe('b');
    s.update(card('b2'));
    expect(s.names()).toEqual(['home', 'a', 'b2']);
    expect(s.popToCard('a')).toBe(true);
    expect(s.names()).toEqual(['home', 'a']);
    expect(s.popToCard('nowhere')).toBe(false);
    expect(s.names()).toEqual(['home', 'a']);
    s.popToRoot();
    expect(s.names()).toEqual(['home']);
    s.update(card('home2'));
    expect(s.names()).toEqual(['home2']);
  });

  it('applies a chained Navigation in order, not only its first card', () => {
    const s = new CardStack();
    s.reset([card('home')]);
    s.apply([
      { pushCard: card('list') },
      { pushCard: card('detail') },
      { pop: true },
      { updateCard: card('list2') },
      { pushCard: card('done') },
    ]);
    expect(s.names()).toEqual(['home', 'list2', 'done']);
    s.apply([{ popToRoot: true }, { pushCard: card('again') }, { popToCard: 'home' }]);
    expect(s.names()).toEqual(['home']);
  });

  it('several cards from a trigger: a list of their headers, each one opened on top of it', () => {
    const s = new CardStack();
    s.reset([card('x'), card('y')]);
    expect(s.top).toEqual({ kind: 'list', cards: [card('x'), card('y')] });
    expect(s.topCard).toBeNull();
    expect(s.open(5)).toBe(false);
    expect(s.open(1)).toBe(true);
    expect(s.topCard?.name).toBe('y');
    expect(s.pop()).toBe(true);
    expect(s.top?.kind).toBe('list');
    s.reset([]);
    expect(s.depth).toBe(0);
  });
});

const SCRIPT = `
  function cardNamed(name, fn) {
    var section = CardService.newCardSection()
      .addWidget(CardService.newTextParagraph().setText('カード ' + name));
    if (fn) {
      section.addWidget(CardService.newTextButton().setText(fn)
        .setOnClickAction(CardService.newAction().setFunctionName(fn)));
    }
    return CardService.newCardBuilder().setName(name)
      .setHeader(CardService.newCardHeader().setTitle('見出し ' + name))
      .addSection(section).build();
  }
  function home() { return cardNamed('home', 'goDeep'); }
  function homes() { return [cardNamed('first', 'goDeep'), cardNamed('second')]; }
  function goDeep() {
    return CardService.newActionResponseBuilder()
      .setNavigation(CardService.newNavigation()
        .pushCard(cardNamed('one'))
        .pushCard(cardNamed('two', 'finish')))
      .setNotification(CardService.newNotification().setText('進みました'))
      .build();
  }
  function finish() {
    return CardService.newActionResponseBuilder()
      .setNavigation(CardService.newNavigation().popToNamedCard('home').updateCard(cardNamed('home', 'returnsCard')))
      .setOpenLink(CardService.newOpenLink().setUrl('https://example.com/done'))
      .build();
  }
  function returnsCard() { return cardNamed('wrong'); }
  function universal() {
    return CardService.newUniversalActionResponseBuilder()
      .displayAddOnCards([cardNamed('u1'), cardNamed('u2')]).build();
  }
  function compose() {
    var draft = GmailApp.createDraft('client@example.com', 'お見積りの件', '本文');
    return CardService.newComposeActionResponseBuilder().setGmailDraft(draft).build();
  }
  function linkOnly() {
    return CardService.newActionResponseBuilder()
      .setOpenLink(CardService.newOpenLink().setUrl('javascript:alert(1)')).build();
  }
`;

type Execute = (
  name: string,
  call: () => unknown,
) => { ok: boolean; value?: unknown; message?: string };

function pane(homepage: string): { addon: AddonCardType; runs: string[]; execute: Execute } {
  const manifest = {
    addOns: {
      common: { name: 'Pokke', logoUrl: 'https://example.com/l.png' },
      gmail: { homepageTrigger: { runFunction: homepage } },
    },
  };
  const bundle = loadBundle(SCRIPT, { now: Date.parse('2026-11-24T00:00:00Z') });
  const runs: string[] = [];
  const addon = new AddonCard(bundle, manifest, 'gmail');
  const execute: Execute = (name, call) => {
    runs.push(name);
    try {
      return { ok: true, value: call() };
    } catch (e) {
      return { ok: false, message: (e as Error).message };
    }
  };
  expect(addon.home(execute)).toEqual({ ok: true });
  return { addon, runs, execute };
}

describe('AddonCard (a pane of the playground)', () => {
  it('pushes every card of a chained Navigation; the back arrow pops; shows the notification', () => {
    const { addon, execute } = pane('home');
    expect(addon.view().depth).toBe(1);
    expect(addon.view().cardHtml).not.toContain('data-nav-back');
    expect(addon.action('goDeep', {}, {}, execute)).toEqual({ ok: true });
    expect(addon.stackNames()).toEqual(['home', 'one', 'two']);
    const view = addon.view();
    expect(view.notification).toBe('進みました');
    expect(view.depth).toBe(3);
    expect(view.cardHtml).toContain('見出し two');
    expect(view.cardHtml).toContain('data-nav-back');
    // Only the card on top can be acted on.
    expect(addon.action('goDeep', {}, {}, execute).ok).toBe(false);
    expect(addon.back()).toEqual({ ok: true });
    expect(addon.stackNames()).toEqual(['home', 'one']);
    expect(addon.view().notification).toBe('');
    expect(addon.back()).toEqual({ ok: true });
    expect(addon.view().cardHtml).not.toContain('data-nav-back');
    expect(addon.back().ok).toBe(false);
  });

  it('pops to a named card and updates it; the link to open is offered', () => {
    const { addon, execute } = pane('home');
    addon.action('goDeep', {}, {}, execute);
    expect(addon.action('finish', {}, {}, execute)).toEqual({ ok: true });
    expect(addon.stackNames()).toEqual(['home']);
    expect(addon.view().cardHtml).toContain('returnsCard');
    expect(addon.view().openLink).toEqual({ url: 'https://example.com/done' });
  });

  it('refuses a Card returned by an action: the run completes, the card stays, the error shows', () => {
    const { addon, runs, execute } = pane('home');
    addon.action('goDeep', {}, {}, execute);
    addon.action('finish', {}, {}, execute);
    const outcome = addon.action('returnsCard', {}, {}, execute);
    expect(outcome.ok).toBe(false);
    expect(outcome.message).toMatch(/^returnsCard returned a Card: an action's callback must/);
    expect(runs.at(-1)).toBe('returnsCard');
    expect(addon.stackNames()).toEqual(['home']);
  });

  it('a homepage of several cards shows the list of their headers; one opens with a back arrow', () => {
    const { addon } = pane('homes');
    const list = addon.view().cardHtml ?? '';
    expect(list).toContain('data-nav-card="0"');
    expect(list).toContain('見出し first');
    expect(list).toContain('見出し second');
    expect(addon.card).toBeNull();
    expect(addon.openListed(3).ok).toBe(false);
    expect(addon.navigate({ action: 'open', index: 0 })).toEqual({ ok: true });
    expect(addon.card?.name).toBe('first');
    expect(addon.view().cardHtml).toContain('data-nav-back');
    expect(addon.navigate({ action: 'back' })).toEqual({ ok: true });
    expect(addon.view().cardHtml).toContain('data-nav-card="1"');
  });

  it('a link with a scheme other than http(s) or mailto is not offered', () => {
    const { addon, execute } = homeOnly('linkOnly');
    expect(addon.action('linkOnly', {}, {}, execute)).toEqual({ ok: true });
    expect(addon.view().openLink).toBeUndefined();
  });

  it('a universal action’s cards replace the stack', () => {
    const { addon, execute } = homeOnly('universal');
    expect(addon.action('universal', {}, {}, execute)).toEqual({ ok: true });
    expect(addon.view().depth).toBe(1);
    expect(addon.view().cardHtml).toContain('見出し u2');
  });

  it('a compose action’s draft is named (Gmail would open it in a compose window)', () => {
    const { addon, execute } = homeOnly('compose');
    expect(addon.action('compose', {}, {}, execute)).toEqual({ ok: true });
    expect(addon.view().composedDraft).toEqual({ id: expect.any(String), subject: 'お見積りの件' });
    expect(addon.stackNames()).toEqual(['h']);
  });
});
