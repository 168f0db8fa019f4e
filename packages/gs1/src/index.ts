/**
 * @dongxanh/gs1 — GS1 identifiers with no dependencies and no I/O: check digits (GTIN, GLN, SSCC),
 * GS1 Digital Link URIs, and EPC URNs for EPCIS. Used by the server (lots, EPCIS, QR codes, the
 * public page) and the web app (validating a GTIN as it is typed).
 */
export * from './check-digit.ts';
export { AI_TABLE, CSET82, QUALIFIERS, aiOf, type AiDefinition } from './application-identifiers.ts';
export * from './digital-link.ts';
export * from './epc.ts';
