#!/usr/bin/env node
/**
 * Keeps package-lock.json installable with `npm ci` on a registry mirror that lacks some
 * platform-specific optional packages (e.g. @swc/core-darwin-arm64@1.16.22): npm leaves those out
 * of the lock when it cannot resolve them, and `npm ci` then refuses the lock as out of sync.
 * This adds an entry (version, os, cpu, libc, optional) for each missing one; npm skips them on
 * other platforms and fetches them from the registry on their own platform.
 * Run after `npm install`: node .ci/lock-platform-stubs.js
 */
const fs = require('fs');
const path = require('path');
const file = path.join(__dirname, '..', 'package-lock.json');
const lock = JSON.parse(fs.readFileSync(file, 'utf8'));
const OS = ['darwin', 'linux', 'win32', 'android', 'freebsd', 'openharmony', 'sunos', 'aix'];
const CPU = ['arm64', 'x64', 'arm', 'ia32', 'ppc64', 's390x', 'riscv64', 'loong64', 'wasm32'];
let added = 0;
for (const [where, entry] of Object.entries(lock.packages)) {
  for (const [name, range] of Object.entries(entry.optionalDependencies ?? {})) {
    const at = `node_modules/${name}`;
    const nested = `${where}/node_modules/${name}`;
    if (lock.packages[at] || lock.packages[nested]) continue;
    const parts = name.split(/[-/]/);
    const stub = { version: range.replace(/^[\^~=]/, ''), optional: true };
    if (entry.dev) stub.dev = true;
    const os = parts.find((p) => OS.includes(p));
    const cpu = parts.find((p) => CPU.includes(p)) ?? (parts.includes('arm') ? 'arm' : undefined);
    if (os) stub.os = [os];
    if (cpu) stub.cpu = [cpu];
    if (parts.some((p) => p === 'musl' || p === 'musleabihf')) stub.libc = ['musl'];
    else if (os === 'linux' && parts.some((p) => p.startsWith('gnu'))) stub.libc = ['glibc'];
    lock.packages[at] = stub;
    added++;
  }
}
lock.packages = Object.fromEntries(Object.entries(lock.packages).sort(([a], [b]) => (a === '' ? -1 : b === '' ? 1 : a.localeCompare(b))));
fs.writeFileSync(file, `${JSON.stringify(lock, null, 2)}\n`);
console.log(`lock-platform-stubs: ${added} platform package(s) recorded`);
