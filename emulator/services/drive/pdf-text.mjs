// Prints the text layer of the PDF read from stdin as JSON `{ pages, text }`, with pdfjs-dist
// (Mozilla's PDF.js). Run in a child process by conversion.ts: the emulator is synchronous and
// PDF.js is not. Lines end where PDF.js marks an end of line; pages are separated by a blank line.
// A PDF without a text layer (a scan) gives ''.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);
const root = dirname(require.resolve('pdfjs-dist/package.json'));

// pdfjs-dist 6 expects Node 22's Promise.withResolvers; the project supports Node 20.
if (typeof Promise.withResolvers !== 'function') {
  Promise.withResolvers = () => {
    let resolve;
    let reject;
    const promise = new Promise((res, rej) => {
      resolve = res;
      reject = rej;
    });
    return { promise, resolve, reject };
  };
}
const { getDocument } = await import('pdfjs-dist/legacy/build/pdf.mjs');

const data = new Uint8Array(readFileSync(0));
try {
  const pdf = await getDocument({
    data,
    verbosity: 0,
    isEvalSupported: false,
    cMapUrl: `${join(root, 'cmaps')}/`,
    cMapPacked: true,
    standardFontDataUrl: `${join(root, 'standard_fonts')}/`,
  }).promise;
  const pages = [];
  for (let n = 1; n <= pdf.numPages; n += 1) {
    const page = await pdf.getPage(n);
    const content = await page.getTextContent();
    let text = '';
    for (const item of content.items) {
      if (!('str' in item)) continue;
      text += item.str;
      if (item.hasEOL) text += '\n';
    }
    pages.push(text.trimEnd());
  }
  // Chromium's PDFs map some CJK glyphs to Kangxi radicals (⾕ U+2F95 for 谷): read them as the
  // ideographs they look like, as a reader (and Drive's conversion) does.
  const text = pages.join('\n\n').replace(/[\u2E80-\u2FDF]/g, (c) => c.normalize('NFKC'));
  process.stdout.write(JSON.stringify({ pages: pdf.numPages, text }));
} catch (e) {
  process.stdout.write(JSON.stringify({ error: e instanceof Error ? e.message : String(e) }));
}
