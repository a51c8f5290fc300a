/**
 * How payees are compared when learning the owner's accounts: 「株式会社 ABC」, 「ABC(株)」, 「ＡＢＣ」
 * and 「abc inc.」 are one payee. NFKC (㈱ → (株), full width → half width), lower case, legal forms
 * and punctuation removed. A branch (渋谷店) stays: the owner may book branches differently.
 */
const LEGAL_FORMS =
  /株式会社|有限会社|合同会社|合資会社|合名会社|一般社団法人|一般財団法人|\(株\)|\(有\)|\(同\)|(?<![a-z])(?:inc|llc|ltd|co|corp|corporation|k\.?k|g\.?k|gmbh|plc|pte)(?![a-z])\.?/g;

export function payeeKey(name: string): string {
  return name
    .normalize('NFKC')
    .toLowerCase()
    .replace(LEGAL_FORMS, '')
    .replace(/[\s.,・'"“”‘’()[\]「」&＆\-‐–—_/]+/g, '');
}
