import { userText } from '../format/index.js';
import { displayName } from './display-name.js';
import { UsageError, type CliIO } from './io.js';
import { findJupyter, NoServerError, startJupyterServer, type KernelClient, type ServerAddress, type StartedServer } from './kernel/index.js';
import { serverAddress } from './server-url.js';

/** Exit status when no kernel can be started: like a usage error, it is about the setup, not the tutorials. */
export const NO_KERNEL = 2;
/** How long a server and a kernel get to start. */
export const START_TIMEOUT_MS = 60_000;

export const INSTALL_HINT =
  'install Jupyter and a kernel (for Python: `pip install jupyter-server ipykernel`), or give `--jupyter PATH`, or `--server URL --token TOKEN` for a server that runs already';

/** The server the commands that run code (`test`, `bake`) use, and the one they started, if any. */
export interface KernelServer {
  server: ServerAddress;
  started?: StartedServer;
}

/** `--server` comes with `--token`, and names a server instead of `--jupyter` starting one. */
export function checkServerOptions(values: { server?: unknown; token?: unknown; jupyter?: unknown }, usage: string): void {
  if ((values.server === undefined) !== (values.token === undefined)) {
    throw new UsageError(`--server and --token go together: ${usage}`);
  }
  if (values.server !== undefined && values.jupyter !== undefined) {
    throw new UsageError('give --jupyter (a server to start) or --server (one that runs), not both');
  }
}

/**
 * The server `--server`/`--token` name, or one started from `--jupyter` (or the `jupyter` on PATH);
 * `NO_KERNEL` after saying why none could be had.
 */
export async function kernelServer(io: CliIO, values: { server?: unknown; token?: unknown; jupyter?: unknown }): Promise<KernelServer | typeof NO_KERNEL> {
  if (values.server !== undefined) {
    return { server: serverAddress('--server', values.server as string, values.token as string) };
  }
  const jupyter = findJupyter(values.jupyter as string | undefined);
  if (!jupyter) {
    io.stderr(
      `notecast: error: ${values.jupyter === undefined ? 'no `jupyter` command on PATH' : `${displayName(values.jupyter as string)} does not exist`}; ${INSTALL_HINT}\n`
    );
    return NO_KERNEL;
  }
  try {
    const started = await startJupyterServer(jupyter, START_TIMEOUT_MS);
    return { server: started, started };
  } catch (error) {
    if (error instanceof NoServerError) {
      io.stderr(`notecast: error: cannot start a Jupyter server: ${userText(error.message, 600)}; ${INSTALL_HINT}\n`);
      return NO_KERNEL;
    }
    throw error;
  }
}

/**
 * Ctrl-C (and SIGTERM): the kernel and the server we started go with us, exit 130; a second Ctrl-C
 * does not wait for them. `note` ends the message (what was, or was not, written). Returns the
 * function that takes the handlers off again.
 */
export function stopOnInterrupt(io: CliIO, started: StartedServer | undefined, kernel: () => KernelClient | undefined, note = ''): () => void {
  let interrupted = false;
  const interrupt = (): void => {
    if (interrupted) {
      started?.kill();
      process.exit(130);
    }
    interrupted = true;
    io.stderr(`notecast: interrupted: stopping the kernel and the Jupyter server (Ctrl-C again to kill them)${note}\n`);
    void (async () => {
      await kernel()?.shutdown(3_000);
      await started?.stop();
      process.exit(130);
    })();
  };
  process.on('SIGINT', interrupt);
  process.on('SIGTERM', interrupt);
  return () => {
    process.off('SIGINT', interrupt);
    process.off('SIGTERM', interrupt);
  };
}
