import { randomUUID } from 'node:crypto';
import WebSocket from 'ws';
import { fetchText } from '../http-body.js';

/** Where a Jupyter server listens and the token it wants. */
export interface ServerAddress {
  /** Base URL without a trailing slash, e.g. `http://127.0.0.1:41234`. */
  url: string;
  token: string;
}

/** What one execution printed and how it ended. */
export interface Execution {
  /** Stream text and `text/plain` results (and displays), in the order the kernel sent them. */
  output: string;
  /** The exception it raised, if any: name and message, never the traceback. */
  error?: { name: string; value: string };
  /**
   * Every output as the kernel sent it (streams of one name joined), for
   * `notecast bake`; past `MAX_KEPT_OUTPUT_BYTES` an output is only counted.
   */
  outputs: KernelOutput[];
}

/** One output of an execution, in the notebook format's shape. */
export type KernelOutput =
  | { output_type: 'stream'; name: string; text: string }
  | { output_type: 'execute_result' | 'display_data'; data: Record<string, unknown> }
  | { output_type: 'error'; ename: string; evalue: string; traceback: string[] }
  /** The outputs not kept, past the bound on what one execution keeps: their size in characters. */
  | { output_type: 'omitted'; size: number };

/** The most output data kept per execution, in characters: far above any bound `bake` keeps, bounded for a cell that shows pictures forever. */
export const MAX_KEPT_OUTPUT_CHARS = 64 * 1024 * 1024;

/** The kernel stopped answering: it died, hung past the timeout, or its connection closed. */
export class KernelLostError extends Error {}

/** The server cannot start the kernel the tutorial names. */
export class NoKernelSpecError extends Error {
  constructor(
    readonly kernel: string,
    readonly known: readonly string[]
  ) {
    super(`no kernel named "${kernel}"`);
  }
}

/** The most output kept per execution: enough for any tutorial, bounded for a cell that prints forever. */
export const MAX_OUTPUT_CHARS = 1_000_000;

interface Message {
  header: { msg_id: string; msg_type: string };
  parent_header: { msg_id?: string };
  content: Record<string, unknown>;
  channel?: string;
}

/**
 * One kernel on a Jupyter server, spoken to with the server's REST API and
 * its kernel WebSocket (JSON messages, protocol 5.3): start it, execute code
 * one cell at a time, shut it down. Output is collected as text and never
 * interpreted.
 */
export class KernelClient {
  private readonly session = randomUUID();
  private pending: { msgId: string; execution: Execution; kept: number; replied: boolean; idle: boolean; done: (error?: Error) => void } | undefined;
  private lost: string | undefined;

  private constructor(
    private readonly server: ServerAddress,
    readonly id: string,
    private readonly socket: WebSocket
  ) {
    socket.on('message', (data: Buffer) => this.receive(data.toString('utf8')));
    socket.on('close', () => this.lose('its connection closed'));
    socket.on('error', error => this.lose(`its connection failed (${error.message})`));
  }

