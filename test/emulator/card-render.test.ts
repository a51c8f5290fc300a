import {
  buildActionEvent,
  eventFormInputs,
  formatCardText,
  initialFormValues,
  listClickables,
  renderCardHtml,
  renderCardListHtml,
} from '../../emulator/card-render';
import { loadBundle } from '../../emulator/runtime';
import { type CardJson, cardTree } from '../../emulator/services/card';
import { Workspace } from '../../emulator/workspace';

type CS = GoogleAppsScript.Card_Service.CardService;

const HOSTILE = '<img src=x onerror=alert(1)><script>alert(2)</script>';

function hostileCard(): CardJson {
  const CardService = new Workspace().globals().CardService as CS;
  const action = CardService.newAction()
    .setFunctionName('save')
    .setParameters({ note: `"'><b>${HOSTILE}` });
  return cardTree(
    CardService.newCardBuilder()
      .setHeader(
        CardService.newCardHeader().setTitle(`件名 ${HOSTILE}`).setImageUrl('javascript:alert(3)'),
      )
      .addSection(
        CardService.newCardSection()
          .setHeader('<b>内容</b>')
          .addWidget(CardService.newTextParagraph().setText(`本文 ${HOSTILE}`))
          .addWidget(
            CardService.newDecoratedText()
              .setText(
                '<a href="javascript:alert(4)">悪いリンク</a> <a href="https://example.com/?a=1&amp;b=2">良いリンク</a>',
              )
              .setTopLabel(HOSTILE),
          )
          .addWidget(
            CardService.newTextInput()
              .setFieldName('"><script>x</script>')
              .setValue(`"><svg onload=alert(5)>`),
          )
          .addWidget(
            CardService.newButtonSet()
              .addButton(
                CardService.newTextButton().setText(`保存 ${HOSTILE}`).setOnClickAction(action),
              )
              .addButton(
                CardService.newTextButton()
                  .setText('開く')
                  .setOpenLink(CardService.newOpenLink().setUrl(' JaVa\tScRiPt:alert(6)')),
              ),
          ),
      )
      .build(),
  );
}

describe('formatCardText', () => {
  it('keeps exactly the formatting Apps Script allows', () => {
    expect(
      formatCardText(
        '<b>太字</b> <i>斜体</i> <u>下線</u> <s>取消</s> <font color="#d93025">赤</font><br>次の行',
      ),
    ).toBe(
      '<b>太字</b> <i>斜体</i> <u>下線</u> <s>取消</s> <span style="color:#d93025">赤</span><br>次の行',
    );
    expect(formatCardText('<a href="https://example.com/a?b=1&amp;c=2">リンク</a>')).toBe(
      '<a href="https://example.com/a?b=1&amp;c=2" target="_blank" rel="noopener noreferrer">リンク</a>',
    );
    expect(formatCardText('<a href="mailto:a@example.com">メール</a>')).toContain(
      'href="mailto:a@example.com"',
    );
  });

  it('escapes everything else, hostile markup and links included', () => {
    expect(formatCardText(HOSTILE)).toBe(
      '&lt;img src=x onerror=alert(1)&gt;&lt;script&gt;alert(2)&lt;/script&gt;',
    );
    for (const href of [
      'javascript:alert(1)',
      'JavaScript:alert(1)',
      '&#106;avascript:alert(1)',
      'java\nscript:x',
      'data:text/html,x',
      '//evil.example',
    ]) {
      expect(formatCardText(`<a href="${href}">x</a>`)).toBe('<a>x</a>');
    }
    expect(formatCardText('<b onclick="x()">b</b>')).toBe('<b>b</b>');
    expect(formatCardText('<font color="red;background:url(x)">x</font>')).toBe('<span>x</span>');
    expect(formatCardText('<b>open <i>nested')).toBe('<b>open <i>nested</i></b>');
    expect(formatCardText('stray</b> & 1 < 2\n改行')).toBe('stray &amp; 1 &lt; 2<br>改行');
  });
});

