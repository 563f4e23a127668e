/**
 * Starts a real JupyterHub for end-to-end tests, set up like a small classroom
 * hub (README, "JupyterHub"): the venv's `jupyterhub`, configurable-http-proxy
 * from node_modules as its proxy, a login form with one shared password
 * (DummyAuthenticator), and each learner's single-user JupyterLab (with the
 * pip-installed Notecast extension) started as a local process through
 * examples/jupyterhub/notecast-singleuser, which first copies the class's
 * tutorials into the learner's home.
 *
 * Everything it writes — the hub's database, cookie secret and logs, the
 * learners' homes, their Jupyter config, settings and runtime files — lives
 * under one temporary folder that `stop()` removes. Every process it starts
 * (hub, proxy, single-user servers, kernels) carries that folder in an
 * environment variable, so `stop()` finds and ends any that outlive the hub's
 * own shutdown. NOTECAST_E2E_KEEP=1 keeps the folder and its logs.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createWriteStream, existsSync, readdirSync, readFileSync } from 'node:fs';
import { cp, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { JUPYTER, REPO_ROOT, findFreePort, sleep, tail } from './jupyter-server.js';

const VENV_BIN = dirname(JUPYTER);
const JUPYTERHUB = join(VENV_BIN, 'jupyterhub');
const PROXY = join(REPO_ROOT, 'node_modules', '.bin', 'configurable-http-proxy');
/** The README's start command for local learners' servers: copy the tutorials home, then jupyterhub-singleuser. */
const SINGLE_USER = join(REPO_ROOT, 'examples', 'jupyterhub', 'notecast-singleuser');
/** The variable that marks every process of one hub, valued with its temporary folder. */
const MARKER = 'NOTECAST_E2E_HUB';

export interface JupyterHubOptions {
  /** The learner who may log in. */
  user?: string;
  /** Repository files put in the class's tutorials folder, which the learner's server copies to `~/tutorials`. */
  tutorials?: string[];
  /** The learner's JupyterLab user settings, by settings file (as in JupyterServerOptions). */
  userSettings?: Record<string, object>;
  /** Milliseconds to wait for the hub to answer through its proxy. */
  startTimeoutMs?: number;
}

export interface JupyterHub {
  /** The proxy's public URL without a trailing slash, e.g. `http://127.0.0.1:41234`. */
  url: string;
  user: string;
  /** The password the login form accepts. */
  password: string;
  /** The learner's home, the root their JupyterLab serves. */
  homeDir: string;
  /** The class's tutorials folder, copied into each home when the learner's server starts. */
  classDir: string;
  /** The hub's log (the single-user server logs into it too). */
  logFile: string;
  /** Process ids still running that this hub started (hub, proxy, servers, kernels). */
  running(): number[];
  /** Stops the hub, which stops the learners' servers and the proxy; ends what is left; removes every temporary folder. Idempotent. */
  stop(): Promise<void>;
}

/**
 * Jupyter refuses to run as root unless told; the tests often run as root, and
 * SimpleLocalProcessSpawner starts the learner's server as the hub's own user.
 */
const AS_ROOT = process.getuid?.() === 0;

function hubConfig(options: {
  base: string;
  port: number;
  hubPort: number;
  proxyApiPort: number;
  user: string;
  password: string;
  proxyToken: string;
  singleUserEnv: Record<string, string>;
}): string {
  const py = (value: unknown): string => JSON.stringify(value);
  return [
    `c.JupyterHub.bind_url = ${py(`http://127.0.0.1:${options.port}`)}`,
    `c.JupyterHub.hub_bind_url = ${py(`http://127.0.0.1:${options.hubPort}`)}`,
    `c.ConfigurableHTTPProxy.api_url = ${py(`http://127.0.0.1:${options.proxyApiPort}`)}`,
    `c.ConfigurableHTTPProxy.command = [${py(PROXY)}]`,
    `c.ConfigurableHTTPProxy.auth_token = ${py(options.proxyToken)}`,
    `c.ConfigurableHTTPProxy.pid_file = ${py(join(options.base, 'proxy.pid'))}`,
    `c.JupyterHub.db_url = ${py(`sqlite:///${join(options.base, 'jupyterhub.sqlite')}`)}`,
    `c.JupyterHub.cookie_secret_file = ${py(join(options.base, 'jupyterhub_cookie_secret'))}`,
    "c.JupyterHub.authenticator_class = 'dummy'",
    `c.DummyAuthenticator.password = ${py(options.password)}`,
    `c.Authenticator.allowed_users = {${py(options.user)}}`,
    "c.JupyterHub.spawner_class = 'simple'",
    `c.SimpleLocalProcessSpawner.home_dir_template = ${py(join(options.base, 'home', '{username}'))}`,
    `c.Spawner.cmd = [${py(SINGLE_USER)}]`,
    "c.Spawner.default_url = '/lab'",
    `c.Spawner.environment = ${py(options.singleUserEnv)}`,
    // Two cores shared with Chromium and a kernel: give the first start time.
    'c.Spawner.start_timeout = 120',
    'c.Spawner.http_timeout = 120',
    // Stop the learners' servers and the proxy when the hub stops (the defaults, said out loud).
    'c.JupyterHub.cleanup_servers = True',
    'c.JupyterHub.cleanup_proxy = True',
    ''
  ].join('\n');
}

