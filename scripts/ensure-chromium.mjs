#!/usr/bin/env node
// E2E tests and the benchmark drive Debian's Chromium (Playwright cannot download its own browser here).
// This checks it is present and, when running as root on Debian, installs it.
import { execSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const path = process.env.PORTICO_CHROMIUM ?? '/usr/bin/chromium';
if (existsSync(path)) process.exit(0);
const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
if (!process.env.PORTICO_CHROMIUM && isRoot && existsSync('/usr/bin/apt-get')) {
  console.log('Chromium not found: installing Debian chromium (apt-get install -y chromium)…');
  execSync('apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium', { stdio: 'inherit' });
  if (existsSync(path)) process.exit(0);
}
console.error(`Chromium not found at ${path}. Install it (Debian: apt-get install chromium) or set PORTICO_CHROMIUM to a Chromium binary.`);
process.exit(1);
