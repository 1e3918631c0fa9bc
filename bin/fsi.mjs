#!/usr/bin/env node
// `fsi`, the Session Inspector's command line (cli/fsi.ts), run through tsx so a clone needs no build
// step: `npx fsi …` after `npm install`. The exit code and signals are passed through.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const tsx = import.meta.resolve('tsx');
const entry = fileURLToPath(new URL('../cli/fsi.ts', import.meta.url));
const child = spawn(process.execPath, ['--import', tsx, entry, ...process.argv.slice(2)], { stdio: 'inherit' });
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('exit', (code, signal) => (signal ? process.kill(process.pid, signal) : process.exit(code ?? 1)));
