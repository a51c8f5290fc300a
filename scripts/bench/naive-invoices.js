// The comparison figure of `npm run bench`: the same month-end issuing written the way a first
// Apps Script usually is — one service call per cell or row, appendRow per invoice, DriveApp and
// GmailApp per invoice. It is NOT part of Pokke; the bench loads it into the emulator next to the
// workbook Pokke set up and measures it with the same latency table.
// It keeps the shape of the work (unbilled lines per client, one PDF and one draft per client,
// lines marked with their invoice number) and leaves out what does not change the call pattern
// (closing periods, per-rate tax, withholding, the full invoice layout).

// biome-ignore lint/correctness/noUnusedVariables: a global function the bench runs by name, as Apps Script would.
function issueInvoicesNaive() {
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  const sales = ss.getSheetByName('売上明細');
  const clients = ss.getSheetByName('取引先');
  const invoices = ss.getSheetByName('請求書');

  const salesCol = columnsOf(sales);
  const unbilled = new Map();
  for (let r = 2; r <= sales.getLastRow(); r++) {
    const row = sales.getRange(r, 1, 1, sales.getLastColumn()).getValues()[0];
    if (row[salesCol.請求書番号] !== '') continue;
    const client = row[salesCol.取引先];
    if (!unbilled.has(client)) unbilled.set(client, []);
    unbilled.get(client).push({ row: r, amount: row[salesCol.数量] * row[salesCol.単価] });
  }

  const clientCol = columnsOf(clients);
  const mailOf = new Map();
  for (let c = 2; c <= clients.getLastRow(); c++) {
    const name = clients.getRange(c, clientCol.取引先名 + 1).getValue();
    mailOf.set(name, clients.getRange(c, clientCol.メール + 1).getValue());
  }

  const invoiceCol = columnsOf(invoices);
  const folder = folderFor(['Pokke', '請求書(naive)']);
  for (const [client, lines] of unbilled) {
    const subtotal = lines.reduce((sum, line) => sum + line.amount, 0);
    const billed = subtotal + Math.floor(subtotal * 0.1);
    const number = `N-${invoices.getLastRow() + 1}`;
    const html = `<h1>請求書 ${number}</h1><p>${client} 御中</p><p>ご請求額 ${billed} 円</p>`;
    const pdf = Utilities.newBlob(html, 'text/html', `${number}.html`)
      .getAs('application/pdf')
      .setName(`${number}.pdf`);
    const file = folder.createFile(pdf);
    GmailApp.createDraft(mailOf.get(client), `請求書送付のご案内(${number})`, 'ご確認ください。', {
      attachments: [pdf],
    });
    const record = new Array(invoices.getLastColumn()).fill('');
    record[invoiceCol.請求書番号] = number;
    record[invoiceCol.取引先] = client;
    record[invoiceCol.請求額] = billed;
    record[invoiceCol.PDF] = file.getUrl();
    invoices.appendRow(record);
    for (const line of lines) sales.getRange(line.row, salesCol.請求書番号 + 1).setValue(number);
  }
  return unbilled.size;
}

function columnsOf(sheet) {
  const header = sheet.getRange(1, 1, 1, sheet.getLastColumn()).getValues()[0];
  return Object.fromEntries(header.map((name, i) => [name, i]));
}

function folderFor(path) {
  let folder = DriveApp.getRootFolder();
  for (const name of path) {
    const found = folder.getFoldersByName(name);
    folder = found.hasNext() ? found.next() : folder.createFolder(name);
  }
  return folder;
}
