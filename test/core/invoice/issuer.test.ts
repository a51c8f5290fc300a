import { issuerWarnings } from '../../../src/core/invoice';
import { ISSUER } from './fixtures';

describe('issuerWarnings: what the settings leave out of every invoice', () => {
  const noBank = { ...ISSUER, bankName: '', bankBranch: '', accountNumber: '', accountHolder: '' };

  test('a fully configured issuer: nothing to say', () => {
    expect(issuerWarnings(ISSUER)).toEqual([]);
  });

  test('no 登録番号 and no 振込先: both, in each language', () => {
    const warnings = issuerWarnings({ ...noBank, registrationNumber: '' });
    expect(warnings).toEqual([
      {
        ja: '登録番号が未設定です。適格請求書になりません',
        en: expect.stringMatching(/^No registration number is set/),
      },
      {
        ja: expect.stringMatching(/^振込先が未設定です。/),
        en: expect.stringMatching(/^No bank account is set/),
      },
    ]);
  });

  test('a bank name without an account number is no place to pay', () => {
    expect(issuerWarnings({ ...ISSUER, accountNumber: '' })).toEqual([
      {
        ja: expect.stringMatching(/^振込先が未設定です/),
        en: expect.stringMatching(/^No bank account is set/),
      },
    ]);
  });

  test('the fee sentence asked for twice (the note and the setting)', () => {
    const twice = { ...ISSUER, invoiceNote: '恐れ入りますが、振込手数料はご負担ください。' };
    expect(issuerWarnings(twice)).toEqual([
      {
        ja: expect.stringMatching(/2回表示されます/),
        en: expect.stringMatching(/printed twice/),
      },
    ]);
    expect(issuerWarnings({ ...twice, transferFeeNote: 'しない' })).toEqual([]);
  });
});
