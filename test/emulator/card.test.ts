import { loadBundle } from '../../emulator/runtime';
import { actionResponseTree, CARD_ERRORS, cardTree, isCard } from '../../emulator/services/card';
import { Workspace } from '../../emulator/workspace';

type CS = GoogleAppsScript.Card_Service.CardService;

/** The CardService the bundle sees: instrumented, as on Apps Script. */
function cardService(ws = new Workspace()): CS {
  return ws.globals().CardService as CS;
}

const EXPENSE_CARD = `
  function expenseCard(e) {
    var header = CardService.newCardHeader()
      .setTitle('経費を記録')
      .setSubtitle('山田商店 <yamada@example.com>')
      .setImageUrl('https://example.com/logo.png')
      .setImageStyle(CardService.ImageStyle.CIRCLE);
    var mail = CardService.newCardSection()
      .setHeader('メール')
      .addWidget(CardService.newDecoratedText().setTopLabel('件名').setText('<b>請求書</b> 11月分').setWrapText(true))
      .addWidget(CardService.newTextParagraph().setText('金額を確認してください。'));
    var save = CardService.newAction()
      .setFunctionName('saveExpense')
      .setParameters({ messageId: 'm-1', kind: 'expense' });
    var form = CardService.newCardSection()
      .setHeader('内容')
      .addWidget(CardService.newTextInput().setFieldName('amount').setTitle('金額（円）').setValue('11000').setHint('税込'))
      .addWidget(CardService.newSelectionInput()
        .setType(CardService.SelectionInputType.DROPDOWN)
        .setFieldName('category').setTitle('科目')
        .addItem('通信費', 'telecom', false)
        .addItem('消耗品費', 'supplies', true))
      .addWidget(CardService.newDatePicker().setFieldName('date').setTitle('日付').setValueInMsSinceEpoch(1764028800000))
      .addWidget(CardService.newButtonSet()
        .addButton(CardService.newTextButton().setText('保存')
          .setTextButtonStyle(CardService.TextButtonStyle.FILLED).setOnClickAction(save))
        .addButton(CardService.newTextButton().setText('Gmail で開く')
          .setOpenLink(CardService.newOpenLink().setUrl('https://mail.google.com/').setOpenAs(CardService.OpenAs.FULL_SIZE))));
    return CardService.newCardBuilder().setName('expense').setHeader(header).addSection(mail).addSection(form).build();
  }`;