  /** Start a kernel of spec `name` and connect to it. Rejects with `NoKernelSpecError` when the server has no such spec. */
  static async start(server: ServerAddress, name: string, timeoutMs: number): Promise<KernelClient> {
    const specs = (await request(server, 'GET', '/api/kernelspecs', undefined, timeoutMs)) as { kernelspecs?: Record<string, unknown> };
    const known = Object.keys(specs.kernelspecs ?? {}).sort();
    if (!known.includes(name)) {
      throw new NoKernelSpecError(name, known);
    }
    const model = (await request(server, 'POST', '/api/kernels', { name }, timeoutMs)) as { id: string };
    const ws = server.url.replace(/^http/, 'ws');
    const socket = new WebSocket(`${ws}/api/kernels/${encodeURIComponent(model.id)}/channels?session_id=${randomUUID()}`, {
      headers: { Authorization: `token ${server.token}` },
      // The kernel's output is text we compare; nothing that size is a tutorial's.
      maxPayload: 64 * 1024 * 1024
    });
    try {
      await new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => reject(new KernelLostError(`the kernel's WebSocket did not open within ${timeoutMs} ms`)), timeoutMs);
        socket.once('open', () => {
          clearTimeout(timer);
          resolve();
        });
        socket.once('error', error => {
          clearTimeout(timer);
          reject(new KernelLostError(`cannot connect to the kernel: ${error.message}`));
        });
      });
    } catch (error) {
      socket.terminate();
      await request(server, 'DELETE', `/api/kernels/${encodeURIComponent(model.id)}`, undefined, timeoutMs).catch(() => undefined);
      throw error;
    }
    const client = new KernelClient(server, model.id, socket);
    // The first execution also waits for the kernel to be ready: an empty one says when.
    await client.execute('', timeoutMs);
    return client;
  }

  /**
   * Run `code` and collect what it prints until the kernel is idle again.
   * Rejects with `KernelLostError` when the kernel dies, restarts or does
   * not finish within `timeoutMs`.
   */
  execute(code: string, timeoutMs: number): Promise<Execution> {
    if (this.lost) {
      return Promise.reject(new KernelLostError(`the kernel is gone: ${this.lost}`));
    }
    const msgId = randomUUID();
    const execution: Execution = { output: '', outputs: [] };
    return new Promise<Execution>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending = undefined;
        reject(new KernelLostError(`the kernel did not finish within ${Math.round(timeoutMs / 1000)} s (--timeout)`));
      }, timeoutMs);
      this.pending = {
        msgId,
        execution,
        kept: 0,
        replied: false,
        idle: false,
        done: error => {
          clearTimeout(timer);
          this.pending = undefined;
          if (error) {
            reject(error);
          } else {
            resolve(execution);
          }
        }
      };
      this.socket.send(
        JSON.stringify({
          header: {
            msg_id: msgId,
            msg_type: 'execute_request',
            session: this.session,
            username: 'notecast',
            version: '5.3',
            date: new Date().toISOString()
          },
          parent_header: {},
          metadata: {},
          content: { code, silent: false, store_history: true, user_expressions: {}, allow_stdin: false, stop_on_error: true },
          channel: 'shell',
          buffers: []
        })
      );
    });
  }

  /** Shut the kernel down and close the connection; never rejects. */
  async shutdown(timeoutMs = 10_000): Promise<void> {
    this.lost ??= 'it was shut down';
    this.socket.terminate();
    await request(this.server, 'DELETE', `/api/kernels/${encodeURIComponent(this.id)}`, undefined, timeoutMs).catch(() => undefined);
  }

  private lose(why: string): void {
    if (this.lost) {
      return;
    }
    this.lost = why;
    this.pending?.done(new KernelLostError(`the kernel is gone: ${why}`));
  }

  private receive(text: string): void {
    let message: Message;
    try {
      message = JSON.parse(text) as Message;
    } catch {
      return;
    }
    const type = message.header?.msg_type;
    const content = message.content ?? {};
    // The server says so when the kernel process died, whoever's message it was.
    if (type === 'status' && (content.execution_state === 'restarting' || content.execution_state === 'dead')) {
      this.lose(content.execution_state === 'dead' ? 'it died and could not be restarted' : 'it died (the server is restarting it)');
      return;
    }
    const pending = this.pending;
    if (!pending || message.parent_header?.msg_id !== pending.msgId) {
      return;
    }
    const execution = pending.execution;
    switch (type) {
      case 'stream':
        append(execution, typeof content.text === 'string' ? content.text : '');
        keep(pending, {
          output_type: 'stream',
          name: typeof content.name === 'string' ? content.name : 'stdout',
          text: typeof content.text === 'string' ? content.text : ''
        });
        break;
      case 'execute_result':
      case 'display_data': {
        const data = (content.data as Record<string, unknown> | undefined) ?? {};
        const plain = data['text/plain'];
        if (typeof plain === 'string') {
          append(execution, plain.endsWith('\n') ? plain : `${plain}\n`);
        }
        keep(pending, { output_type: type, data });
        break;
      }
      case 'clear_output':
        execution.output = '';
        execution.outputs = [];
        pending.kept = 0;
        break;
      case 'error':
        execution.error = raisedBy(content);
        keep(pending, {
          output_type: 'error',
          ename: execution.error.name,
          evalue: execution.error.value,
          traceback: Array.isArray(content.traceback) ? content.traceback.filter((line): line is string => typeof line === 'string') : []
        });
        break;
      case 'execute_reply':
        pending.replied = true;
        if (content.status === 'error' && !execution.error) {
          execution.error = raisedBy(content);
        }
        break;
      case 'status':
        if (content.execution_state === 'idle') {
          pending.idle = true;
        }
        break;
    }
    // The reply (shell) and idle (iopub) come on different channels, in either order.
    if (pending.replied && pending.idle) {
      pending.done();
    }
  }
}

/** An error message's exception, as text whatever the kernel sent. */
function raisedBy(content: Record<string, unknown>): { name: string; value: string } {
  return {
    name: typeof content.ename === 'string' && content.ename ? content.ename : 'Error',
    value: typeof content.evalue === 'string' ? content.evalue : ''
  };
}

/** Keep one output, joining a stream to the one before it of the same name; past the bound, only its size. */
function keep(pending: { execution: Execution; kept: number }, output: KernelOutput): void {
  const outputs = pending.execution.outputs;
  const size = output.output_type === 'omitted' ? 0 : JSON.stringify(output).length;
  pending.kept += size;
  const last = outputs[outputs.length - 1];
  if (pending.kept > MAX_KEPT_OUTPUT_CHARS) {
    // Everything past the bound is one omission, however many outputs it was.
    if (last?.output_type === 'omitted') {
      last.size += size;
    } else {
      outputs.push({ output_type: 'omitted', size });
    }
  } else if (output.output_type === 'stream' && last?.output_type === 'stream' && last.name === output.name) {
    last.text += output.text;
  } else {
    outputs.push(output);
  }
}

function append(execution: Execution, text: string): void {
  if (execution.output.length < MAX_OUTPUT_CHARS) {
    execution.output = (execution.output + text).slice(0, MAX_OUTPUT_CHARS);
  }
}

/** One REST call with the token; rejects with the server's words on a failing status. */
export async function request(server: ServerAddress, method: string, path: string, body: unknown, timeoutMs: number): Promise<unknown> {
  // At most MAX_RESPONSE_BYTES of the answer is read.
  const response = await fetchText(`${server.url}${path}`, {
    method,
    headers: { Authorization: `token ${server.token}`, ...(body === undefined ? {} : { 'Content-Type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
    signal: AbortSignal.timeout(timeoutMs)
  });
  const text = response.text;
  if (!response.ok) {
    let reason = text.slice(0, 300);
    try {
      const parsed = JSON.parse(text) as { message?: string; reason?: string };
      reason = parsed.message || parsed.reason || reason;
    } catch {
      // Not JSON: the raw start of the body.
    }
    throw new Error(`${method} ${path} answered ${response.status}${reason ? `: ${reason}` : ''}`);
  }
  return text ? (JSON.parse(text) as unknown) : undefined;
}
