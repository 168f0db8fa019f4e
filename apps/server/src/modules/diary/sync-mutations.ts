/**
 * The pieces of a sync flush that need no database: reading a mutation's payload, turning a refused
 * mutation into its result, and cutting the queue into runs of creates that can be stored together.
 */
import { z } from 'zod';
import { CreateSeasonBody, IsoDate, TypedActivityDetails, type SyncMutation, type SyncResult } from '@dongxanh/contracts';
import { DomainError, fieldError, type FieldError } from '../../shared/errors.ts';
import { message } from '../../shared/messages.ts';
import { valueAt } from '../../shared/value-at.ts';

/** Zod issues as the API's field errors: `payload.details.levelCm`, `seasonIds[3]`. */
export const zodErrors = (error: z.ZodError, prefix: string, sent?: unknown): FieldError[] =>
  error.issues.map((i) => {
    const fieldError: FieldError = { path: [prefix, ...i.path.map(String)].filter(Boolean).join('.').replace(/\.(\d+)(?=\.|$)/g, '[$1]'), message: i.message };
    // The issue and what was sent, kept out of JSON, so the HTTP edge can say it in the user's language.
    Object.defineProperty(fieldError, 'issue', { value: { ...i, input: valueAt(sent, i.path) }, enumerable: false });
    return fieldError;
  });

export function need<T>(m: SyncMutation, value: T | undefined, field: string): T {
  if (value === undefined) throw new DomainError('invalid_input', message('sync.needsField', { kind: m.kind, field }), { errors: [fieldError(field, message('sync.required'))] });
  return value;
}

export function parsePayload<S extends z.ZodType>(m: SyncMutation, schema: S): z.infer<S> {
  const parsed = schema.safeParse(m.payload);
  if (!parsed.success) throw new DomainError('invalid_input', message('sync.invalidPayload', { kind: m.kind }), { errors: zodErrors(parsed.error, 'payload', m.payload) });
  return parsed.data;
}

/** A refused or conflicting mutation as its sync result; anything but a DomainError is a bug and propagates. */
export function failure(m: SyncMutation, err: unknown): SyncResult {
  if (!(err instanceof DomainError)) throw err;
  const { current, errors } = (err.details ?? {}) as { current?: unknown; errors?: FieldError[] };
  return {
    clientId: m.clientId,
    status: err.code === 'conflict' ? 'conflict' : 'rejected',
    ...(current !== undefined ? { current } : {}),
    error: withLocalised({ code: err.code, detail: err.message, ...(errors ? { errors } : {}) }, err),
  };
}

/** The error's message key rides along out of JSON, for the HTTP edge to render (http/problem.ts). */
function withLocalised<T extends object>(error: T, err: DomainError): T {
  if (err.localised) Object.defineProperty(error, 'localised', { value: err.localised, enumerable: false });
  return error;
}

/** The mutations from `start` that form one run of creates with distinct clientIds (at least one mutation). */
export function createRun(mutations: readonly SyncMutation[], start: number): SyncMutation[] {
  const run = [mutations[start]!];
  if (run[0]!.kind !== 'createActivity') return run;
  const ids = new Set([run[0]!.clientId]);
  for (let i = start + 1; i < mutations.length && mutations[i]!.kind === 'createActivity' && !ids.has(mutations[i]!.clientId); i++) {
    run.push(mutations[i]!);
    ids.add(mutations[i]!.clientId);
  }
  return run;
}

export const SyncSeasonPayload = z.intersection(z.object({ plotId: z.uuid() }), CreateSeasonBody);
export const SyncActivityPayload = z.intersection(z.object({ occurredOn: IsoDate }), TypedActivityDetails);
export const SyncUpdatePayload = z.object({ occurredOn: IsoDate.optional(), details: z.record(z.string(), z.unknown()).optional() });
