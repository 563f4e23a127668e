/**
 * Starts a real JupyterLab (or Jupyter Notebook 7) server for end-to-end tests: the project's `.venv`
 * (JupyterLab, ipykernel, and the pip-installed Notecast extension), a fresh
 * temporary root folder, and nothing from the developer's own Jupyter setup.
 *
 * Everything the server writes (config, runtime files, user settings,
 * workspaces, galata's temp files) lives under one temporary folder that
 * `stop()` removes, so runs cannot leak state into each other. Set
 * NOTECAST_E2E_KEEP=1 to keep it, with the server's log, for debugging.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream, existsSync, readdirSync, readFileSync } from 'node:fs';
import { cp, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root: this file runs from `lib/test/e2e/`. */
export const REPO_ROOT = resolve(fileURLToPath(new URL('../../../', import.meta.url)));

/** The `jupyter` of the venv that `make setup` creates; NOTECAST_JUPYTER overrides it. */
export const JUPYTER = process.env.NOTECAST_JUPYTER ?? join(REPO_ROOT, '.venv', 'bin', 'jupyter');

/** The `jupyter` of the venv with jupyter-collaboration (`make rtc-venv`); NOTECAST_RTC_JUPYTER overrides it. */
export const RTC_JUPYTER = process.env.NOTECAST_RTC_JUPYTER ?? join(REPO_ROOT, '.venv-rtc', 'bin', 'jupyter');
/** The settings the README recommends for the server a class shares (`serverConfig`). */
export const CLASS_SERVER_CONFIG = 'examples/classroom/jupyter_server_config.py';

export interface JupyterServerOptions {
  /** Which front end the server serves: JupyterLab (`jupyter lab`, the default) or Jupyter Notebook 7 (`jupyter notebook`). */
  app?: 'lab' | 'notebook';
  /** Repository-relative files or folders copied into the server's root, keeping their paths. */
  copy?: string[];
  /** Files written into the server's root: relative path → contents. */
  files?: Record<string, string>;
  /**
   * User settings to start from, by settings file below the settings folder
   * (`jupyterlab-notecast/plugin.jupyterlab-settings` → values); merged over the defaults here.
   */
  userSettings?: Record<string, object>;
  /** Milliseconds to wait for `/api/status` before giving up. */
  startTimeoutMs?: number;
  /** The `jupyter` to run, for a server from another venv (`RTC_JUPYTER`: with jupyter-collaboration). */
  jupyter?: string;
  /**
   * A repository-relative Jupyter server config file loaded as the server
   * starts, before the test settings (`CLASS_SERVER_CONFIG`: the class's server).
   */
  serverConfig?: string;
}

export interface JupyterServer {
  /** Base URL without a trailing slash, e.g. `http://127.0.0.1:41234`. */
  url: string;
  /** The folder the server serves; tests may add files to it. */
  rootDir: string;
  /** The server's combined stdout and stderr, for failure messages. */
  logFile: string;
  /** The server's process id (`jupyter` execs the app, so this is the server itself), for measuring its memory. */
  pid: number;
  /** Stops the server and its kernels, then removes every temporary folder. Idempotent. */
  stop(): Promise<void>;
}

/**
 * The server config. Galata's helper turns off the token and XSRF checks and
 * exposes `window.jupyterapp`; it is for tests only and never for a real server.
 */
function serverConfig(options: {
  rootDir: string;
  port: number;
  workspacesDir: string;
  settingsDir: string;
  app: 'lab' | 'notebook';
  include?: string;
}): string {
  const py = (value: string): string => JSON.stringify(value);
  const include = options.include && join(REPO_ROOT, options.include);
  return [
    // `--config` replaces the config files Jupyter would look for, so one meant for them is loaded from here.
    ...(include ? [`load_subconfig(${py(basename(include))}, path=${py(dirname(include))})`, ''] : []),
    'from jupyterlab.galata import configure_jupyter_server',
    '',
    'configure_jupyter_server(c)',
    '',
    `c.ServerApp.root_dir = ${py(options.rootDir)}`,
    "c.ServerApp.ip = '127.0.0.1'",
    `c.ServerApp.port = ${options.port}`,
    'c.ServerApp.port_retries = 0',
    'c.ServerApp.open_browser = False',
    // Every command here runs as root, and Jupyter refuses root without this.
    'c.ServerApp.allow_root = True',
    `c.LabApp.workspaces_dir = ${py(options.workspacesDir)}`,
    `c.LabApp.user_settings_dir = ${py(options.settingsDir)}`,
    // No network here: never try to fetch the news feed or check for updates.
    'c.LabApp.news_url = None',
    // Galata's helper exposes `window.jupyterapp` for JupyterLab only; Notebook has its own switch.
    ...(options.app === 'notebook'
      ? [
          'c.JupyterNotebookApp.expose_app_in_browser = True',
          `c.JupyterNotebookApp.workspaces_dir = ${py(options.workspacesDir)}`,
          `c.JupyterNotebookApp.user_settings_dir = ${py(options.settingsDir)}`
        ]
      : []),
    ''
  ].join('\n');
}

