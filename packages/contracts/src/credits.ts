/**
 * Carbon credits (capability 6): verified reductions of a project's monitoring period issued as
 * serial-number ranges per project and vintage, transfers between accounts, retirements, the export
 * for the national registry and the import of its acknowledgement.
 *
 * Serial ranges read `VN-DX-<project code>-<vintage>-<first>-<last>`, one unit = one t CO2e.
 */
import { z } from 'zod';

export const CreditAccountResponse = z.object({
  id: z.uuid(),
  organisationId: z.uuid(),
  organisationName: z.string(),
  name: z.string(),
  balances: z.array(z.object({ projectId: z.uuid(), projectCode: z.string(), vintage: z.number().int(), active: z.number().int(), retired: z.number().int() })),
});
export type CreditAccountResponse = z.infer<typeof CreditAccountResponse>;
export const CreditAccountList = z.object({ items: z.array(CreditAccountResponse) });
export const CreateAccountBody = z.object({ organisationId: z.uuid(), name: z.string().trim().min(1).max(200) });
export type CreateAccountBody = z.infer<typeof CreateAccountBody>;

export const IssueCreditsBody = z.object({ submissionId: z.uuid() });
export type IssueCreditsBody = z.infer<typeof IssueCreditsBody>;
export const IssuanceResponse = z.object({
  id: z.uuid(),
  projectId: z.uuid(),
  projectCode: z.string(),
  vintage: z.number().int(),
  submissionId: z.uuid(),
  accountId: z.uuid(),
  serialStart: z.number().int(),
  serialEnd: z.number().int(),
  serialRange: z.string(),
  quantity: z.number().int(),
  /** Sum of the plot-seasons' net emission reductions before rounding down (t CO2e). */
  netErTCo2e: z.number(),
  plotSeasons: z.number().int(),
  methodology: z.string(),
  createdAt: z.string(),
});
export type IssuanceResponse = z.infer<typeof IssuanceResponse>;

const SerialSelection = {
  projectId: z.uuid(),
  vintage: z.number().int().min(2000).max(2100),
  quantity: z.number().int().min(1).max(100_000_000),
  /** Take exactly these serials (first of the range); absent: the lowest active serials of the account. */
  serialStart: z.number().int().min(1).optional(),
};
export const TransferBody = z.object({ fromAccountId: z.uuid(), toAccountId: z.uuid(), ...SerialSelection });
export type TransferBody = z.infer<typeof TransferBody>;
export const RetireBody = z.object({
  accountId: z.uuid(),
  ...SerialSelection,
  beneficiary: z.string().trim().min(1, 'Name the beneficiary').max(200),
  reason: z.string().trim().min(3, 'Give the reason for retiring').max(500),
});
export type RetireBody = z.infer<typeof RetireBody>;

export const MovementResponse = z.object({
  kind: z.enum(['issuance', 'transfer', 'retirement']),
  id: z.uuid(),
  projectCode: z.string(),
  vintage: z.number().int(),
  serialRange: z.string(),
  quantity: z.number().int(),
  fromAccountId: z.uuid().nullable(),
  toAccountId: z.uuid().nullable(),
  beneficiary: z.string().nullable(),
  reason: z.string().nullable(),
  registryStatus: z.enum(['accepted', 'rejected', 'pending']).nullable(),
  at: z.string(),
});
export type MovementResponse = z.infer<typeof MovementResponse>;
export const MovementList = z.object({ items: z.array(MovementResponse) });
export const MovementsResponse = z.object({ movements: z.array(MovementResponse) });

export const ProjectCreditsResponse = z.object({
  projectId: z.uuid(),
  projectCode: z.string(),
  issued: z.number().int(),
  active: z.number().int(),
  retired: z.number().int(),
  movements: z.array(MovementResponse),
});
export type ProjectCreditsResponse = z.infer<typeof ProjectCreditsResponse>;

export const RegistryExportQuery = z.object({ projectId: z.uuid(), format: z.enum(['json', 'csv']).default('json') });

/** One line of the national-registry export (JSON `records[]`, or one CSV row with these columns in this order). */
export const RegistryRecord = z.object({
  record_kind: z.enum(['issuance', 'transfer', 'retirement']),
  record_id: z.uuid(),
  project_code: z.string(),
  project_name: z.string(),
  methodology: z.string(),
  vintage: z.number().int(),
  serial_range: z.string(),
  serial_start: z.number().int(),
  serial_end: z.number().int(),
  quantity: z.number().int(),
  from_account: z.string().nullable(),
  to_account: z.string().nullable(),
  beneficiary: z.string().nullable(),
  reason: z.string().nullable(),
  verifier: z.string().nullable(),
  verified_on: z.string().nullable(),
  occurred_at: z.string(),
});
export type RegistryRecord = z.infer<typeof RegistryRecord>;
export const RegistryExport = z.object({
  format: z.literal('dongxanh-registry-export/1'),
  exported_at: z.string(),
  project: z.object({ code: z.string(), name: z.string(), province_code: z.string(), methodology: z.string(), gwp_set: z.string() }),
  records: z.array(RegistryRecord),
});
export type RegistryExport = z.infer<typeof RegistryExport>;

export const RegistryAcknowledgementBody = z.object({
  format: z.literal('registry-acknowledgement/1'),
  project_code: z.string(),
  acknowledged_at: z.iso.datetime({ offset: true }),
  records: z.array(z.object({
    record_id: z.uuid(),
    serial_range: z.string(),
    status: z.enum(['accepted', 'rejected', 'pending']),
    registry_reference: z.string().max(120).optional(),
    message: z.string().max(1000).optional(),
  })).min(1).max(10_000),
});
export type RegistryAcknowledgementBody = z.infer<typeof RegistryAcknowledgementBody>;
export const RegistryAcknowledgementResponse = z.object({ imported: z.number().int(), accepted: z.number().int(), rejected: z.number().int(), pending: z.number().int() });
