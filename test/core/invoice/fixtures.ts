import type { DateKey } from '../../../src/core/dates';
import {
  type Client,
  type ClientCells,
  type Issuer,
  indexClients,
  type SaleCells,
  type SaleLine,
  validateClientRow,
  validateSaleRow,
} from '../../../src/core/invoice';

export const d = (s: string) => s as DateKey;

export const ISSUER: Issuer = {
  companyName: '株式会社ポッケ',
  registrationNumber: 'T1234567890123',
  postalCode: '150-0001',
  address: '東京都渋谷区神宮前1-2-3',
  phone: '03-1234-5678',
  email: 'billing@pokke.example',
  bankName: 'みずほ銀行',
  bankBranch: '渋谷支店',
  accountType: '普通',
  accountNumber: '1234567',
  accountHolder: 'カ)ポッケ',
};

/** A valid client; throws when the cells are not. */
export function client(cells: ClientCells, row = 2): Client {
  const result = validateClientRow(
    { terms: '月末締め翌月末払い', email: 'a@example.jp', ...cells },
    row,
    { defaultTerms: '月末締め翌月末払い' },
  );
  if (!result.ok) throw new Error(result.problems.map((p) => p.message.en).join('\n'));
  return result.client;
}

/** Valid sales lines for the given clients; throws when a row is not valid. */
export function lines(
  clients: readonly Client[],
  rows: readonly SaleCells[],
  firstRow = 2,
): SaleLine[] {
  const map = indexClients(clients);
  return rows.map((cells, i) => {
    const result = validateSaleRow(
      { quantity: 1, taxRate: '10%', taxMode: '税抜', item: '作業', ...cells },
      firstRow + i,
      { clients: map },
    );
    if (!result.ok) throw new Error(result.problems.map((p) => p.message.en).join('\n'));
    return result.line;
  });
}
