/** Payments in (入金確認・消込): bank statement CSVs → lines → proposals matching open invoices. */
export * from './combination';
export * from './csv';
export * from './layouts';
export * from './legalForms';
export * from './lineIdentity';
export * from './match';
export * from './ownerLayout';
export * from './payerIndex';
export * from './payerName';
export * from './reasons';
export * from './settle';
export * from './settledCell';
export * from './statement';
