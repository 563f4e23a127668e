/**
 * What a server sends the command line is untrusted: `check --lab` and
 * `test --server` read at most MAX_RESPONSE_BYTES of any answer, never
 * spread a server's array into a call, and no message shows a URL's
 * credentials. Each server here is a real HTTP server on 127.0.0.1 started by
 * the test, bounded in what it sends and in time.
 */
import assert from 'node:assert/strict';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { mkdtempSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { MAX_RESPONSE_BYTES } from '../../../src/cli/http-body.js';
import { redactUrls } from '../../../src/cli/redact.js';
import { runCli } from './run-cli.js';

interface LocalServer {
  url: string;
  /** Bytes of body written to clients so far. */
  sent: () => number;
  /** The Authorization headers it was sent. */
  authorizations: string[];
  close: () => Promise<void>;
}

const servers: LocalServer[] = [];
after(() => Promise.all(servers.map(server => server.close())));

async function localServer(handle: (request: IncomingMessage, response: ServerResponse, count: (bytes: number) => void) => void): Promise<LocalServer> {
  let sent = 0;
  const authorizations: string[] = [];
  const server = createServer((request, response) => {
    authorizations.push(request.headers.authorization ?? '');
    handle(request, response, bytes => (sent += bytes));
  });
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
  const local: LocalServer = {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    sent: () => sent,
    authorizations,
    close: () => new Promise(resolve => server.close(() => resolve()))
  };
  servers.push(local);
  return local;
}

/** Write chunks of `[` until the client goes, 8 times the limit has gone out, or 30 s pass: endless as far as the client can tell. */
function endlessBody(response: ServerResponse, count: (bytes: number) => void): void {
  response.writeHead(200, { 'Content-Type': 'application/json' });
  const chunk = Buffer.alloc(64 * 1024, '[');
  const deadline = Date.now() + 30_000;
  let total = 0;
  const pump = (): void => {
    while (!response.destroyed && total < 8 * MAX_RESPONSE_BYTES && Date.now() < deadline) {
      total += chunk.length;
      count(chunk.length);
      if (!response.write(chunk)) {
        response.once('drain', pump);
        return;
      }
    }
    response.end();
  };
  response.on('close', () => response.destroy());
  pump();
}

function tutorial(body = '::point{command=example:hidden}\n'): string {
  const dir = mkdtempSync(join(tmpdir(), 'notecast-network-'));
  const path = join(dir, 'points.md');
  writeFileSync(path, `---\ntitle: Points\n---\n\n# One\n\n${body}`);
  return path;
}

test('check --lab: an endless answer is read no further than the limit, and the message names the limit and the URL', { timeout: 60_000 }, async () => {
  const server = await localServer((_request, response, count) => endlessBody(response, count));
  const started = performance.now();
  const result = await runCli('check', tutorial(), '--lab', server.url, '--token', 'secret-token');
  assert.equal(result.code, 1, result.stderr);
  assert.match(result.stderr, new RegExp(`the answer of ${server.url}/lab/api/settings is larger than 32 MiB, the most read`));
  assert.ok(server.sent() < 2 * MAX_RESPONSE_BYTES + 16 * 1024 * 1024, `the server sent ${server.sent()} bytes before the client left`);
  assert.ok(performance.now() - started < 20_000, 'it stops at once');
});

test('check --lab: an answer announced larger than the limit is refused before its body is read', { timeout: 30_000 }, async () => {
  const server = await localServer((_request, response, count) => {
    response.writeHead(200, { 'Content-Length': String(MAX_RESPONSE_BYTES * 64) });
    response.write('{"settings": [');
    count(14);
    // Never finished: the client must not wait for the rest.
  });
  const result = await runCli('check', tutorial(), '--lab', server.url);
  assert.equal(result.code, 1);
  assert.match(result.stderr, /is larger than 32 MiB, the most read/);
});

test('check --lab: a schema holding an array of 3 million items is walked without overflowing the stack', { timeout: 60_000 }, async () => {
  const items = `${'{},'.repeat(3_000_000)}{"command": "example:hidden"}`;
  const body = `{"settings": [{"id": "big", "schema": {"items": [${items}]}}]}`;
  assert.ok(body.length < MAX_RESPONSE_BYTES);
  const server = await localServer((_request, response, count) => {
    response.writeHead(200, { 'Content-Type': 'application/json' });
    response.end(body);
    count(body.length);
  });
  const result = await runCli('check', tutorial(), '--lab', server.url);
  assert.equal(result.code, 0, result.stderr);
  assert.doesNotMatch(result.stderr, /example:hidden/, 'the command deep in the array was found');
  assert.match(result.stderr, /checked 1 file: 0 errors, 0 warnings/);
});

test('test --server: a REST answer past the limit ends that tutorial with the limit and the URL, not the whole run', { timeout: 60_000 }, async () => {
  const server = await localServer((_request, response, count) => endlessBody(response, count));
  const result = await runCli('test', tutorial('::cell{cell=a}\n'), '--server', server.url, '--token', 'secret-token');
  assert.equal(result.code, 1, result.stderr);
  assert.match(result.stdout, new RegExp(`the answer of ${server.url}/api/kernelspecs is larger than 32 MiB, the most read`));
  assert.ok(server.sent() < 2 * MAX_RESPONSE_BYTES + 16 * 1024 * 1024, `the server sent ${server.sent()} bytes`);
});

test('the URL Jupyter prints works as --lab, its token is used, and no message shows it', { timeout: 30_000 }, async () => {
  const server = await localServer((request, response) => {
    response.writeHead(request.url === '/lab/api/settings' ? 403 : 404);
    response.end();
  });
  const secret = 'f00dfacef00dface';
  const result = await runCli('check', tutorial(), '--lab', `${server.url}/lab?token=${secret}`);
  assert.equal(result.code, 1);
  assert.deepEqual(server.authorizations, [`token ${secret}`], 'the token from the URL went in the header, to /lab/api/settings');
  assert.match(result.stderr, new RegExp(`cannot read the commands of the JupyterLab at ${server.url}: ${server.url}/lab/api/settings answered 403`));
  assert.doesNotMatch(result.stderr, new RegExp(secret));
  for (const args of [
    ['check', tutorial(), '--lab', `http://teacher:${secret}@127.0.0.1:1/lab`],
    ['test', tutorial(), '--server', `http://teacher:${secret}@127.0.0.1:1`, '--token', 'x'],
    ['check', tutorial(), '--lab', `not-a-url?token=${secret}`]
  ]) {
    const refused = await runCli(...args);
    assert.equal(refused.code, 2, refused.stderr);
    assert.doesNotMatch(refused.stderr, new RegExp(secret), `${args[0]} ${args[2]}`);
    assert.match(refused.stderr, /\*\*\*/);
  }
});

test('redactUrls removes user info and credential parameters from every URL in a message, and nothing else', () => {
  const cases: Array<[string, string]> = [
    ['at http://127.0.0.1:8888/lab?token=abc123 now', 'at http://127.0.0.1:8888/lab?token=*** now'],
    ['https://user:pa%40ss@hub.example/user/a/lab', 'https://***@hub.example/user/a/lab'],
    ['http://h/x?a=1&_xsrf=zz&b=2#access_token=t', 'http://h/x?a=1&_xsrf=***&b=2#access_token=***'],
    ['"ws://h/api/kernels/1/channels?session_id=s&token=k"', '"ws://h/api/kernels/1/channels?session_id=***&token=***"'],
    ['http://h/tree?path=a.ipynb', 'http://h/tree?path=a.ipynb'],
    ['token=abc outside a URL, tutorials/a.md:1:1', 'token=abc outside a URL, tutorials/a.md:1:1'],
    ['http://h/?Token=A&TOKEN=B', 'http://h/?Token=***&TOKEN=***']
  ];
  for (const [text, expected] of cases) {
    assert.equal(redactUrls(text), expected);
  }
});
