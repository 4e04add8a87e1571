#!/usr/bin/env node
// The front-end budget of quality.md P6, checked on the built app (web/dist, after `npm run build`):
// - initial JavaScript: what the browser loads for the login page and the dashboard, i.e. the entry
//   (index.html) and the dashboard route's chunk with every chunk they import statically: ≤ 350 KB gzip;
// - any other chunk (lazy routes, the parts they share, the dashboard's figures and charts loaded after
//   it shows): each file ≤ 150 KB gzip. Each route's own download (its chunk with the static imports not
//   already in the initial set) is printed too, for the record.
// The chunk graph comes from Vite's manifest (web/dist/.vite/manifest.json); sizes are gzip -9.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const KB = 1024;
const INITIAL_LIMIT = 350 * KB;
const ROUTE_LIMIT = 150 * KB;
const DASHBOARD = 'features/dashboard/dashboard-page.tsx';

const root = fileURLToPath(new URL('..', import.meta.url));
const dist = join(root, 'web', 'dist');
const manifestPath = join(dist, '.vite', 'manifest.json');
if (!existsSync(manifestPath)) {
  console.error('web/dist/.vite/manifest.json is missing: run `npm run build` first');
  process.exit(1);
}
const manifest = JSON.parse(readFileSync(manifestPath, 'utf8'));

const gzipCache = new Map();
function gzipSize(file) {
  if (!gzipCache.has(file))
    gzipCache.set(file, gzipSync(readFileSync(join(dist, file)), { level: 9 }).length);
  return gzipCache.get(file);
}

/** The JS files of a manifest entry and of everything it imports statically. */
function closure(key, seen = new Set()) {
  if (seen.has(key)) return seen;
  const entry = manifest[key];
  if (!entry) throw new Error(`not in the manifest: ${key}`);
  seen.add(key);
  for (const imported of entry.imports ?? []) closure(imported, seen);
  return seen;
}
const filesOf = (keys) => new Set([...keys].map((k) => manifest[k].file).filter((f) => f.endsWith('.js')));
const total = (files) => [...files].reduce((s, f) => s + gzipSize(f), 0);
const kb = (n) => `${(n / KB).toFixed(1)} KB`;

const entryKey = Object.keys(manifest).find((k) => manifest[k].isEntry);
if (!entryKey) throw new Error('no entry in the manifest');
if (!manifest[DASHBOARD]) throw new Error(`the dashboard route chunk is missing: ${DASHBOARD}`);
const initialKeys = closure(entryKey);
closure(DASHBOARD, initialKeys);
const initialFiles = filesOf(initialKeys);
const initial = total(initialFiles);

const failures = [];
const rows = [['initial: login + dashboard', initial, INITIAL_LIMIT]];
if (initial > INITIAL_LIMIT) failures.push(`initial JavaScript ${kb(initial)} > ${kb(INITIAL_LIMIT)}`);

// Every other JavaScript file of the build, one by one.
for (const file of readdirSync(join(dist, 'assets'))) {
  const path = `assets/${file}`;
  if (!file.endsWith('.js') || initialFiles.has(path)) continue;
  const size = gzipSize(path);
  rows.push([path, size, ROUTE_LIMIT]);
  if (size > ROUTE_LIMIT) failures.push(`${path}: ${kb(size)} > ${kb(ROUTE_LIMIT)}`);
}
rows.sort((a, b) => (a === rows[0] ? -1 : b === rows[0] ? 1 : b[1] - a[1]));

for (const [name, size, limit] of rows) {
  console.log(
    `${size <= limit ? '✓' : '✗'} ${name.padEnd(58)} ${kb(size).padStart(10)}  (limit ${kb(limit)})`,
  );
}
if (failures.length > 0) {
  console.error(`front-end budget (quality.md P6) exceeded:\n  ${failures.join('\n  ')}`);
  process.exit(1);
}
// For the record: what each lazy route downloads on top of the initial set.
for (const [key, entry] of Object.entries(manifest)) {
  if (!entry.isDynamicEntry || initialKeys.has(key)) continue;
  const own = [...filesOf(closure(key))].filter((f) => !initialFiles.has(f));
  console.log(`  route ${key.padEnd(52)} ${kb(total(own)).padStart(10)} on top of the initial set`);
}
console.log('front-end budget (quality.md P6) holds');
