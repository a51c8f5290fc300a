import { loadBundle } from '../../emulator/runtime';
import { Workspace } from '../../emulator/workspace';

const SIDEBAR = '<!DOCTYPE html><html><body><h1>ぽっけ</h1></body></html>';

function bundle(code: string) {
  return loadBundle(code, { htmlFiles: { Sidebar: SIDEBAR } });
}

describe('Ui (SpreadsheetApp.getUi())', () => {
  it('records menus with their items, separators, sub-menus and function names', () => {
    const b = bundle(`
      function onOpen() {
        var ui = SpreadsheetApp.getUi();
        ui.createMenu('Pokke')
          .addItem('請求書を作成', 'createInvoices')
          .addSeparator()
          .addSubMenu(ui.createMenu('設定').addItem('初期設定', 'setupWorkbook'))
          .addToUi();
        ui.createAddonMenu().addItem('サイドバーを開く', 'openSidebar').addToUi();
      }`);
    b.run('onOpen');
    expect(b.workspace.ui.menus).toEqual([
      {
        caption: 'Pokke',
        addon: false,
        items: [
          { kind: 'item', caption: '請求書を作成', functionName: 'createInvoices' },
          { kind: 'separator' },
          {
            kind: 'submenu',
            caption: '設定',
            items: [{ kind: 'item', caption: '初期設定', functionName: 'setupWorkbook' }],
          },
        ],
      },
      {
        caption: '',
        addon: true,
        items: [{ kind: 'item', caption: 'サイドバーを開く', functionName: 'openSidebar' }],
      },
    ]);
    expect(b.workspace.ui.shown.map((s) => s.kind)).toEqual(['menu', 'menu']);
    // Every call went through the instrumented globals.
    const counts = b.workspace.meter.counts();
    expect(counts['SpreadsheetApp.Ui.createMenu']).toBe(2);
    expect(counts['SpreadsheetApp.Menu.addItem']).toBe(3);
    expect(counts['SpreadsheetApp.Menu.addToUi']).toBe(2);
  });

  it('replaces a menu added again under the same caption', () => {
    const ws = new Workspace();
    ws.ui.createMenu('Pokke').addItem('A', 'a').addToUi();
    ws.ui.createMenu('Pokke').addItem('B', 'b').addToUi();
    expect(ws.ui.menus).toHaveLength(1);
    expect(ws.ui.menus[0]?.items).toEqual([{ kind: 'item', caption: 'B', functionName: 'b' }]);
  });

  it('records the sidebar with its title and the content of the HTML file', () => {
    const b = bundle(`
      function openSidebar() {
        var html = HtmlService.createHtmlOutputFromFile('Sidebar').setTitle('ぽっけ').setWidth(500);
        SpreadsheetApp.getUi().showSidebar(html);
      }`);
    b.run('openSidebar');
    expect(b.workspace.ui.sidebar).toMatchObject({
      kind: 'sidebar',
      title: 'ぽっけ',
      content: SIDEBAR,
      width: 500,
    });
    expect(b.workspace.meter.counts()['HtmlService.HtmlOutput.setTitle']).toBe(1);
    expect(b.workspace.meter.counts()['SpreadsheetApp.Ui.showSidebar']).toBe(1);
  });

  it('records modal and modeless dialogs in order, with the sidebar, in `shown`', () => {
    const ws = new Workspace();
    const html = ws.HtmlService.createHtmlOutput('<p>x</p>').setWidth(400).setHeight(300);
    ws.ui.showModalDialog(html, '確認');
    ws.ui.showSidebar(html);
    ws.ui.showModelessDialog(html, 'メモ');
    expect(ws.ui.dialogs.map((d) => [d.kind, d.title, d.width, d.height])).toEqual([
      ['modal', '確認', 400, 300],
      ['modeless', 'メモ', 400, 300],
    ]);
    expect(ws.ui.shown.map((s) => s.kind)).toEqual(['modal', 'sidebar', 'modeless']);
  });

  it('answers alerts with OK when nothing is queued, and with queued buttons in order', () => {
    const b = bundle(`
      function saved() {
        var ui = SpreadsheetApp.getUi();
        return ui.alert('保存しました') == ui.Button.OK;
      }
      function ask() {
        var ui = SpreadsheetApp.getUi();
        var second = ui.alert('確認', '送信しますか？', ui.ButtonSet.YES_NO);
        var third = ui.prompt('会社名', '会社名を入力してください', ui.ButtonSet.OK_CANCEL);
        return [second == ui.Button.NO, third.getSelectedButton() == ui.Button.OK, third.getResponseText()];
      }`);
    const ui = b.workspace.ui;
    expect(b.run('saved')).toBe(true);
    ui.queueResponse('NO');
    ui.queueResponse('OK', '株式会社ぽっけ');
    expect(b.run('ask')).toEqual([true, true, '株式会社ぽっけ']);
    expect(ui.pendingResponses()).toBe(0);
    expect(ui.shown).toEqual([
      expect.objectContaining({
        kind: 'alert',
        title: '',
        prompt: '保存しました',
        buttons: 'OK',
        button: 'OK',
      }),
      expect.objectContaining({ kind: 'alert', title: '確認', buttons: 'YES_NO', button: 'NO' }),
      expect.objectContaining({ kind: 'prompt', button: 'OK', text: '株式会社ぽっけ' }),
    ]);
  });

  it('answers a prompt with the first button of its set and empty text by default', () => {
    const ws = new Workspace();
    const r = ws.ui.prompt('名前', ws.ui.ButtonSet.YES_NO);
    expect(String(r.getSelectedButton())).toBe('YES');
    expect(r.getResponseText()).toBe('');
  });

  it('refuses a queued button the dialog does not offer (a test mistake)', () => {
    const ws = new Workspace();
    ws.ui.queueResponse('YES');
    expect(() => ws.ui.alert('x')).toThrow('queued button YES is not offered by ButtonSet.OK');
  });

  it('throws Apps Script’s signature error, in the script’s realm, for arguments that fit no overload', () => {
    const b = bundle(`
      function bad() {
        try { SpreadsheetApp.getUi().alert('a', 'b'); } catch (e) { return [e instanceof Error, e.message]; }
      }
      function badSidebar() { SpreadsheetApp.getUi().showSidebar('<p>x</p>'); }`);
    expect(b.run('bad')).toEqual([
      true,
      "The parameters (String,String) don't match the method signature for Ui.alert.",
    ]);
    expect(() => b.run('badSidebar')).toThrow(
      "The parameters (String) don't match the method signature for Ui.showSidebar.",
    );
  });
});
