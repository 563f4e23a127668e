import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { linkSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { INPUT_LIMITS } from '../../../src/format/index.js';
import { seededRandom } from '../../../src/format/keystrokes.js';
import { fromRoot } from '../../helpers/paths.js';
import { RAW_CONTROL, runBin, runCli, STACK_FRAME, type CliRun } from './run-cli.js';

/**
 * Random command lines over hostile files: empty, binary, not UTF-8, over
 * the size limit, a FIFO, a directory, a socket, devices, symlinks and hard
 * links to the input given as `-o`. Whatever the mix, the CLI keeps its
 * contract: exit 0, 1 or 2, never an internal error or a stack trace, no raw
 * control character on stderr, every input byte for byte as it was, and an
 * existing `-o` replaced only on success. Reproduce a failure with
 * FUZZ_SEED=<seed in the test name>.
 */
const SEED = Number(process.env.FUZZ_SEED ?? Date.now() % 2 ** 31);
const RUNS = Number(process.env.FUZZ_RUNS ?? 150);
const BIN_RUNS = Number(process.env.FUZZ_BIN_RUNS ?? 4);
const ESC = '\u001b';

const root = mkdtempSync(join(tmpdir(), 'notecast-hostile-'));
const inputs = join(root, 'inputs');
const outputs = join(root, 'outputs');
mkdirSync(inputs);
mkdirSync(outputs);
const at = (name: string) => join(inputs, name);

const random = seededRandom(SEED);
const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)];
const chance = (p: number) => random() < p;

function randomBytes(length: number): Buffer {
  const bytes = Buffer.alloc(length);
  for (let i = 0; i < length; i++) {
    bytes[i] = Math.floor(random() * 256);
  }
  return bytes;
}

const tutorial = readFileSync(fromRoot('tutorials', '01-python-basics.md'));
const script = runBin(['compile', fromRoot('tutorials', '01-python-basics.md')]).stdout;

/** Regular files whose bytes are compared after every run. */
const regular: Record<string, Buffer | string> = {
  'good.md': tutorial,
  'good.json': script,
  'broken.md': '# One\n\n::rnu\n:::type{cell=a\n',
  'empty.md': '',
  'empty.json': '',
  'blank.json': ' \n\t\n',
  'binary.md': randomBytes(400),
  'binary.json': Buffer.concat([Buffer.from('{'), randomBytes(300)]),
  'nul.md': Buffer.from('---\ntitle: x\n---\n\n# A\0B\n'),
  'latin1.md': Buffer.from([...Buffer.from('---\ntitle: caf'), 0xe9, ...Buffer.from('\n---\n')]),
  'latin1.json': Buffer.from([...Buffer.from('{"title": "caf'), 0xe9, ...Buffer.from('"}')]),
  'bom.json': Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(script)]),
  'escapes.json': JSON.stringify({ ...JSON.parse(script), [`${ESC}[2J${ESC}[Hchecked 1 file: 0 errors`]: 1 }),
  [`${ESC}[31mred.md`]: '# One\n\n::rnu\n',
  'largish.md': `---\ntitle: Largish\n---\n\n${Array.from({ length: 600 }, (_, i) => `# Step ${i}\n\n${'Some words to say. '.repeat(8)}\n`).join('\n')}`
};
for (const [name, content] of Object.entries(regular)) {
  writeFileSync(at(name), content);
}
/** Over the size limits, sparse so they cost no disk: compared by size and time. */
const sparse = { 'huge.md': INPUT_LIMITS.markdown + 1, 'huge.json': INPUT_LIMITS.json + 1 };
for (const [name, size] of Object.entries(sparse)) {
  writeFileSync(at(name), '');
  truncateSync(at(name), size);
}
assert.equal(spawnSync('mkfifo', [at('fifo.md')]).status, 0, 'mkfifo is available');
mkdirSync(at('folder.md'));
symlinkSync(at('good.md'), at('link.md'));
symlinkSync(at('good.json'), at('link.json'));
linkSync(at('good.md'), at('hard.md'));
symlinkSync(at('nowhere.md'), at('dangling.md'));
symlinkSync(at('loop.md'), at('loop.md'));

const POOL = [
  ...Object.keys(regular).map(at),
  ...Object.keys(sparse).map(at),
  ...['fifo.md', 'folder.md', 'link.md', 'link.json', 'hard.md', 'dangling.md', 'loop.md', 'missing.md', 'socket.md'].map(at),
  '/dev/zero',
  '/dev/urandom',
  '/dev/null',
  join(inputs, 'x'.repeat(300), 'deep.md'),
  ''
];

/** The names of one file: an `-o` among them must be refused. */
function aliases(path: string): string[] {
  const goodMarkdown = [at('good.md'), at('link.md'), at('hard.md'), join(inputs, '.', 'good.md')];
  const goodJson = [at('good.json'), at('link.json')];
  return goodMarkdown.includes(path) ? goodMarkdown : goodJson.includes(path) ? goodJson : [path];
}

const COMMANDS = ['compile', 'check', 'notebook', 'transcript', 'timeline'];
const JUNK = ['nbook', `${ESC}[2J`, 'x'.repeat(5000), '', '-', '--', 'help', '--version', '--bogus'];

