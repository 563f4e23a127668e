import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { delimiter, join, resolve as resolvePath } from 'node:path';
import { fetchText } from '../http-body.js';
import type { ServerAddress } from './kernel-client.js';

/** A Jupyter server this command started, and how to stop it. */
export interface StartedServer extends ServerAddress {
  /** Stops the server and its kernels, then removes its temporary folder. Idempotent, never rejects. */
  stop(): Promise<void>;
  /** The same, synchronously and without waiting: for the process's last moments. */
  kill(): void;
}

/** No Jupyter server could be started; the message says what to install or pass. */
export class NoServerError extends Error {}

/** The `jupyter` to run: `--jupyter PATH`, else the first on PATH. */
export function findJupyter(given: string | undefined, path = process.env.PATH ?? ''): string | undefined {
  if (given !== undefined) {
    // Absolute: the server runs in a folder of its own, where a relative path would name nothing.
    return existsSync(given) ? resolvePath(given) : undefined;
  }
  return path
    .split(delimiter)
    .filter(Boolean)
    .map(dir => join(dir, 'jupyter'))
    .find(candidate => existsSync(candidate));
}

/**
 * Start `jupyter server` on 127.0.0.1, a free port and a random token, its
 * root, config, runtime and IPython folders fresh temporary ones: nothing of
 * the user's Jupyter configuration changes what a tutorial prints. Kernel
 * specs still come from the user's environment, which is the point.
 */
export async function startJupyterServer(jupyter: string, timeoutMs: number): Promise<StartedServer> {
  const base = await mkdtemp(join(tmpdir(), 'notecast-test-'));
  const dirs = { root: join(base, 'root'), config: join(base, 'config'), runtime: join(base, 'runtime'), ipython: join(base, 'ipython') };
  await Promise.all(Object.values(dirs).map(dir => mkdir(dir, { recursive: true })));
  const token = randomBytes(24).toString('hex');
  const port = await freePort();
  const env: NodeJS.ProcessEnv = { ...process.env, JUPYTER_CONFIG_DIR: dirs.config, JUPYTER_RUNTIME_DIR: dirs.runtime, IPYTHONDIR: dirs.ipython };
  delete env.JUPYTER_CONFIG_PATH;
  let log = '';
  // The server runs in its fresh root folder, so a relative `--jupyter .venv/bin/jupyter` is
  // resolved against the folder the command was run from first (a bare name is left to PATH).
  const command = jupyter.includes('/') ? resolvePath(jupyter) : jupyter;
  const child: ChildProcess = spawn(
    command,
    [
      'server',
      '--no-browser',
      '--ServerApp.ip=127.0.0.1',
      `--ServerApp.port=${port}`,
      '--ServerApp.port_retries=0',
      `--IdentityProvider.token=${token}`,
      `--ServerApp.root_dir=${dirs.root}`,
      // Jupyter refuses to run as root without it; containers and CI runners often are root.
      ...(process.getuid?.() === 0 ? ['--ServerApp.allow_root=True'] : [])
    ],
    // Its own process group: Ctrl-C reaches us, and we stop the server and its kernels in order.
    { cwd: dirs.root, env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] }
  );
  const keep = (chunk: Buffer): void => {
    log = (log + chunk.toString()).slice(-20_000);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const spawnError = new Promise<Error>(resolve => child.once('error', resolve));
  const exited = new Promise<void>(resolve => child.once('exit', () => resolve()));
  const kill = (): void => {
    signalGroup(child, 'SIGKILL');
  };
  process.once('exit', kill);
  let stopping: Promise<void> | undefined;
  const stop = (): Promise<void> =>
    (stopping ??= (async () => {
      // SIGTERM lets the server shut its kernels down first.
      if (child.exitCode === null && child.signalCode === null) {
        signalGroup(child, 'SIGTERM');
        const inTime = await Promise.race([exited.then(() => true), sleep(8_000, false).then(() => false)]);
        if (!inTime) {
          kill();
          await exited;
        }
      }
      process.off('exit', kill);
      await rm(base, { recursive: true, force: true }).catch(() => undefined);
    })());
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + timeoutMs;
  try {
    for (;;) {
      const failed = await Promise.race([spawnError, sleep(0).then(() => undefined)]);
      if (failed) {
        throw new NoServerError(`cannot run ${jupyter}: ${failed.message}`);
      }
      if (child.exitCode !== null || child.signalCode !== null) {
        throw new NoServerError(`${jupyter} server exited at once (${child.exitCode ?? child.signalCode}): ${lastLines(log)}`);
      }
      if (await answers(url, token)) {
        return { url, token, stop, kill };
      }
      if (Date.now() > deadline) {
        throw new NoServerError(`${jupyter} server did not answer on ${url} within ${Math.round(timeoutMs / 1000)} s: ${lastLines(log)}`);
      }
      await sleep(100);
    }
  } catch (error) {
    await stop();
    throw error;
  }
}

async function answers(url: string, token: string): Promise<boolean> {
  try {
    const response = await fetchText(`${url}/api/status`, { headers: { Authorization: `token ${token}` }, signal: AbortSignal.timeout(2_000) });
    return response.ok;
  } catch {
    return false;
  }
}

function signalGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) {
    return;
  }
  try {
    process.kill(-child.pid, signal);
  } catch {
    // Already gone.
  }
}

/** A port the OS just handed out; the server takes it with `port_retries=0`. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

function lastLines(log: string, count = 5): string {
  const lines = log.trim().split('\n').slice(-count).join(' | ');
  return lines || '(it printed nothing)';
}

/** `keepAlive: false` for a timer that must not hold the process open by itself. */
function sleep(ms: number, keepAlive = true): Promise<void> {
  return new Promise(resolve => {
    const timer = setTimeout(resolve, ms);
    if (!keepAlive) {
      timer.unref();
    }
  });
}
