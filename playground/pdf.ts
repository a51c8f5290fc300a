/**
 * Real PDFs for the playground and the CLI. The emulator's `blob.getAs('application/pdf')` keeps
 * the HTML it converted (`sourceHtml`); here headless Chromium prints that HTML to an A4 PDF, as
 * Apps Script's converter would, so a person can open and check it. One browser is launched on
 * the first render, reused, and closed with `close()`. Pages load nothing from the network.
 */
import { createHash } from 'node:crypto';
import type { Browser } from 'playwright-core';
import { emulatedPdfHtml } from '../emulator/services/blob';
import { launchHeadless } from './chromium';

/** Rendered PDFs kept per renderer (by the HTML's hash), so reopening one is instant. */
const CACHE_ENTRIES = 64;

export class PdfRenderer {
  private browser: Promise<Browser> | null = null;
  private readonly cache = new Map<string, Buffer>();
  /** Milliseconds each render took (not counting cache hits), for reports and tests. */
  readonly timings: number[] = [];

  /** The HTML printed to an A4 PDF (backgrounds included). */
  async render(html: string): Promise<Buffer> {
    const key = createHash('sha256').update(html).digest('hex');
    const cached = this.cache.get(key);
    if (cached) return cached;
    const started = Date.now();
    const browser = await this.launch();
    const page = await browser.newPage();
    try {
      await page.route(/^(https?|wss?|ftp):/, (route) => route.abort());
      await page.setContent(html, { waitUntil: 'load' });
      await page.evaluate('document.fonts ? document.fonts.ready.then(() => true) : true');
      const pdf = await page.pdf({ format: 'A4', printBackground: true });
      this.timings.push(Date.now() - started);
      this.cache.set(key, pdf);
      if (this.cache.size > CACHE_ENTRIES) {
        const oldest = this.cache.keys().next().value;
        if (oldest !== undefined) this.cache.delete(oldest);
      }
      return pdf;
    } finally {
      await page.close();
    }
  }

  /**
   * The bytes to hand a person for a file or attachment: an emulated PDF (given its source HTML
   * or its bytes) rendered for real; any other bytes unchanged.
   */
  async realBytes(bytes: Uint8Array, sourceHtml?: string): Promise<Buffer> {
    const html = sourceHtml ?? emulatedPdfHtml(bytes);
    return html === undefined ? Buffer.from(bytes) : this.render(html);
  }

  async close(): Promise<void> {
    const browser = this.browser;
    this.browser = null;
    this.cache.clear();
    if (browser) await (await browser.catch(() => null))?.close();
  }

  private launch(): Promise<Browser> {
    if (!this.browser) {
      const starting = launchHeadless();
      // A failed launch is not remembered: the next render tries again.
      starting.catch(() => {
        if (this.browser === starting) this.browser = null;
      });
      this.browser = starting;
    }
    return this.browser;
  }
}