function randomArgv(run: number): { argv: string[]; guarded: boolean } {
  const argv: string[] = [];
  if (chance(0.9)) {
    argv.push(pick(COMMANDS));
  } else if (chance(0.7)) {
    argv.push(pick(JUNK));
  }
  const files = Array.from({ length: chance(0.1) ? 0 : chance(0.8) ? 1 : 1 + Math.floor(random() * 3) }, () => pick(POOL));
  argv.push(...files);
  let output: string | undefined;
  let guarded = false;
  if (chance(0.5)) {
    const own = files.flatMap(aliases);
    const choices = [
      join(outputs, `out-${run}.txt`),
      join(outputs, 'previous.txt'),
      outputs,
      '/dev/null',
      at('fifo.md'),
      '-',
      '',
      join(root, 'absent', 'x.json')
    ];
    output = own.length && chance(0.4) ? pick(own) : pick(choices);
    // Only a file that exists can be lost (a dangling link or a loop fails to read instead).
    guarded = own.includes(output) && exists(output);
    argv.push(pick(['-o', '--output']), output);
  }
  if (chance(0.2)) {
    argv.push('--format', pick(['markdown', 'html', 'text', 'htm', `${ESC}]0;x`]));
  }
  if (chance(0.2)) {
    argv.push('--speed', pick(['1', '4', '0', 'NaN', '1e999', `${ESC}[2J`]));
  }
  if (chance(0.1)) {
    argv.push(pick(['--json', '--json=1', '-o', '--ouput', `--${ESC}[2J`, '-h', '--']));
  }
  // Options anywhere: shuffle them among the files now and then.
  if (chance(0.2) && argv.length > 2) {
    const [first, ...rest] = argv;
    rest.sort(() => random() - 0.5);
    argv.splice(0, argv.length, first, ...rest);
  }
  return { argv, guarded };
}

function exists(path: string): boolean {
  try {
    statSync(path);
    return true;
  } catch {
    return false;
  }
}

function snapshot(): Map<string, string> {
  const state = new Map<string, string>();
  for (const name of Object.keys(regular)) {
    state.set(name, readFileSync(at(name)).toString('base64'));
  }
  for (const name of Object.keys(sparse)) {
    const stats = statSync(at(name));
    state.set(name, `${stats.size} ${stats.mtimeMs}`);
  }
  state.set('(listing)', readdirSync(inputs).sort().join('\n'));
  return state;
}

function assertContract(result: CliRun, what: string): void {
  assert.ok([0, 1, 2].includes(result.code), `${what}: exit ${result.code}\n${result.stderr}`);
  assert.doesNotMatch(result.stderr, /internal error|internal-error/, what);
  assert.doesNotMatch(result.stderr, STACK_FRAME, what);
  assert.doesNotMatch(result.stderr, RAW_CONTROL, `${what}: ${JSON.stringify(result.stderr.slice(0, 300))}`);
}

test(`random command lines over hostile files keep the CLI's contract (seed ${SEED}, ${RUNS} runs)`, async () => {
  console.log(`hostile-input seed: ${SEED} (FUZZ_SEED=${SEED} reproduces)`);
  const server = createServer();
  await new Promise<void>(resolve => server.listen(at('socket.md'), resolve));
  try {
    const before = snapshot();
    for (let run = 0; run < RUNS; run++) {
      const { argv, guarded } = randomArgv(run);
      const what = `seed ${SEED}, run ${run}: notecast ${JSON.stringify(argv).slice(0, 400)}`;
      writeFileSync(join(outputs, 'previous.txt'), 'previous');
      const result = await runCli(...argv);
      assertContract(result, what);
      // Help and the version are printed before anything else, and write nothing;
      // after `--`, `-o` is a file name.
      if (guarded && COMMANDS.includes(argv[0]) && !argv.some(arg => arg === '-h' || arg === '--help' || arg === '--')) {
        assert.equal(result.code, 2, `${what}: -o names the input\n${result.stderr}`);
      }
      if (result.code !== 0) {
        assert.equal(readFileSync(join(outputs, 'previous.txt'), 'utf8'), 'previous', `${what}: a failed run kept the previous -o`);
      }
      assert.deepEqual(snapshot(), before, `${what}: every input is as it was`);
      assert.deepEqual(
        readdirSync(outputs).filter(name => name.endsWith('.tmp')),
        [],
        `${what}: no temporary file left`
      );
    }
  } finally {
    server.close();
  }
});

test(`stdin from hostile sources keeps the contract too (seed ${SEED}, ${BIN_RUNS} runs)`, () => {
  const before = snapshot();
  for (let run = 0; run < BIN_RUNS; run++) {
    const command = pick(COMMANDS);
    // (Endless stdin, `< /dev/zero`, has its own test in input-safety.test.ts.)
    const source = pick(['good.md', 'good.json', 'binary.md', 'latin1.json', 'empty.md', 'escapes.json', 'random']);
    const what = `seed ${SEED}, stdin run ${run}: notecast ${command} - < ${source}`;
    const result = runBin([command, '-'], { input: source === 'random' ? randomBytes(2000) : readFileSync(at(source)) });
    assertContract(result, what);
  }
  assert.deepEqual(snapshot(), before);
});
