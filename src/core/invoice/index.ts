/** The pure invoice logic: sheet rows → validated lines and clients → drafts → numbers, HTML, mail. */
export * from './amounts';
export * from './clients';
export * from './fileName';
export * from './grouping';
export * from './issuer';
export * from './lines';
export * from './mailBody';
export * from './numbering';
export * from './problems';
export * from './render';
