#!/usr/bin/env node
// The `khuyencong` command: loads the TypeScript CLI through tsx in this same process (ADR 0004).
import { register } from 'tsx/esm/api';

register();
await import('../server/main.ts');
