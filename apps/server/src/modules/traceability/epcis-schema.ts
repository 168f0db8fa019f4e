/**
 * GS1's EPCIS 2.0 JSON Schema (shared/data/gs1-epcis/EPCIS-JSON-Schema.json, from repo gs1/EPCIS),
 * compiled once with Ajv (draft-07) and ajv-formats: imports are checked against it before anything
 * is stored, and the export is checked against it in tests.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv, type ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';

const addFormats = addFormatsModule as unknown as (ajv: Ajv) => Ajv;

export interface SchemaProblem {
  path: string;
  message: string;
}
export type EpcisValidator = (document: unknown) => SchemaProblem[];

const cache = new Map<string, ValidateFunction>();

export function epcisValidator(referenceDataDir: string): EpcisValidator {
  const file = join(referenceDataDir, 'gs1-epcis', 'EPCIS-JSON-Schema.json');
  let validate = cache.get(file);
  if (!validate) {
    const ajv = new Ajv({ strict: false, allErrors: true });
    addFormats(ajv);
    validate = ajv.compile(JSON.parse(readFileSync(file, 'utf8')) as object);
    cache.set(file, validate);
  }
  const compiled = validate;
  return (document) => {
    if (compiled(document)) return [];
    // The schema's if/then branches repeat one failure several times; keep each distinct message once.
    const seen = new Set<string>();
    return (compiled.errors ?? []).flatMap((e) => {
      const path = e.instancePath.replace(/^\//, '').replace(/\//g, '.') || '(document)';
      const message = `${e.message ?? 'invalid'}${e.params && 'allowedValues' in e.params ? ` (${(e.params.allowedValues as unknown[]).join(', ')})` : ''}`;
      const key = `${path}:${message}`;
      if (seen.has(key) || e.keyword === 'if') return [];
      seen.add(key);
      return [{ path, message }];
    });
  };
}
