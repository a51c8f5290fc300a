import { unwrap } from '../../emulator/core/instrument';
import { loadBundle } from '../../emulator/runtime';
import { EMULATED_PDF_MARKER } from '../../emulator/services/blob';
import { Workspace } from '../../emulator/workspace';

type Template = GoogleAppsScript.HTML.HtmlTemplate;

describe('HtmlService', () => {
  it('reads the project’s HTML files, with or without the .html extension', () => {
    const ws = new Workspace({ htmlFiles: { Sidebar: '<p>ぽっけ</p>' } });
    expect(ws.HtmlService.createHtmlOutputFromFile('Sidebar').getContent()).toBe('<p>ぽっけ</p>');
    expect(ws.HtmlService.createHtmlOutputFromFile('Sidebar.html').getContent()).toBe(
      '<p>ぽっけ</p>',
    );
  });

  it('throws Apps Script’s error for a missing file, in the script’s realm', () => {
    const b = loadBundle(`
      function open() {
        try { HtmlService.createHtmlOutputFromFile('Missing'); } catch (e) { return [e instanceof Error, e.message]; }
      }
      function openTemplate() { HtmlService.createTemplateFromFile('Nope'); }`);
    expect(b.run('open')).toEqual([true, 'No HTML file named Missing was found.']);
    expect(() => b.run('openTemplate')).toThrow('No HTML file named Nope was found.');
    expect(b.workspace.meter.counts()['HtmlService.createHtmlOutputFromFile']).toBe(1);
  });

  it('builds outputs: content, untrusted content, title, size, meta tags, favicon', () => {
    const ws = new Workspace();
    const out = ws.HtmlService.createHtmlOutput('<b>請求書</b>')
      .append('<i>!</i>')
      .appendUntrusted('<script>alert(1)</script>')
      .setTitle('請求書')
      .setWidth(600)
      .setHeight(400)
      .setFaviconUrl('https://example.com/f.png')
      .addMetaTag('viewport', 'width=device-width, initial-scale=1')
      .setSandboxMode(ws.HtmlService.SandboxMode.IFRAME)
      .setXFrameOptionsMode(ws.HtmlService.XFrameOptionsMode.ALLOWALL);
    expect(out.getContent()).toBe('<b>請求書</b><i>!</i>&lt;script&gt;alert(1)&lt;/script&gt;');
    expect([out.getTitle(), out.getWidth(), out.getHeight(), out.getFaviconUrl()]).toEqual([
      '請求書',
      600,
      400,
      'https://example.com/f.png',
    ]);
    expect(out.getMetaTags().map((t) => [t.getName(), t.getContent()])).toEqual([
      ['viewport', 'width=device-width, initial-scale=1'],
    ]);
    expect(out.describe()).toMatchObject({ sandboxMode: 'IFRAME', xFrameOptionsMode: 'ALLOWALL' });
    expect(out.setContent('x').getContent()).toBe('x');
    expect(out.clear().getContent()).toBe('');
    expect(() => out.setSandboxMode('SECURE' as never)).toThrow(
      "The parameters (String) don't match the method signature for HtmlOutput.setSandboxMode.",
    );
  });

  it('gives a text/html blob and converts it to an emulated PDF (one conversion)', () => {
    const ws = new Workspace();
    const out = ws.HtmlService.createHtmlOutput('<h1>請求書</h1>');
    const blob = out.getBlob();
    expect(blob.getContentType()).toBe('text/html');
    expect(blob.getDataAsString()).toBe('<h1>請求書</h1>');
    const before = ws.meter.remaining('conversions');
    const pdf = out.getAs('application/pdf');
    expect(pdf.getContentType()).toBe('application/pdf');
    expect(pdf.getDataAsString().startsWith(EMULATED_PDF_MARKER)).toBe(true);
    expect(ws.meter.remaining('conversions')).toBe(before - 1);
  });
});

describe('HtmlTemplate', () => {
  it('escapes printing scriptlets, leaves force-printing ones raw and runs standard ones', () => {
    const ws = new Workspace();
    const t = ws.HtmlService.createTemplate(
      '<p><?= name ?></p><div><?!= html ?></div><ul><? for (var i = 0; i < items.length; i++) { ?><li><?= items[i] ?></li><? } ?></ul>',
    ) as unknown as Template;
    t.name = '<script>alert("x")</script>';
    t.html = '<b>太字</b>';
    t.items = ['A&B', "O'Neil"];
    expect(t.evaluate().getContent()).toBe(
      '<p>&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;</p><div><b>太字</b></div><ul><li>A&amp;B</li><li>O&#39;Neil</li></ul>',
    );
  });

  it('prints a JavaScript literal inside <script>, safe against a closing tag', () => {
    const ws = new Workspace();
    const t = ws.HtmlService.createTemplate(
      '<script>var data = <?= data ?>;</script><p><?= data.name ?></p>',
    );
    (t as unknown as Template).data = { name: '</script><img src=x onerror=alert(1)>', n: 1 };
    expect(t.evaluate().getContent()).toBe(
      '<script>var data = {"name":"\\u003c/script\\u003e\\u003cimg src=x onerror=alert(1)\\u003e","n":1};</script>' +
        '<p>&lt;/script&gt;&lt;img src=x onerror=alert(1)&gt;</p>',
    );
  });

  it('evaluates a template file; code shows in getCode and the source in getRawContent', () => {
    const ws = new Workspace({ htmlFiles: { Page: '<h1><?= title ?></h1>' } });
    const t = ws.HtmlService.createTemplateFromFile('Page');
    (t as unknown as Template).title = '設定';
    expect(t.evaluate().getContent()).toBe('<h1>設定</h1>');
    expect(t.getRawContent()).toBe('<h1><?= title ?></h1>');
    expect(t.getCode()).toContain('output._$ = title;');
    expect(t.getCodeWithComments()).toContain('// <?= title ?>');
    // Output of a template is plain HTML again.
    expect(ws.HtmlService.createHtmlOutput('<?= 1 ?>').asTemplate().evaluate().getContent()).toBe(
      '1',
    );
  });

  it('lets scriptlets call the emulator-only templateGlobals (an include() helper)', () => {
    const ws = new Workspace({ htmlFiles: { Css: '<style>p{}</style>' } });
    ws.HtmlService.templateGlobals.include = (name: string) =>
      ws.HtmlService.createHtmlOutputFromFile(name).getContent();
    const t = ws.HtmlService.createTemplate('<?!= include("Css") ?><p>x</p>');
    expect(t.evaluate().getContent()).toBe('<style>p{}</style><p>x</p>');
  });

  it('is evaluated and counted through the globals', () => {
    const b = loadBundle(
      `function page() { return HtmlService.createTemplateFromFile('P').evaluate().setTitle('t').getContent(); }`,
      { htmlFiles: { P: '<p><?= 1 + 1 ?></p>' } },
    );
    expect(b.run('page')).toBe('<p>2</p>');
    const counts = b.workspace.meter.counts();
    expect(counts['HtmlService.HtmlTemplate.evaluate']).toBe(1);
    expect(counts['HtmlService.HtmlOutput.setTitle']).toBe(1);
  });

  it('keeps the workspace out of the template’s variables', () => {
    const ws = new Workspace();
    const t = unwrap(ws.HtmlService.createTemplate('<?= typeof ws ?>'));
    expect(t.evaluate().getContent()).toBe('undefined');
  });
});
