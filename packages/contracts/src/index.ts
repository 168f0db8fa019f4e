/**
 * @dongxanh/contracts — one zod schema per request and response shape, used by the server (validation
 * and the OpenAPI document), the web app and the CLI. No hand-written copy of an API type anywhere.
 */
export * from './common.ts';
export * from './auth.ts';
export * from './registry.ts';
export * from './imports.ts';
export * from './diary.ts';
export * from './mrv-runs.ts';
export * from './verification.ts';
export * from './credits.ts';
export * from './traceability.ts';
export * from './label.ts';
export * from './plans.ts';
export * from './reports.ts';
export * from './programme.ts';
