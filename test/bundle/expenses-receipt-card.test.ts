/**
 * The receipt card in Gmail, through the built bundle: the three demo receipt mails open
 * prefilled (a taxi app's text mail, a supplier's PDF invoice, a photographed cafe receipt read
 * by OCR), logging keeps the received file in Drive under its 電帳法 name and adds the row linking
 * to it, once; bad input is refused before anything is written; opening a card costs a bounded
 * number of calls, modelled well inside the card's 30 seconds.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type FormValue, initialFormValues } from '../../emulator/addon-events';
import { type CardJson, cardTree } from '../../emulator/services/card';
import type { IncomingMail } from '../../emulator/services/gmail';
import {
  click,
  deliver,
  demoMail,
  type GmailBundle,
  ioCalls,
  linkButtons,
  openGmailBundle,
  openMail,
  responseOf,
} from './gmail-support';

const NOW = '2026-11-24T09:00:00+09:00';

/** A demo mail with its attachments' bytes read from playground/demo (as the playground does). */
function receiptMail(id: string): IncomingMail {
  const mail = demoMail(id);
  const files = (mail.attachments ?? []) as unknown as {
    name: string;
    contentType: string;
    file: string;
  }[];
  return {
    ...mail,
    attachments: files.map((a) => ({
      name: a.name,
      contentType: a.contentType,
      data: new Uint8Array(readFileSync(join('playground/demo', a.file))),
    })),
  };
}

function expenseRows(g: GmailBundle): Record<string, string>[] {
  const sheet = g.ws.SpreadsheetApp.openById(g.workbookId).getSheetByName('経費')!;
  const [header = [], ...rows] = sheet.getDataRange().getDisplayValues();
  return rows
    .filter((r) => r.some((c) => c !== ''))
    .map((r) => Object.fromEntries(header.map((h, i) => [String(h), r[i] ?? ''])));
}

function receiptFiles(g: GmailBundle) {
  return g.ws.DriveApp.allFiles().filter((f) => !f.trashed && f.path.startsWith('Pokke/経費/'));
}

function text(card: CardJson): string {
  return JSON.stringify(card);
}

function open(g: GmailBundle, mail: IncomingMail) {
  const id = deliver(g.ws, mail);
  const before = ioCalls(g);
  const r = openMail(g, id);
  return {
    id,
    card: r.cards[0]!,
    calls: ioCalls(g) - before,
    ms: r.execution!.elapsedMs,
    counts: g.ws.meter.lastExecution,
  };
}

function logIt(g: GmailBundle, card: CardJson, id: string, edits: Record<string, FormValue> = {}) {
  const before = ioCalls(g);
  const r = click(g, card, /経費に記録|Log expense/, { messageId: id, edits });
  return { ...responseOf(r.value), calls: ioCalls(g) - before };
}

const DEMOS = [
  {
    id: 'receipt-taxi',
    fields: {
      expenseDate: { date: Date.parse('2026-11-20T00:00:00Z') },
      expensePayee: 'みなと交通株式会社',
      expenseAmount: '3,200',
      expenseTaxRate: ['10'],
      expenseAccount: ['旅費交通費'],
      expensePaymentMethod: ['カード'],
      expenseRegistrationNumber: 'T7000000005678',
    },
    file: 'Pokke/経費/2026/11/20261120_みなと交通株式会社_3200.eml',
    mimeType: 'message/rfc822',
    rows: [
      { 日付: '2026/11/20', 取引先: 'みなと交通株式会社', '金額(税込)': '3,200', 税率: '10%' },
    ],
  },
  {
    id: 'receipt-invoice-pdf',
    fields: {
      expenseDate: { date: Date.parse('2026-11-20T00:00:00Z') },
      expensePayee: '株式会社こもれび商会',
      expenseAmount: '21,292',
      expenseTaxRate: ['10'],
      expenseReduced: '2,592',
      expensePaymentMethod: ['振込'],
      expenseRegistrationNumber: 'T9000000007788',
    },
    file: 'Pokke/経費/2026/11/20261120_株式会社こもれび商会_21292.pdf',
    mimeType: 'application/pdf',
    // 10% and 8% on one invoice: one row per rate, both linking to the one PDF.
    rows: [
      { 取引先: '株式会社こもれび商会', '金額(税込)': '18,700', 税率: '10%' },
      { 取引先: '株式会社こもれび商会', '金額(税込)': '2,592', 税率: '8%' },
    ],
  },
  {
    id: 'receipt-photo',
    fields: {
      expenseDate: { date: Date.parse('2026-11-18T00:00:00Z') },
      expensePayee: '喫茶 山小屋',
      expenseAmount: '2,420',
      expenseTaxRate: ['10'],
      expenseAccount: ['接待交際費'],
      expensePaymentMethod: ['現金'],
      expenseRegistrationNumber: 'T9000000004455',
    },
    file: 'Pokke/経費/2026/11/20261118_喫茶 山小屋_2420.jpg',
    mimeType: 'image/jpeg',
    rows: [{ 日付: '2026/11/18', 取引先: '喫茶 山小屋', '金額(税込)': '2,420', 税率: '10%' }],
  },
] as const;

