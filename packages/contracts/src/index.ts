/**
 * @dongxanh/contracts — one zod schema per request and response shape, used by the server (validation
 * and the OpenAPI document), the web app and the CLI. No hand-written copy of an API type anywhere.
 */
export * from './common.ts';
export * from './auth.ts';
export * from './registry.ts';
export * from './imports.ts';
export * from './diary.ts';
