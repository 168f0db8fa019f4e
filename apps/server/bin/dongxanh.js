#!/usr/bin/env node
// The Đồng Xanh command line. TypeScript sources run through tsx; see `dongxanh help`.
import { register } from 'tsx/esm/api';

register();
await import('../src/cli.ts');
