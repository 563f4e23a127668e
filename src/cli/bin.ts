import { createRequire } from 'node:module';
import { main } from './main.js';
import { nodeIO } from './node-io.js';
import { filterPrematureAccessWarnings } from './yjs-warnings.js';

const { version } = createRequire(import.meta.url)('../../../package.json') as { version: string };
filterPrematureAccessWarnings();
const status = await main(process.argv.slice(2), nodeIO, version);
// A failed write to stdout may already have set a failing status.
process.exitCode = Math.max(status, Number(process.exitCode ?? 0));