/**
 * The learner's Jupyter server config. The hub's login protects it as on any hub;
 * exposing the app (what galata's test config also does) lets the tests read the
 * notebook's cells from its model, as play-tutorials.test.ts does.
 */
function singleUserConfig(): string {
  return [
    ...(AS_ROOT ? ['c.ServerApp.allow_root = True'] : []),
    'c.LabApp.expose_app_in_browser = True',
    // No network here: never fetch the news feed or check for updates.
    'c.LabApp.news_url = None',
    ''
  ].join('\n');
}

const NEWS_OFF: Record<string, object> = {
  '@jupyterlab/apputils-extension/notification.jupyterlab-settings': { fetchNews: 'false', checkForUpdates: false }
};

/** Three different free ports: the proxy's public one, the hub's own, the proxy's API. */
async function freePorts(count: number): Promise<number[]> {
  const ports = new Set<number>();
  while (ports.size < count) ports.add(await findFreePort());
  return [...ports];
}

export async function startJupyterHub(options: JupyterHubOptions = {}): Promise<JupyterHub> {
  for (const [file, what] of [
    [JUPYTERHUB, 'run `make setup build` first (or set NOTECAST_JUPYTER to the venv’s jupyter)'],
    [PROXY, 'run `make setup` (npm ci installs configurable-http-proxy)'],
    [SINGLE_USER, 'it belongs to the repository (examples/jupyterhub)']
  ]) {
    if (!existsSync(file)) throw new Error(`${file} not found: ${what}.`);
  }
  const user = options.user ?? 'learner';
  const base = await mkdtemp(join(tmpdir(), 'notecast-e2e-hub-'));
  const homeDir = join(base, 'home', user);
  const classDir = join(base, 'class-tutorials');
  const dirs = {
    classDir,
    hubRuntime: join(base, 'hub-runtime'),
    config: join(base, 'user-jupyter', 'config'),
    data: join(base, 'user-jupyter', 'data'),
    runtime: join(base, 'user-jupyter', 'runtime'),
    settings: join(base, 'user-jupyter', 'settings'),
    workspaces: join(base, 'user-jupyter', 'workspaces'),
    ipython: join(base, 'user-jupyter', 'ipython'),
    tmp: join(base, 'tmp')
  };
  let hub: ChildProcess | undefined;
  const running = (): number[] => processesMarked(base);
  const removeAll = async (): Promise<void> => {
    if (hub) await stopHub(hub);
    await endLeftovers(running);
    if (process.env.NOTECAST_E2E_KEEP) {
      console.log(`NOTECAST_E2E_KEEP: kept ${base} (hub.log, home, user-jupyter)`);
      return;
    }
    await rm(base, { recursive: true, force: true });
  };

  try {
    await Promise.all(Object.values(dirs).map(dir => mkdir(dir, { recursive: true })));
    for (const path of options.tutorials ?? []) {
      await cp(join(REPO_ROOT, path), join(classDir, basename(path)));
    }
    for (const [file, value] of Object.entries({ ...NEWS_OFF, ...options.userSettings })) {
      await mkdir(dirname(join(dirs.settings, file)), { recursive: true });
      await writeFile(join(dirs.settings, file), JSON.stringify(value, null, 2));
    }
    await writeFile(join(dirs.config, 'jupyter_server_config.py'), singleUserConfig());

    const [port, hubPort, proxyApiPort] = await freePorts(3);
    const password = randomBytes(12).toString('hex');
    // The learner's server gets only what the spawner passes on (PATH, LANG, …) and this.
    const singleUserEnv = {
      [MARKER]: base,
      NOTECAST_TUTORIALS: classDir,
      JUPYTER_CONFIG_DIR: dirs.config,
      JUPYTER_DATA_DIR: dirs.data,
      JUPYTER_RUNTIME_DIR: dirs.runtime,
      JUPYTER_PLATFORM_DIRS: '1',
      JUPYTERLAB_SETTINGS_DIR: dirs.settings,
      JUPYTERLAB_WORKSPACES_DIR: dirs.workspaces,
      IPYTHONDIR: dirs.ipython,
      TMPDIR: dirs.tmp,
      PYTHONUNBUFFERED: '1'
    };
    const configFile = join(base, 'jupyterhub_config.py');
    await writeFile(
      configFile,
      hubConfig({ base, port, hubPort, proxyApiPort, user, password, proxyToken: randomBytes(24).toString('hex'), singleUserEnv })
    );

    const logFile = join(base, 'hub.log');
    const log = createWriteStream(logFile);
    hub = spawn(JUPYTERHUB, ['--config', configFile], {
      cwd: base,
      env: hubEnvironment(base, dirs.hubRuntime),
      // Its own process group, so stop() can signal it; the proxy and the servers it starts have theirs.
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe']
    });
    hub.stdout?.pipe(log);
    hub.stderr?.pipe(log);
    killOnExit(hub, base);

    const url = `http://127.0.0.1:${port}`;
    await waitForHub(url, hub, logFile, options.startTimeoutMs ?? 60_000);
    let stopped: Promise<void> | undefined;
    return { url, user, password, homeDir, classDir, logFile, running, stop: () => (stopped ??= removeAll()) };
  } catch (error) {
    await removeAll();
    throw error;
  }
}

