import { issuerWarnings } from '../../../src/core/invoice';
import { ISSUER } from './fixtures';

describe('issuerWarnings: what the settings leave out of every invoice', () => {
  const noBank = { ...ISSUER, bankName: '', bankBranch: '', accountNumber: '', accountHolder: '' };

  test('a fully configured issuer: nothing to say', () => {
    expect(issuerWarnings(ISSUER)).toEqual([]);
  });

  test('no 登録番号 and no 振込先: both, Japanese first', () => {
    const warnings = issuerWarnings({ ...noBank, registrationNumber: '' });
    expect(warnings).toHaveLength(2);
    expect(warnings[0]).toMatch(/^登録番号が未設定です。適格請求書になりません \/ No registration/);
    expect(warnings[1]).toMatch(/^振込先が未設定です。.* \/ No bank account/);
  });

  test('a bank name without an account number is no place to pay', () => {
    expect(issuerWarnings({ ...ISSUER, accountNumber: '' }).join()).toMatch(/振込先が未設定です/);
  });

  test('the fee sentence asked for twice (the note and the setting)', () => {
    const twice = { ...ISSUER, invoiceNote: '恐れ入りますが、振込手数料はご負担ください。' };
    expect(issuerWarnings(twice).join()).toMatch(/2回表示されます/);
    expect(issuerWarnings({ ...twice, transferFeeNote: 'しない' })).toEqual([]);
  });
});
