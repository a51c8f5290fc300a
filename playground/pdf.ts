/**
 * Real PDFs for the playground and the CLI. The emulator's `blob.getAs('application/pdf')` keeps
 * the HTML it converted (`sourceHtml`); here headless Chromium prints that HTML to an A4 PDF, as
 * Apps Script's converter would, so a person can open and check it. One browser is launched on
 * the first render, reused, and closed with `close()`. Pages load nothing from the network.
 * Without a Chromium or Chrome to launch, rendering throws `PdfUnavailable` with a one-line hint:
 * callers then show the invoice's HTML instead (outbox.ts).
 */

import { createHash } from 'node:crypto';
import type { Browser } from 'playwright-core';
import { emulatedPdfHtml } from '../emulator/services/blob';
import { type Text, text } from '../src/core/text';
import { chromiumMissingHint, findChromium, launchHeadless } from './chromium';
import { messageOf } from './errors';

/** Rendered PDFs kept per renderer (by the HTML's hash), so reopening one is instant. */
const CACHE_ENTRIES = 64;

/** No browser could be found or started; `message` is the hint to show (one line). */
export class PdfUnavailable extends Error {
  constructor(readonly hint: Text) {
    super(hint.en);
    this.name = 'PdfUnavailable';
  }
}

export interface PdfRendererOptions {
  /** Finds the browser (default: `findChromium()`); null when there is none. */
  findBrowser?: () => string | null;
  /** The hint when none is found (default: `chromiumMissingHint()`). */
  missingHint?: () => Text;
}

export class PdfRenderer {
  private browser: Promise<Browser> | null = null;
  private readonly cache = new Map<string, Buffer>();
  /** The byte size of every PDF rendered so far, by the HTML's hash (never evicted). */
  private readonly sizes = new Map<string, number>();
  /** Set once no browser could be found or started: the hint shown instead of PDFs. */
  unavailable: Text | null = null;
  /** Milliseconds each render took (not counting cache hits), for reports and tests. */
  readonly timings: number[] = [];

  constructor(private readonly options: PdfRendererOptions = {}) {}

  /** The HTML printed to an A4 PDF (backgrounds included). Throws PdfUnavailable. */
  async render(html: string): Promise<Buffer> {
    const key = hashOf(html);
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
      this.sizes.set(key, pdf.length);
      if (this.cache.size > CACHE_ENTRIES) {
        const oldest = this.cache.keys().next().value;
        if (oldest !== undefined) this.cache.delete(oldest);
      }
      return pdf;
    } finally {
      await page.close();
    }
  }

  /** The size of the real PDF of `html` once it was rendered; undefined before. */
  renderedSize(html: string): number | undefined {
    return this.sizes.get(hashOf(html));
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
    if (this.unavailable !== null) return Promise.reject(new PdfUnavailable(this.unavailable));
    if (!this.browser) {
      const path = (this.options.findBrowser ?? findChromium)();
      if (path === null) {
        this.unavailable = (this.options.missingHint ?? chromiumMissingHint)();
        return Promise.reject(new PdfUnavailable(this.unavailable));
      }
      const starting = launchHeadless(path).catch((e: unknown) => {
        // A browser that will not start: remembered, so every later render answers at once.
        const why = messageOf(e).split('\n')[0];
        this.unavailable = text(`${path} を起動できません: ${why}`, `Cannot start ${path}: ${why}`);
        throw new PdfUnavailable(this.unavailable);
      });
      this.browser = starting;
    }
    return this.browser;
  }
}

function hashOf(html: string): string {
  return createHash('sha256').update(html).digest('hex');
}
