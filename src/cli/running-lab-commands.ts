import { didYouMean, userText, type Script } from '../format/index.js';
import type { Diagnostic } from './diagnostic.js';
import { fetchText } from './http-body.js';
import type { ServerAddress } from './kernel/index.js';

/** How long a JupyterLab gets to answer for its settings. */
const TIMEOUT_MS = 30_000;

/**
 * The command ids a running JupyterLab knows of: every `command` its plugins'
 * settings schemas name (menus, toolbars, context menus, shortcuts), read
 * from its settings API. Commands live in the browser, so this is what a
 * server can tell; it includes the installed extensions' own.
 */
export async function labCommandIds(lab: ServerAddress): Promise<Set<string>> {
  const url = `${lab.url}/lab/api/settings`;
  // At most MAX_RESPONSE_BYTES of it is read.
  const response = await fetchText(url, {
    headers: lab.token ? { Authorization: `token ${lab.token}` } : {},
    signal: AbortSignal.timeout(TIMEOUT_MS)
  });
  if (!response.ok) {
    throw new Error(`${url} answered ${response.status}${response.status === 403 ? ' (give its token with --token)' : ''}`);
  }
  let body: { settings?: unknown };
  try {
    body = JSON.parse(response.text) as { settings?: unknown };
  } catch {
    throw new Error(`${url} did not answer JSON: is it a JupyterLab?`);
  }
  if (typeof body !== 'object' || body === null || !Array.isArray(body.settings)) {
    throw new Error(`${url} did not list settings: is it a JupyterLab?`);
  }
  const ids = new Set<string>();
  // Iterative, and never spreading an array into a call's arguments: a schema is
  // JSON from a server, and need be neither shallow nor short.
  const pending: unknown[] = [];
  for (const plugin of body.settings as unknown[]) {
    pending.push(typeof plugin === 'object' && plugin !== null ? (plugin as { schema?: unknown }).schema : undefined);
  }
  while (pending.length) {
    const value = pending.pop();
    if (Array.isArray(value)) {
      for (const item of value as unknown[]) {
        pending.push(item);
      }
    } else if (typeof value === 'object' && value !== null) {
      for (const [key, child] of Object.entries(value)) {
        if (key === 'command' && typeof child === 'string') {
          ids.add(child);
        } else {
          pending.push(child);
        }
      }
    }
  }
  return ids;
}

/**
 * A script's `::point` commands checked against a running JupyterLab's:
 * the compiler's warning for a command that is not JupyterLab's own goes
 * when that JupyterLab has it (an extension's), and a command it lacks is a
 * warning at its line.
 */
export function checkPointedCommands(
  file: string,
  script: Script,
  known: ReadonlySet<string>,
  lab: string,
  diagnostics: Diagnostic[],
  markdown?: string
): Diagnostic[] {
  const lines = markdown?.split(/\r\n?|\n/);
  const found = new Set<number>();
  const missing: Diagnostic[] = [];
  for (const step of script.steps) {
    for (const operation of step.operations) {
      if (operation.op !== 'point') {
        continue;
      }
      const line = operation.line ?? 1;
      if (known.has(operation.command)) {
        found.add(line);
      } else {
        missing.push({
          file,
          line,
          column: attributeColumn(lines?.[line - 1], 'command'),
          severity: 'warning',
          message: `Unknown command \`${userText(operation.command)}\` on \`::point\` in the JupyterLab at ${userText(lab)}: none of its menus, toolbars or shortcuts runs it; check the id (Settings › Keyboard Shortcuts lists them) or install the extension that provides it${didYouMean(operation.command, known)}`,
          ruleId: 'unknown-command'
        });
      }
    }
  }
  const kept = diagnostics.filter(d => d.ruleId !== 'unknown-command' || (!found.has(d.line) && !missing.some(m => m.line === d.line)));
  return [...kept, ...missing].sort((a, b) => a.line - b.line || a.column - b.column);
}

/** Where `name=` starts on a `::point` line (1-based), as the compiler's own messages point; 1 when it is not there. */
function attributeColumn(line: string | undefined, name: string): number {
  const at = line === undefined ? -1 : line.search(new RegExp(`[{\\s]${name}=`));
  return at < 0 ? 1 : at + 2;
}