/** Nothing from the developer's Jupyter setup; the venv first on PATH, which the spawner passes on. */
function hubEnvironment(base: string, runtimeDir: string): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env };
  delete env.JUPYTER_PATH;
  delete env.JUPYTER_CONFIG_PATH;
  return {
    ...env,
    [MARKER]: base,
    PATH: `${VENV_BIN}:${env.PATH ?? ''}`,
    JUPYTER_RUNTIME_DIR: runtimeDir,
    PYTHONUNBUFFERED: '1'
  };
}

/** The hub answers through the proxy once both are up. */
async function waitForHub(url: string, hub: ChildProcess, logFile: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (hub.exitCode !== null || hub.signalCode !== null) {
      throw new Error(`JupyterHub exited early (${hub.exitCode ?? hub.signalCode}).\n${tail(logFile)}`);
    }
    try {
      const response = await fetch(`${url}/hub/health`, { signal: AbortSignal.timeout(2_000) });
      if (response.ok) return;
    } catch {
      // Not listening yet.
    }
    await sleep(250);
  }
  throw new Error(`JupyterHub did not answer ${url}/hub/health within ${timeoutMs} ms.\n${tail(logFile)}`);
}

/** SIGTERM lets the hub stop the learners' servers and the proxy; SIGKILL if it takes too long. */
async function stopHub(hub: ChildProcess): Promise<void> {
  if (hub.exitCode !== null || hub.signalCode !== null || hub.pid === undefined) return;
  const exited = new Promise<void>(done => hub.once('exit', () => done()));
  signalGroup(hub.pid, 'SIGTERM');
  if (!(await Promise.race([exited.then(() => true), sleep(20_000).then(() => false)]))) {
    signalGroup(hub.pid, 'SIGKILL');
    await exited;
  }
}

/** Whatever outlived the hub's shutdown (a kernel, a server it lost track of): SIGTERM, then SIGKILL. */
async function endLeftovers(running: () => number[]): Promise<void> {
  for (const signal of ['SIGTERM', 'SIGKILL'] as const) {
    const left = running();
    if (!left.length) return;
    for (const pid of left) signalPid(pid, signal);
    for (let i = 0; i < 40 && running().length; i++) await sleep(250);
  }
}

function signalGroup(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pid, signal);
  } catch {
    // The group is already gone.
  }
}

function signalPid(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(pid, signal);
  } catch {
    // Already gone.
  }
}

/** Live processes (Linux /proc) whose environment has MARKER=base; zombies have none left. */
function processesMarked(base: string): number[] {
  const needle = `${MARKER}=${base}\0`;
  const found: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry) || Number(entry) === process.pid) continue;
    try {
      if (readFileSync(`/proc/${entry}/environ`, 'latin1').includes(needle)) found.push(Number(entry));
    } catch {
      // Exited while we looked, or not ours to read.
    }
  }
  return found;
}

/** If the test process dies without calling stop(), do not leave the hub or its servers running. */
function killOnExit(hub: ChildProcess, base: string): void {
  // Only synchronous work runs in an 'exit' handler.
  const kill = (): void => {
    if (hub.pid !== undefined && hub.exitCode === null) signalGroup(hub.pid, 'SIGKILL');
    for (const pid of processesMarked(base)) signalPid(pid, 'SIGKILL');
  };
  process.once('exit', kill);
  hub.once('exit', () => process.off('exit', kill));
}