describe('the receipt card on the demo receipt mails', () => {
  it.each(DEMOS)('$id: prefilled, logged once with its file in Drive', (demo) => {
    const g = openGmailBundle({ now: NOW });
    const opened = open(g, receiptMail(demo.id));
    expect(initialFormValues(opened.card)).toMatchObject(demo.fields);

    const logged = logIt(g, opened.card, opened.id);
    expect(logged.notification).toMatch(/経費に記録しました/);
    const files = receiptFiles(g);
    expect(files.map((f) => [f.path, f.mimeType])).toEqual([[demo.file, demo.mimeType]]);
    const rows = expenseRows(g);
    expect(rows).toHaveLength(demo.rows.length);
    demo.rows.forEach((row, i) => {
      expect(rows[i]).toMatchObject({
        ...row,
        領収書: files[0]!.url,
        取込元: i === 0 ? opened.id : `${opened.id}#${i + 1}`,
      });
    });
    expect(linkButtons(logged.card!)).toMatchObject({ 領収書ファイルを開く: files[0]!.url });

    // Twice (a double click, a second device): no second row, no second file.
    const again = logIt(g, opened.card, opened.id);
    expect(again.notification).toMatch(/記録済み/);
    expect(expenseRows(g)).toHaveLength(demo.rows.length);
    expect(receiptFiles(g)).toHaveLength(1);
    // Opened again: the logged row, not a second offer.
    const reopened = openMail(g, opened.id).cards[0]!;
    expect(text(reopened)).toMatch(/記録済み/);
    expect(text(reopened)).not.toMatch(/経費に記録"/);
  });
});

describe('the receipt card and the task card', () => {
  it('an ordinary mail still opens the task card; a receipt card offers the task card too', () => {
    const g = openGmailBundle({ now: NOW });
    const plain = open(g, demoMail('estimate'));
    expect(plain.card.name).toBe('pokke-mail-task');
    const receipt = open(g, receiptMail('receipt-taxi'));
    expect(receipt.card.name).toBe('pokke-expense');
    const r = click(g, receipt.card, /タスクにする/, { messageId: receipt.id });
    const task = pushedCard(r.value);
    expect(task?.name).toBe('pokke-mail-task');
    expect(JSON.stringify(task)).toContain('タスクを作成');
  });
});

function pushedCard(value: unknown): CardJson | undefined {
  const tree = cardTree(value) as unknown as { navigations?: { pushCard?: CardJson }[] };
  return (tree.navigations ?? []).find((n) => n.pushCard)?.pushCard;
}

describe('bad input: a clear message, nothing logged half-way', () => {
  const nothingLogged = (g: GmailBundle) => {
    expect(expenseRows(g)).toHaveLength(0);
    expect(receiptFiles(g)).toHaveLength(0);
  };

  it('a receipt with no readable total: the card says so; logging waits for the amount', () => {
    const g = openGmailBundle({ now: NOW });
    const opened = open(g, {
      from: 'shop@example.jp',
      subject: '領収書のお知らせ',
      plainBody: 'ポッケ文具店\nご利用日 2026/11/21\n領収書を添付します。',
      attachments: [{ name: 'receipt.pdf', contentType: 'application/pdf', data: '%PDF-1.4 ?' }],
    });
    expect(initialFormValues(opened.card).expenseAmount ?? '').toBe('');
    expect(text(opened.card)).toMatch(/合計金額が見つかりませんでした。金額を入力してください/);
    const refused = logIt(g, opened.card, opened.id);
    expect(refused.notification).toMatch(/金額を読み取れませんでした/);
    nothingLogged(g);
    const done = logIt(g, opened.card, opened.id, {
      expenseAmount: '1,100',
      expensePayee: 'ポッケ文具店',
    });
    expect(done.notification).toMatch(/経費に記録しました/);
    expect(expenseRows(g)).toMatchObject([{ 取引先: 'ポッケ文具店', '金額(税込)': '1,100' }]);
  });

  it('a corrupt PDF: the card opens with what the mail says and names the file', () => {
    const g = openGmailBundle({ now: NOW });
    const opened = open(g, {
      from: 'billing@example.jp',
      subject: 'ご請求書',
      plainBody: '株式会社ポッケ工房\n発行日 2026年11月19日\nご請求金額 5,500円',
      attachments: [
        { name: 'invoice.pdf', contentType: 'application/pdf', data: 'not a pdf at all' },
      ],
    });
    expect(text(opened.card)).toMatch(/invoice.pdf を Drive で読み取れませんでした/);
    expect(initialFormValues(opened.card)).toMatchObject({
      expensePayee: '株式会社ポッケ工房',
      expenseAmount: '5,500',
    });
    // The Doc Drive made for the reading is gone.
    expect(g.ws.DriveApp.allFiles().filter((f) => !f.trashed)).toHaveLength(0);
  });

  it('a 20 MB photo is refused before it is read or kept: no conversion, no log button', () => {
    const g = openGmailBundle({ now: NOW });
    const opened = open(g, {
      from: 'colleague@example.jp',
      subject: '領収書の写真',
      plainBody: '写真を送ります',
      attachments: [
        { name: 'huge.jpg', contentType: 'image/jpeg', data: new Uint8Array(20 * 1024 * 1024) },
      ],
    });
    expect(text(opened.card)).toMatch(/huge.jpg は 20.0 MB あり/);
    expect(g.ws.meter.counts()['Drive.Files.create'] ?? 0).toBe(0);
    expect(() => logIt(g, opened.card, opened.id)).toThrow(/No button/);
    nothingLogged(g);
  });

  it('a hostile payee name stays text: in the cell, the file name and the card', () => {
    const g = openGmailBundle({ now: NOW });
    const opened = open(g, receiptMail('receipt-taxi'));
    const hostile = '=HYPERLINK("https://evil.example/","払う")<b>x</b>';
    const done = logIt(g, opened.card, opened.id, { expensePayee: hostile });
    expect(done.notification).toMatch(/経費に記録しました/);
    const sheet = g.ws.SpreadsheetApp.openById(g.workbookId).getSheetByName('経費')!;
    const row = sheet.getRange(2, 1, 1, sheet.getLastColumn());
    expect(row.getFormulas()[0]!.every((f) => f === '')).toBe(true);
    // Sheets keeps the apostrophe textCell adds as its "this is text" mark in a plain-text cell.
    expect(String(row.getValues()[0]![1]).replace(/^'/, '')).toBe(hostile);
    expect(receiptFiles(g)[0]!.name).not.toMatch(/[/"<>]/);
    expect(text(done.card!)).not.toContain('<b>x</b>');
  });

  it('a future date or a malformed T番号 is refused with the field named', () => {
    const g = openGmailBundle({ now: NOW });
    const opened = open(g, receiptMail('receipt-taxi'));
    const r = logIt(g, opened.card, opened.id, {
      expenseDate: { date: Date.parse('2026-12-24T00:00:00Z') },
      expenseRegistrationNumber: 'T123',
    });
    expect(r.notification).toMatch(/日付が未来/);
    expect(r.notification).toMatch(/登録番号/);
    nothingLogged(g);
  });
});

describe('cost of a receipt card', () => {
  it('opening and logging cost the same bounded calls with 10 or 5,000 log rows, OCR inside 30 s', () => {
    const figures: string[] = [];
    for (const id of ['receipt-taxi', 'receipt-invoice-pdf', 'receipt-photo']) {
      const calls: number[] = [];
      const logCalls: number[] = [];
      for (const rows of [10, 5000]) {
        const g = openGmailBundle({ now: NOW });
        const sheet = g.ws.SpreadsheetApp.openById(g.workbookId).getSheetByName('経費')!;
        const width = sheet.getLastColumn();
        const block = Array.from({ length: rows }, (_, i) => {
          const r = new Array(width).fill('');
          r[0] = '2026/11/02';
          r[1] = `取引先${i}`;
          r[2] = 1000 + i;
          r[3] = '10%';
          return r;
        });
        sheet.insertRowsAfter(sheet.getMaxRows(), rows);
        sheet.getRange(2, 1, rows, width).setValues(block);
        const opened = open(g, receiptMail(id));
        calls.push(opened.calls);
        expect(opened.calls).toBeLessThanOrEqual(40);
        expect(opened.ms).toBeLessThan(15_000);
        const logged = logIt(g, opened.card, opened.id);
        expect(logged.notification).toBe('経費に記録しました');
        logCalls.push(logged.calls);
        expect(logged.calls).toBeLessThanOrEqual(40);
        figures.push(
          `${id} (${rows} rows): open ${opened.calls} calls ${opened.ms} ms; log ${logged.calls} calls ${g.ws.meter.lastExecution!.elapsedMs} ms`,
        );
      }
      expect(calls[1]).toBe(calls[0]);
      expect(logCalls[1]).toBe(logCalls[0]);
    }
    console.log(figures.join('\n'));
  });
});