describe('CardService', () => {
  it('records a realistic card tree faithfully', () => {
    const b = loadBundle(EXPENSE_CARD);
    const card = b.run('expenseCard', [{}]);
    expect(isCard(card)).toBe(true);
    expect(cardTree(card)).toEqual({
      name: 'expense',
      header: {
        title: '経費を記録',
        subtitle: '山田商店 <yamada@example.com>',
        imageUrl: 'https://example.com/logo.png',
        imageType: 'CIRCLE',
      },
      sections: [
        {
          header: 'メール',
          widgets: [
            { decoratedText: { text: '<b>請求書</b> 11月分', topLabel: '件名', wrapText: true } },
            { textParagraph: { text: '金額を確認してください。' } },
          ],
        },
        {
          header: '内容',
          widgets: [
            {
              textInput: {
                name: 'amount',
                label: '金額（円）',
                hintText: '税込',
                value: '11000',
                type: 'SINGLE_LINE',
              },
            },
            {
              selectionInput: {
                name: 'category',
                label: '科目',
                type: 'DROPDOWN',
                items: [
                  { text: '通信費', value: 'telecom', selected: false },
                  { text: '消耗品費', value: 'supplies', selected: true },
                ],
              },
            },
            {
              dateTimePicker: {
                name: 'date',
                label: '日付',
                type: 'DATE_ONLY',
                valueMsEpoch: 1764028800000,
              },
            },
            {
              buttonList: {
                buttons: [
                  {
                    text: '保存',
                    type: 'FILLED',
                    onClick: {
                      action: {
                        function: 'saveExpense',
                        parameters: [
                          { key: 'messageId', value: 'm-1' },
                          { key: 'kind', value: 'expense' },
                        ],
                      },
                    },
                  },
                  {
                    text: 'Gmail で開く',
                    onClick: { openLink: { url: 'https://mail.google.com/', openAs: 'FULL_SIZE' } },
                  },
                ],
              },
            },
          ],
        },
      ],
    });
    const counts = b.workspace.meter.counts();
    expect(counts['CardService.newCardBuilder']).toBe(1);
    expect(counts['CardService.CardSection.addWidget']).toBe(6);
    expect(counts['CardService.Action.setParameters']).toBe(1);
    expect(counts['CardService.CardBuilder.build']).toBe(1);
  });

  it('snapshots the tree at build(): later changes to builders do not reach the card', () => {
    const CardService = cardService();
    const text = CardService.newTextParagraph().setText('前');
    const builder = CardService.newCardBuilder().addSection(
      CardService.newCardSection().addWidget(text),
    );
    const card = builder.build();
    text.setText('後');
    expect(cardTree(card).sections[0]?.widgets[0]).toEqual({ textParagraph: { text: '前' } });
    expect(cardTree(builder.build()).sections[0]?.widgets[0]).toEqual({
      textParagraph: { text: '後' },
    });
    expect(JSON.parse(card.printJson())).toEqual(cardTree(card));
  });

  describe('misuse throws as Apps Script does', () => {
    const CardService = cardService();
    const section = () =>
      CardService.newCardSection().addWidget(CardService.newTextParagraph().setText('x'));
    const build = (s: GoogleAppsScript.Card_Service.CardSection) =>
      CardService.newCardBuilder().addSection(s).build();

    it.each([
      [
        'a card with no section',
        () => CardService.newCardBuilder().build(),
        CARD_ERRORS.cardNoSections,
      ],
      [
        'a section with no widget',
        () => build(CardService.newCardSection()),
        CARD_ERRORS.sectionNoWidgets,
      ],
      [
        'a text input without field name',
        () =>
          build(
            CardService.newCardSection().addWidget(CardService.newTextInput().setTitle('金額')),
          ),
        CARD_ERRORS.fieldName('Text input'),
      ],
      [
        'a text button without text',
        () =>
          build(
            CardService.newCardSection().addWidget(
              CardService.newTextButton().setOnClickAction(
                CardService.newAction().setFunctionName('f'),
              ),
            ),
          ),
        CARD_ERRORS.textButtonNoText,
      ],
      [
        'a text button without action or link',
        () =>
          build(
            CardService.newCardSection().addWidget(CardService.newTextButton().setText('保存')),
          ),
        CARD_ERRORS.buttonNoAction,
      ],
      [
        'an action without function name',
        () =>
          build(
            CardService.newCardSection().addWidget(
              CardService.newTextButton().setText('保存').setOnClickAction(CardService.newAction()),
            ),
          ),
        CARD_ERRORS.actionNoFunction,
      ],
      [
        'a header without title',
        () =>
          CardService.newCardBuilder()
            .setHeader(CardService.newCardHeader())
            .addSection(section())
            .build(),
        CARD_ERRORS.headerNoTitle,
      ],
      [
        'a selection input without field name',
        () =>
          build(
            CardService.newCardSection().addWidget(
              CardService.newSelectionInput().addItem('a', 'a', false),
            ),
          ),
        CARD_ERRORS.fieldName('Selection input'),
      ],
      [
        'an open link without URL',
        () =>
          build(
            CardService.newCardSection().addWidget(
              CardService.newTextButton().setText('開く').setOpenLink(CardService.newOpenLink()),
            ),
          ),
        CARD_ERRORS.openLinkNoUrl,
      ],
    ])('refuses %s', (_what, run, message) => {
      expect(run).toThrow(message);
    });

    it('refuses non-string action parameters when they are set', () => {
      expect(() => CardService.newAction().setParameters({ row: 3 } as never)).toThrow(
        CARD_ERRORS.parametersNotStrings,
      );
      expect(() => CardService.newAction().setParameters({ row: '3' })).not.toThrow();
    });

    it('refuses more than 100 widgets in a section', () => {
      const s = CardService.newCardSection();
      for (let i = 0; i < 101; i++) s.addWidget(CardService.newDivider());
      expect(() => build(s)).toThrow(CARD_ERRORS.sectionTooManyWidgets);
    });

    it('refuses arguments of the wrong class with Apps Script’s signature error', () => {
      expect(() =>
        CardService.newCardBuilder().addSection(CardService.newTextParagraph() as never),
      ).toThrow(
        "The parameters (CardService.TextParagraph) don't match the method signature for CardService.CardBuilder.addSection.",
      );
      expect(() =>
        CardService.newNavigation().pushCard(CardService.newCardBuilder() as never),
      ).toThrow(
        "The parameters (CardService.CardBuilder) don't match the method signature for CardService.Navigation.pushCard.",
      );
      expect(() => CardService.newTextButton().setTextButtonStyle('BIG' as never)).toThrow(
        "The parameters (String) don't match the method signature for CardService.TextButton.setTextButtonStyle.",
      );
    });

    it('has no methods Apps Script does not have (the bundle gets a TypeError)', () => {
      const b = loadBundle(`function f() { CardService.newCardBuilder().addWidget(null); }`);
      expect(() => b.run('f')).toThrow('addWidget is not a function');
    });
  });

  it('records navigation, notification, link and state in an ActionResponse', () => {
    const b = loadBundle(`
      function onSave(e) {
        var done = CardService.newCardBuilder().setName('done')
          .addSection(CardService.newCardSection().addWidget(CardService.newTextParagraph().setText('保存しました')))
          .build();
        return CardService.newActionResponseBuilder()
          .setNavigation(CardService.newNavigation().popToRoot().pushCard(done).popToNamedCard('home'))
          .setNotification(CardService.newNotification().setText(e.parameters.kind + ' を保存しました'))
          .setOpenLink(CardService.newOpenLink().setUrl('https://example.com/'))
          .setStateChanged(true)
          .build();
      }`);
    const response = b.run('onSave', [{ parameters: { kind: '経費' } }]);
    expect(isCard(response)).toBe(false);
    expect(cardTree(response)).toEqual({
      kind: 'ActionResponse',
      navigations: [
        { popToRoot: true },
        {
          pushCard: {
            name: 'done',
            sections: [{ widgets: [{ textParagraph: { text: '保存しました' } }] }],
          },
        },
        { popToCard: 'home' },
      ],
      notification: { text: '経費 を保存しました' },
      openLink: { url: 'https://example.com/' },
      stateChanged: true,
    });
  });

  it('keys each Navigation step as Google’s render actions do (pop, popToCard), in order', () => {
    const b = loadBundle(`
      function back() {
        var card = CardService.newCardBuilder()
          .addSection(CardService.newCardSection().addWidget(CardService.newTextParagraph().setText('x')))
          .build();
        return CardService.newActionResponseBuilder()
          .setNavigation(CardService.newNavigation().popCard().updateCard(card).popCard().popToNamedCard('home'))
          .build();
      }`);
    const tree = cardTree(b.run('back', [])) as unknown as { navigations: unknown[] };
    expect(tree.navigations).toEqual([
      { pop: true },
      { updateCard: { sections: [{ widgets: [{ textParagraph: { text: 'x' } }] }] } },
      { pop: true },
      { popToCard: 'home' },
    ]);
  });

  it('refuses a Card (or cards, or nothing) returned by an action’s callback; takes a response', () => {
    const b = loadBundle(`
      function card() {
        return CardService.newCardBuilder()
          .addSection(CardService.newCardSection().addWidget(CardService.newTextParagraph().setText('x')))
          .build();
      }
      function cards() { return [card(), card()]; }
      function nothing() {}
      function ok() {
        return CardService.newActionResponseBuilder()
          .setNotification(CardService.newNotification().setText('済'))
          .build();
      }`);
    expect(() => actionResponseTree(b.run('card', []), 'card')).toThrow(
      /^card returned a Card: an action's callback must return an ActionResponse/,
    );
    expect(() => actionResponseTree(b.run('cards', []), 'cards')).toThrow(
      /^cards returned an array of cards/,
    );
    expect(() => actionResponseTree(b.run('nothing', []), 'nothing')).toThrow(
      /^nothing returned nothing/,
    );
    expect(actionResponseTree(b.run('ok', []), 'ok')).toEqual({
      kind: 'ActionResponse',
      notification: { text: '済' },
    });
  });

  it('records universal and compose action responses', () => {
    const CardService = cardService();
    const card = CardService.newCardBuilder()
      .addSection(CardService.newCardSection().addWidget(CardService.newDivider()))
      .build();
    expect(
      cardTree(CardService.newUniversalActionResponseBuilder().displayAddOnCards([card]).build()),
    ).toEqual({
      kind: 'UniversalActionResponse',
      cards: [{ sections: [{ widgets: [{ divider: {} }] }] }],
    });
    const draft = { getId: () => 'r-123' } as unknown as GoogleAppsScript.Gmail.GmailDraft;
    expect(
      cardTree(CardService.newComposeActionResponseBuilder().setGmailDraft(draft).build()),
    ).toEqual({
      kind: 'ComposeActionResponse',
      gmailDraft: { id: 'r-123' },
    });
  });

  it('gives the JSON of arrays of cards (homepage triggers) and refuses unbuilt builders', () => {
    const CardService = cardService();
    const card = CardService.newCardBuilder()
      .addSection(
        CardService.newCardSection().addWidget(CardService.newTextParagraph().setText('a')),
      )
      .build();
    expect(cardTree([card, card])).toHaveLength(2);
    expect(() => cardTree(CardService.newCardBuilder())).toThrow('got CardBuilder');
  });

  it('exposes the enums as their names', () => {
    const CardService = cardService();
    expect(String(CardService.TextButtonStyle.FILLED)).toBe('FILLED');
    expect(String(CardService.SelectionInputType.CHECK_BOX)).toBe('CHECK_BOX');
    expect(String(CardService.Icon.EMAIL)).toBe('EMAIL');
  });
});