describe('renderCardHtml', () => {
  it('escapes every piece of hostile text and drops javascript: links', () => {
    const html = renderCardHtml(hostileCard(), { styles: false });
    // No hostile element, and no event-handler attribute once quoted attribute values are set aside.
    const markup = html.replace(/"[^"]*"/g, '""');
    expect(markup).not.toMatch(/<(img|script|svg)\b/i);
    expect(markup).not.toMatch(/<[^>]*\son[a-z]+=/i);
    expect(html).not.toMatch(/javascript:/i);
    expect(html).toContain('件名 &lt;img src=x onerror=alert(1)&gt;');
    expect(html).toContain(
      '<a href="https://example.com/?a=1&amp;b=2" target="_blank" rel="noopener noreferrer">良いリンク</a>',
    );
    expect(html).toContain('<a>悪いリンク</a>');
    expect(html).toContain('data-field="&quot;&gt;&lt;script&gt;x&lt;/script&gt;"');
    expect(html).toContain('value="&quot;&gt;&lt;svg onload=alert(5)&gt;"');
    expect(html).toContain('data-blocked-link="true"');
    expect(html).toContain('<b>内容</b>');
  });

  it('carries data-action, data-params and data-field for the playground', () => {
    const html = renderCardHtml(hostileCard(), { styles: false });
    const params = /data-params="([^"]*)"/.exec(html)?.[1] ?? '';
    const decoded = params
      .replace(/&quot;/g, '"')
      .replace(/&#39;/g, "'")
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&amp;/g, '&');
    expect(JSON.parse(decoded)).toEqual({ note: `"'><b>${HOSTILE}` });
    expect(html).toContain('data-action="save"');
  });

  it('renders header, sections, inputs, buttons, footer and a back arrow', () => {
    const CardService = new Workspace().globals().CardService as CS;
    const act = (fn: string) => CardService.newAction().setFunctionName(fn);
    const tree = cardTree(
      CardService.newCardBuilder()
        .setHeader(CardService.newCardHeader().setTitle('ぽっけ').setSubtitle('今日の予定'))
        .addSection(
          CardService.newCardSection()
            .setHeader('期限')
            .setCollapsible(true)
            .setNumUncollapsibleWidgets(1)
            .addWidget(
              CardService.newDecoratedText()
                .setText('請求書を送る')
                .setBottomLabel('今日まで')
                .setStartIcon(CardService.newIconImage().setIcon(CardService.Icon.CLOCK))
                .setOnClickAction(act('openTask').setParameters({ id: 't1' })),
            )
            .addWidget(
              CardService.newSelectionInput()
                .setFieldName('done')
                .setType(CardService.SelectionInputType.CHECK_BOX)
                .addItem('完了', 'yes', false),
            )
            .addWidget(
              CardService.newDateTimePicker()
                .setFieldName('at')
                .setValueInMsSinceEpoch(0)
                .setTimeZoneOffsetInMins(540),
            )
            .addWidget(
              CardService.newTextInput()
                .setFieldName('memo')
                .setMultiline(true)
                .setOnChangeAction(act('onMemo')),
            ),
        )
        .setFixedFooter(
          CardService.newFixedFooter()
            .setPrimaryButton(
              CardService.newTextButton().setText('保存').setOnClickAction(act('save')),
            )
            .setSecondaryButton(
              CardService.newTextButton().setText('戻る').setOnClickAction(act('back')),
            ),
        )
        .build(),
    );
    const html = renderCardHtml(tree, { back: true });
    expect(html.startsWith('<style>')).toBe(true);
    expect(html).toContain(
      '<div class="pk-title">ぽっけ</div><div class="pk-subtitle">今日の予定</div>',
    );
    expect(html).toContain('data-nav-back');
    expect(html).toContain('data-action="openTask" data-params="{&quot;id&quot;:&quot;t1&quot;}"');
    expect(html).toContain('data-icon="CLOCK"');
    expect(html).toContain('<details class="pk-more"><summary>さらに表示</summary>');
    expect(html).toMatch(
      /<input type="checkbox" name="done" data-field="done" data-input-kind="string" value="yes">/,
    );
    expect(html).toContain(
      'type="datetime-local" name="at" data-field="at" data-input-kind="dateTime" data-tz-offset-mins="540" value="1970-01-01T09:00"',
    );
    expect(html).toContain(
      '<textarea class="pk-input" rows="3" name="memo" data-field="memo" data-input-kind="string" data-change-action="onMemo"',
    );
    expect(html).toMatch(/<footer class="pk-footer">.*戻る.*pk-button-filled.*保存.*<\/footer>/);
    expect(listClickables(tree).map((c) => c.label)).toEqual(['請求書を送る', '保存', '戻る']);
  });
});

