#!/usr/bin/env node
// The `portico` command: runs the TypeScript CLI through tsx (a dependency), so that `npx portico` works
// from the repository root right after `npm install`, with no build step.
import { register } from 'tsx/esm/api';

register();
await import('../src/cli/main.ts');
