import { createRequire } from 'node:module';
import { filterPrematureAccessWarnings } from '../apply/index.js';
import { main } from './main.js';
import { nodeIO } from './node-io.js';

const { version } = createRequire(import.meta.url)('../../../package.json') as { version: string };
filterPrematureAccessWarnings();
process.exitCode = await main(process.argv.slice(2), nodeIO, version);