describe('the card-action event object', () => {
  it('has the commonEventObject, the host object and the legacy fields', () => {
    const e = buildActionEvent({
      host: 'gmail',
      parameters: { messageId: 'm-1' },
      formValues: {
        amount: '11000',
        tags: ['a', 'b'],
        empty: '',
        none: [],
        date: { date: 1764028800000 },
        at: { hours: 9, minutes: 30 },
      },
      gmail: { messageId: 'm-1', threadId: 't-1', accessToken: 'tok' },
      at: Date.UTC(2026, 10, 24),
    });
    expect(e.commonEventObject).toEqual({
      hostApp: 'GMAIL',
      platform: 'WEB',
      userLocale: 'ja-JP',
      timeZone: { id: 'Asia/Tokyo', offset: 32400000 },
      parameters: { messageId: 'm-1' },
      formInputs: {
        amount: { stringInputs: { value: ['11000'] } },
        tags: { stringInputs: { value: ['a', 'b'] } },
        date: { dateInput: { msSinceEpoch: '1764028800000' } },
        at: { timeInput: { hours: 9, minutes: 30 } },
      },
    });
    expect(e.gmail).toEqual({ messageId: 'm-1', threadId: 't-1', accessToken: 'tok' });
    expect(e).toMatchObject({
      formInput: {
        amount: '11000',
        tags: 'a',
        date: { msSinceEpoch: 1764028800000 },
        at: { hours: 9, minutes: 30 },
      },
      formInputs: { amount: ['11000'], tags: ['a', 'b'] },
      parameters: { messageId: 'm-1' },
      userLocale: 'ja',
      userCountry: 'JP',
      userTimezone: { id: 'Asia/Tokyo', offSet: '32400000' },
      clientPlatform: 'web',
      hostApp: 'gmail',
      messageMetadata: { accessToken: 'tok', messageId: 'm-1', threadId: 't-1' },
    });
    expect(eventFormInputs({ dt: { dateTime: 5 } })).toEqual({
      dt: { dateTimeInput: { msSinceEpoch: '5', hasDate: true, hasTime: true } },
    });
  });

  it('drives a card action of the bundle end to end', () => {
    const b = loadBundle(`
      function home() {
        return CardService.newCardBuilder().addSection(CardService.newCardSection()
          .addWidget(CardService.newTextInput().setFieldName('amount').setValue('500'))
          .addWidget(CardService.newTextButton().setText('保存')
            .setOnClickAction(CardService.newAction().setFunctionName('save').setParameters({ kind: 'expense' }))))
          .build();
      }
      function save(e) {
        var amount = e.commonEventObject.formInputs.amount.stringInputs.value[0];
        return CardService.newActionResponseBuilder()
          .setNotification(CardService.newNotification().setText(e.commonEventObject.parameters.kind + ':' + amount))
          .build();
      }`);
    const tree = cardTree(b.run('home'));
    const [button] = listClickables(tree);
    if (!button || !('action' in button.onClick)) throw new Error('no action button');
    const { action } = button.onClick;
    const event = buildActionEvent({
      host: 'sheets',
      parameters: Object.fromEntries(action.parameters.map((p) => [p.key, p.value])),
      formValues: { ...initialFormValues(tree), amount: '1200' },
      at: b.workspace.clock.now(),
    });
    expect(initialFormValues(tree)).toEqual({ amount: '500' });
    expect(cardTree(b.run(action.function, [event]))).toEqual({
      kind: 'ActionResponse',
      notification: { text: 'expense:1200' },
    });
  });
});

describe('renderCardListHtml', () => {
  it('lists the headers of several cards, escaped, each opening its card by index', () => {
    const html = renderCardListHtml(
      [
        { header: { title: '<script>x</script>今日のタスク', subtitle: '3 件' }, sections: [] },
        { name: 'invoices', sections: [] },
      ],
      { styles: false },
    );
    expect(html).toBe(
      '<div class="pk-card pk-card-list"><button type="button" class="pk-list-item" data-nav-card="0"><div class="pk-title">&lt;script&gt;x&lt;/script&gt;今日のタスク</div><div class="pk-subtitle">3 件</div></button><button type="button" class="pk-list-item" data-nav-card="1"><div class="pk-title">invoices</div></button></div>',
    );
  });
});
