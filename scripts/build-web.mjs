#!/usr/bin/env node
// Builds the web app (web/dist) only when it is missing or older than its sources, so `npm start`
// stays fast on a machine that already built it. KHUYENCONG_FORCE_BUILD=1 always rebuilds.
import { spawnSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const webDir = join(root, 'web');
const distDir = join(webDir, 'dist');
const builtIndex = join(distDir, 'index.html');
const sourceDirs = [webDir, join(root, 'domain')];
const skipped = new Set([distDir, join(webDir, 'node_modules')]);

/** The newest file under `dir` (skipping the build output), as `{ path, mtimeMs }`. */
function newestFile(dir) {
  let newest = { path: '', mtimeMs: 0 };
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (skipped.has(path)) continue;
    const candidate = entry.isDirectory()
      ? newestFile(path)
      : entry.isFile()
        ? { path, mtimeMs: statSync(path).mtimeMs }
        : newest;
    if (candidate.mtimeMs > newest.mtimeMs) newest = candidate;
  }
  return newest;
}

function mtimeOf(path) {
  try {
    return statSync(path).mtimeMs;
  } catch {
    return null;
  }
}

function reasonToBuild() {
  if (process.env.KHUYENCONG_FORCE_BUILD === '1') return 'KHUYENCONG_FORCE_BUILD=1';
  const builtAt = mtimeOf(builtIndex);
  if (builtAt === null) return 'web/dist/index.html is missing';
  for (const dir of sourceDirs) {
    const newest = newestFile(dir);
    if (newest.mtimeMs > builtAt) return `${relative(root, newest.path)} is newer than web/dist`;
  }
  return null;
}

const reason = reasonToBuild();
if (reason === null) {
  console.log('build-web: web/dist is up to date, skipping the build');
  process.exit(0);
}

console.log(`build-web: building the web app (${reason})`);
const vite = join(root, 'node_modules', 'vite', 'bin', 'vite.js');
const result = spawnSync(
  process.execPath,
  [vite, 'build', '--config', 'web/vite.config.ts', '--logLevel', 'warn'],
  {
    cwd: root,
    stdio: 'inherit',
  },
);
if (result.error) {
  console.error(`build-web: could not start vite: ${result.error.message}`);
  process.exit(1);
}
process.exit(result.status ?? 1);
