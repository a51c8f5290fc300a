import * as z from 'zod/mini';
import { ACCOUNT_TYPES } from './settingsRows';

const text = () => z.string().check(z.maxLength(200));

/** The shape a sidebar must send: anything else is refused before it reaches the workbook. */
export const settingsFormSchema = z.strictObject({
  companyName: text(),
  registrationNumber: text(),
  postalCode: text(),
  address: text(),
  phone: text(),
  email: text(),
  bankName: text(),
  bankBranch: text(),
  accountType: z.enum(ACCOUNT_TYPES),
  accountNumber: text(),
  accountHolder: text(),
  rounding: z.enum(['floor', 'round', 'ceil']),
  defaultTerms: text(),
});
