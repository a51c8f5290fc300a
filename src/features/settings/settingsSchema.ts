import * as z from 'zod/mini';
import { MAX_INVOICE_NOTE, MAX_SETTING_TEXT } from './settingsFields';
import { ACCOUNT_TYPES, SEND_DIRECTLY_CHOICES } from './settingsRows';

const text = () => z.string().check(z.maxLength(MAX_SETTING_TEXT));

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
  companyNameEn: z.optional(text()),
  addressEn: z.optional(text()),
  bankNameEn: z.optional(text()),
  bankBranchEn: z.optional(text()),
  rounding: z.enum(['floor', 'round', 'ceil']),
  defaultTerms: text(),
  invoiceNumberPattern: text(),
  invoiceNote: z.string().check(z.maxLength(MAX_INVOICE_NOTE)),
  transferFeeNote: z.enum(SEND_DIRECTLY_CHOICES),
  sendDirectly: z.enum(SEND_DIRECTLY_CHOICES),
});
