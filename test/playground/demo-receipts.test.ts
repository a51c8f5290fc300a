import { readFileSync, statSync } from 'node:fs';
import { hostRealm } from '../../emulator/core/realm';
import type { GmailMessage } from '../../emulator/services/gmail/message';
import { Workspace } from '../../emulator/workspace';
import { deliverDemoMails } from '../../playground/gmail';
import type { DateKey } from '../../src/core/dates';
import { type ReceiptReading, readReceipt } from '../../src/core/expenses';
import { readFileText } from '../../src/services/fileText';

/**
 * The playground's three demo receipts (a taxi-app mail, a supplier's PDF invoice, a photographed
 * paper receipt), delivered to the demo inbox and read the way the card will: the mail body as
 * it is, the attachments through Drive's conversion (PDF.js and tesseract in the emulator), then
 * readReceipt.
 */

const MANIFEST = JSON.parse(readFileSync('appsscript.json', 'utf8')) as {
  oauthScopes: string[];
  dependencies: {
    enabledAdvancedServices: { userSymbol: string; serviceId: string; version: string }[];
  };
};
const TODAY = '2026-11-24' as DateKey;
const OWN_NAMES = ['株式会社ぽっけ商店'];

function demoInbox() {
  const ws = new Workspace({
    now: '2026-11-24T09:00:00+09:00',
    advancedServices: MANIFEST.dependencies.enabledAdvancedServices,
    oauthScopes: MANIFEST.oauthScopes,
  });
  deliverDemoMails(ws, 'playground/demo');
  const globals = ws.globals(hostRealm);
  const g = globalThis as Record<string, unknown>;
  const saved = Object.keys(globals).map((k) => [k, g[k]] as const);
  Object.assign(g, globals);
  const restore = () => {
    for (const [k, v] of saved) g[k] = v;
  };
  const bySubject = (part: string): GmailMessage => {
    const found = [...ws.GmailApp.box.messages.values()].find((m) => m.getSubject().includes(part));
    if (!found) throw new Error(`no demo mail about ${part}`);
    return found;
  };
  return { ws, restore, bySubject };
}

/** What the expense row needs from a reading. */
function essentials(r: ReceiptReading) {
  return {
    date: r.date,
    payee: r.payee,
    total: r.total,
    tax: r.tax,
    byRate: r.byRate,
    registrationNumber: r.registrationNumber,
    notes: r.notes,
  };
}

let inbox: ReturnType<typeof demoInbox>;
beforeAll(() => {
  inbox = demoInbox();
});
afterAll(() => inbox.restore());

describe('the demo receipts', () => {
  it('a taxi-app receipt mail: read from its text', () => {
    const mail = inbox.bySubject('ぽけっとライド');
    const reading = readReceipt(mail.getPlainBody(), {
      today: TODAY,
      source: 'mail',
      ownNames: OWN_NAMES,
    });
    expect(essentials(reading)).toEqual({
      date: '2026-11-20',
      payee: 'みなと交通株式会社',
      total: 3200,
      tax: 290,
      byRate: [{ rate: 10, amount: 3200, tax: 290 }],
      registrationNumber: 'T7000000005678',
      notes: [],
    });
    expect(reading.paymentMethod).toBe('カード');
  });

  it("a supplier's PDF invoice: read from its text layer through Drive", () => {
    const [pdf] = inbox.bySubject('KM-2611-0042').getAttachments();
    expect(pdf?.getContentType()).toBe('application/pdf');
    const text = readFileText(pdf as unknown as GoogleAppsScript.Base.Blob, { ocrLanguage: 'ja' });
    const reading = readReceipt(text, { today: TODAY, source: 'pdf', ownNames: OWN_NAMES });
    expect(essentials(reading)).toEqual({
      date: '2026-11-20',
      payee: '株式会社こもれび商会',
      total: 21292,
      tax: 1892,
      byRate: [
        { rate: 10, amount: 18700, tax: 1700 },
        { rate: 8, amount: 2592, tax: 192 },
      ],
      registrationNumber: 'T9000000007788',
      notes: [],
    });
  });

  it('a photographed paper receipt: read by OCR through Drive', () => {
    const [photo] = inbox.bySubject('喫茶 山小屋').getAttachments();
    expect(photo?.getContentType()).toBe('image/jpeg');
    const text = readFileText(photo as unknown as GoogleAppsScript.Base.Blob, {
      ocrLanguage: 'ja',
    });
    const reading = readReceipt(text, { today: TODAY, source: 'ocr', ownNames: OWN_NAMES });
    expect(essentials(reading)).toEqual({
      date: '2026-11-18',
      payee: '喫茶 山小屋',
      total: 2420,
      tax: 220,
      byRate: [{ rate: 10, amount: 2420, tax: 220 }],
      registrationNumber: 'T9000000004455',
      notes: [],
    });
    expect(reading.paymentMethod).toBe('現金');
  });

  it('keeps the photo small enough for a demo repository', () => {
    expect(statSync('playground/demo/receipts/cafe-receipt.jpg').size).toBeLessThan(300 * 1024);
  });
});