/**
 * User settings the tests start from. News off: otherwise a fresh Lab asks
 * "Would you like to get notified about official Jupyter news?" in a toast that
 * covers the player and pollutes accessibility scans.
 */
const USER_SETTINGS: Record<string, object> = {
  '@jupyterlab/apputils-extension/notification.jupyterlab-settings': {
    fetchNews: 'false',
    checkForUpdates: false
  }
};

export async function startJupyterServer(options: JupyterServerOptions = {}): Promise<JupyterServer> {
  const jupyter = options.jupyter ?? JUPYTER;
  if (!existsSync(jupyter)) {
    throw new Error(`${jupyter} not found: run \`make setup build\` first (or set NOTECAST_JUPYTER).`);
  }
  // `load_subconfig` passes over a missing file in silence: the server would run without it.
  if (options.serverConfig && !existsSync(join(REPO_ROOT, options.serverConfig))) {
    throw new Error(`${options.serverConfig} not found in ${REPO_ROOT}: the server config it names is missing.`);
  }
  const base = await mkdtemp(join(tmpdir(), 'notecast-e2e-'));
  const dirs = {
    root: join(base, 'root'),
    config: join(base, 'config'),
    data: join(base, 'data'),
    runtime: join(base, 'runtime'),
    settings: join(base, 'user-settings'),
    workspaces: join(base, 'workspaces'),
    ipython: join(base, 'ipython'),
    tmp: join(base, 'tmp')
  };
  let child: ChildProcess | undefined;
  const removeAll = async (): Promise<void> => {
    if (child) await stopProcessTree(child, dirs.runtime);
    if (process.env.NOTECAST_E2E_KEEP) {
      console.log(`NOTECAST_E2E_KEEP: kept ${base} (server.log, settings, root)`);
      return;
    }
    await rm(base, { recursive: true, force: true });
  };

  try {
    await Promise.all(Object.values(dirs).map(dir => mkdir(dir, { recursive: true })));
    await populateRoot(dirs.root, options);
    for (const [file, value] of Object.entries({ ...USER_SETTINGS, ...options.userSettings })) {
      await mkdir(dirname(join(dirs.settings, file)), { recursive: true });
      await writeFile(join(dirs.settings, file), JSON.stringify(value, null, 2));
    }
    const port = await findFreePort();
    const configFile = join(dirs.config, 'jupyter_server_test_config.py');
    const app = options.app ?? 'lab';
    await writeFile(
      configFile,
      serverConfig({ rootDir: dirs.root, port, workspacesDir: dirs.workspaces, settingsDir: dirs.settings, app, include: options.serverConfig })
    );

    const logFile = join(base, 'server.log');
    const log = createWriteStream(logFile);
    child = spawn(jupyter, [app, `--config=${configFile}`], {
      cwd: dirs.root,
      env: serverEnvironment(dirs, jupyter),
      // Its own process group, so stop() can signal the server and anything it spawned.
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe']
    });
    child.stdout?.pipe(log);
    child.stderr?.pipe(log);
    killOnExit(child, dirs.runtime);

    const url = `http://127.0.0.1:${port}`;
    await waitForStatus(url, child, logFile, options.startTimeoutMs ?? 60_000);

    let stopped: Promise<void> | undefined;
    return {
      url,
      rootDir: dirs.root,
      logFile,
      pid: child.pid ?? 0,
      stop: () => (stopped ??= removeAll())
    };
  } catch (error) {
    await removeAll();
    throw error;
  }
}

/**
 * Jupyter's own directories point into the temporary folder; the venv's
 * `share/jupyter` stays on Jupyter's path through `sys.prefix`, which is where
 * `pip install` put the Notecast labextension and ipykernel its kernel spec.
 */
