import { loadBundle } from '../../emulator/runtime';
import { EMULATED_PDF_MARKER, emulatedPdfHtml, MimeType } from '../../emulator/services/blob';
import { Workspace } from '../../emulator/workspace';

describe('Blob', () => {
  it('holds text as UTF-8 and hands out Java’s signed bytes', () => {
    const blob = new Workspace().Utilities.newBlob('é請', 'text/plain', 'a.txt');
    expect(blob.getBytes()).toEqual([-61, -87, -24, -85, -117]);
    expect(blob.getDataAsString()).toBe('é請');
    expect(blob.getContentType()).toBe('text/plain');
    expect(blob.getName()).toBe('a.txt');
    expect(blob.isGoogleType()).toBe(false);
  });

  it('reads and writes Shift_JIS, as Japanese bank and accounting CSVs use', () => {
    const blob = new Workspace().Utilities.newBlob([]);
    blob.setDataFromString('日付,金額\r\n', 'Shift_JIS');
    expect(blob.getBytes().slice(0, 4)).toEqual([-109, -6, -107, 116]);
    expect(blob.getDataAsString('Shift_JIS')).toBe('日付,金額\r\n');
    expect(blob.getDataAsString('MS932')).toBe('日付,金額\r\n');
  });

  it('copies, renames and sets types', () => {
    const blob = new Workspace().Utilities.newBlob('x', MimeType.CSV, 'list.csv');
    const copy = blob.copyBlob().setName('other.json').setContentTypeFromExtension();
    expect(copy.getContentType()).toBe('application/json');
    expect(blob.getName()).toBe('list.csv');
    expect(blob.setContentType(MimeType.GOOGLE_SHEETS).isGoogleType()).toBe(true);
  });

  it('converts HTML to an emulated PDF that keeps its source and uses a conversion', () => {
    const ws = new Workspace();
    const html = '<h1>請求書</h1><p>合計 ¥11,000</p>';
    const before = ws.meter.remaining('conversions');
    const pdf = ws.Utilities.newBlob(html, MimeType.HTML, 'Invoice.2026.11.html').getAs(
      MimeType.PDF,
    );
    expect(pdf.getContentType()).toBe('application/pdf');
    expect(pdf.getName()).toBe('Invoice.2026.11.pdf');
    expect(pdf.sourceHtml).toBe(html);
    expect(pdf.getDataAsString().startsWith(EMULATED_PDF_MARKER)).toBe(true);
    expect(emulatedPdfHtml(pdf.raw())).toBe(html);
    expect(ws.meter.remaining('conversions')).toBe(before - 1);
  });

  it('fails with Apps Script’s quota message once the day’s conversions are used up', () => {
    const ws = new Workspace({ account: 'consumer' });
    ws.meter.consume('conversions', ws.meter.remaining('conversions'));
    const blob = ws.Utilities.newBlob('<p>x</p>', MimeType.HTML, 'x.html');
    expect(() => blob.getAs(MimeType.PDF)).toThrow(
      'Service invoked too many times for one day: file conversion.',
    );
    ws.clock.advance(24 * 60 * 60 * 1000);
    expect(blob.getAs(MimeType.PDF).getContentType()).toBe(MimeType.PDF);
  });

  it('refuses conversions Apps Script cannot do', () => {
    const blob = new Workspace().Utilities.newBlob('a,b', MimeType.CSV);
    expect(() => blob.getAs(MimeType.PDF)).toThrow(
      'Converting from text/csv to application/pdf is not supported.',
    );
  });

  it('exposes MimeType as a plain global and counts blob calls from the bundle', () => {
    const ws = new Workspace();
    const bundle = loadBundle(
      `function pdf() {
         var b = Utilities.newBlob('<p>hi</p>', MimeType.HTML, 'a.html').getAs(MimeType.PDF);
         return [b.getName(), b.getContentType(), MimeType.MICROSOFT_EXCEL, typeof MimeType.JSON];
       }`,
      { workspace: ws },
    );
    expect(bundle.run('pdf')).toEqual([
      'a.pdf',
      'application/pdf',
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      'undefined',
    ]);
    expect(ws.meter.counts()).toEqual({
      'Utilities.Blob.getAs': 1,
      'Utilities.Blob.getContentType': 1,
      'Utilities.Blob.getName': 1,
      'Utilities.newBlob': 1,
    });
  });
});
