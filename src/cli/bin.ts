import { createRequire } from 'node:module';
import { main } from './main.js';
import { nodeIO } from './node-io.js';

const { version } = createRequire(import.meta.url)('../../../package.json') as { version: string };
process.exitCode = await main(process.argv.slice(2), nodeIO, version);