function serverEnvironment(dirs: Record<string, string>, jupyter: string): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env };
  // Paths from the developer's shell would add their extensions and kernels.
  delete env.JUPYTER_PATH;
  delete env.JUPYTER_CONFIG_PATH;
  return {
    ...env,
    PATH: `${dirname(jupyter)}:${env.PATH ?? ''}`,
    JUPYTER_CONFIG_DIR: dirs.config,
    JUPYTER_DATA_DIR: dirs.data,
    JUPYTER_RUNTIME_DIR: dirs.runtime,
    JUPYTER_PLATFORM_DIRS: '1',
    JUPYTERLAB_SETTINGS_DIR: dirs.settings,
    JUPYTERLAB_WORKSPACES_DIR: dirs.workspaces,
    // Galata's helper makes a root and temp files unless told where; keep both inside `base`.
    JUPYTERLAB_GALATA_ROOT_DIR: dirs.root,
    TMPDIR: dirs.tmp,
    IPYTHONDIR: dirs.ipython,
    PYTHONUNBUFFERED: '1'
  };
}

async function populateRoot(rootDir: string, options: JupyterServerOptions): Promise<void> {
  for (const path of options.copy ?? []) {
    await cp(join(REPO_ROOT, path), join(rootDir, path), { recursive: true });
  }
  for (const [path, contents] of Object.entries(options.files ?? {})) {
    await mkdir(dirname(join(rootDir, path)), { recursive: true });
    await writeFile(join(rootDir, path), contents);
  }
}

/** A port the OS just handed out; the server takes it with `port_retries = 0`. */
export function findFreePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => resolvePort(port));
    });
  });
}

async function waitForStatus(url: string, child: ChildProcess, logFile: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(`Jupyter exited early (${child.exitCode ?? child.signalCode}).\n${tail(logFile)}`);
    }
    try {
      const response = await fetch(`${url}/api/status`, { signal: AbortSignal.timeout(2_000) });
      if (response.ok) return;
    } catch {
      // Not listening yet.
    }
    await sleep(250);
  }
  throw new Error(`Jupyter did not answer ${url}/api/status within ${timeoutMs} ms.\n${tail(logFile)}`);
}

/**
 * SIGTERM lets the server shut its kernels down; kernels run in their own
 * sessions, so any that survive a SIGKILL fallback are found by their
 * connection file, which sits in this server's private runtime folder.
 */
async function stopProcessTree(child: ChildProcess, runtimeDir: string): Promise<void> {
  if (child.exitCode === null && child.signalCode === null && child.pid !== undefined) {
    const exited = new Promise<void>(done => child.once('exit', () => done()));
    signalGroup(child.pid, 'SIGTERM');
    const inTime = await Promise.race([exited.then(() => true), sleep(10_000).then(() => false)]);
    if (!inTime) {
      signalGroup(child.pid, 'SIGKILL');
      await exited;
    }
  }
  killKernels(runtimeDir);
}

function signalGroup(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pid, signal);
  } catch {
    // The group is already gone.
  }
}

/** Kills what is left of this server's kernels: their command lines name its runtime folder. */
function killKernels(runtimeDir: string): void {
  for (const pid of processesMentioning(runtimeDir)) {
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      // Already gone.
    }
  }
}

/** Processes whose command line contains `text` (Linux /proc). */
function processesMentioning(text: string): number[] {
  const found: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      if (readFileSync(`/proc/${entry}/cmdline`, 'utf8').includes(text)) found.push(Number(entry));
    } catch {
      // Exited while we looked.
    }
  }
  return found;
}

/** If the test process dies without calling stop(), do not leave a server running. */
function killOnExit(child: ChildProcess, runtimeDir: string): void {
  // Only synchronous work runs in an 'exit' handler.
  const kill = (): void => {
    if (child.pid !== undefined && child.exitCode === null) signalGroup(child.pid, 'SIGKILL');
    killKernels(runtimeDir);
  };
  process.once('exit', kill);
  child.once('exit', () => process.off('exit', kill));
}

export function tail(file: string, lines = 40): string {
  try {
    return readFileSync(file, 'utf8').split('\n').slice(-lines).join('\n');
  } catch {
    return '(no server log)';
  }
}

export function sleep(ms: number): Promise<void> {
  return new Promise(done => setTimeout(done, ms));
}
