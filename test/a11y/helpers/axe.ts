/**
 * axe-core runs, configured only from the top-level `axe.config.js`, and the "do no harm"
 * baseline: JupyterLab's own violations recorded without Notecast, as stable rule + target lists.
 */
import { existsSync, readFileSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import type * as AxeConfigModule from '../../../axe.config.js';
import { REPO_ROOT } from '../../e2e/jupyter-server.js';

/**
 * `axe.config.js` sits at the repository root, and this file runs from `lib/test/a11y/helpers/`,
 * so the static path that type-checks (`../../axe.config.js`) is not the one that exists at run
 * time: load the real file by URL; its types come from `axe.config.d.ts`.
 */
export const AXE_CONFIG_PATH = join(REPO_ROOT, 'axe.config.js');
export const axeConfig = (await import(pathToFileURL(AXE_CONFIG_PATH).href)) as typeof AxeConfigModule;

export type AxeScope = AxeConfigModule.AxeScope;

/** One violation at one node: what the tests compare and the baseline stores. */
export interface Finding {
  rule: string;
  /** axe's CSS selector for the node, with generated ids and counters normalised. */
  target: string;
}

export interface Violation {
  rule: string;
  impact: string | null;
  help: string;
  helpUrl: string;
  nodes: Array<{ target: string; html: string; summary: string }>;
}

export interface ScanOptions {
  /** Selectors to scan inside (default: the whole page). */
  include?: string | string[];
  exclude?: string | string[];
  /** Which of axe.config.js's disabled-rule lists applies (default: `player` with include, else `page`). */
  scope?: AxeScope;
}

/** Runs axe-core on the page as `axe.config.js` says; returns the violations, simplified. */
export async function scan(page: Page, options: ScanOptions = {}): Promise<Violation[]> {
  const scope: AxeScope = options.scope ?? (options.include ? 'player' : 'page');
  // The configuration comes only from axe.config.js: runOptions() carries the tags and the
  // disabled rules; nothing here adds or removes a rule.
  let builder = new AxeBuilder({ page }).options(axeConfig.runOptions(scope));
  for (const selector of toList(options.include)) builder = builder.include(selector);
  for (const selector of toList(options.exclude)) builder = builder.exclude(selector);
  const results = await builder.analyze();
  return results.violations.map(violation => ({
    rule: violation.id,
    impact: violation.impact ?? null,
    help: violation.help,
    helpUrl: violation.helpUrl,
    nodes: violation.nodes.map(node => ({
      target: targetToString(node.target),
      html: node.html,
      summary: node.failureSummary ?? ''
    }))
  }));
}

/** Scans inside the player only (the strict scans); fails if there is no player to scan. */
export async function scanPlayer(page: Page): Promise<Violation[]> {
  const count = await page.locator(axeConfig.playerSelector).count();
  if (count === 0) throw new Error(`No ${axeConfig.playerSelector} on the page: nothing to scan.`);
  return scan(page, { include: axeConfig.playerSelector, scope: 'player' });
}

/** A readable report of violations for an assertion message. */
export function formatViolations(violations: Violation[]): string {
  if (violations.length === 0) return 'no violations';
  return violations
    .map(v => {
      const nodes = v.nodes.map(n => `    - ${n.target}\n      ${n.html.slice(0, 200)}\n      ${n.summary.replace(/\n/g, '\n      ')}`).join('\n');
      return `  ${v.rule} (${v.impact ?? 'n/a'}): ${v.help}\n    ${v.helpUrl}\n${nodes}`;
    })
    .join('\n');
}

function toList(value: string | string[] | undefined): string[] {
  return value === undefined ? [] : Array.isArray(value) ? value : [value];
}

/** axe targets are arrays (iframes, shadow roots): join them into one string. */
function targetToString(target: unknown): string {
  const flat = (part: unknown): string => (Array.isArray(part) ? part.map(flat).join(' >>> ') : String(part));
  return Array.isArray(target) ? target.map(flat).join(' >> ') : String(target);
}

/**
 * Makes an axe selector stable across runs: Lumino and JupyterLab generate ids and counters
 * (`#id-4a7f…`, `#tab-key-2-3`, `:nth-child(n)` of generated lists stay), which are replaced
 * with placeholders so a baseline does not churn with every page load.
 */
export function normalizeTarget(target: string): string {
  return target
    .replace(/#id-[0-9a-f-]{8,}/gi, '#id-*')
    .replace(/\b([a-z-]*?)-?[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b/gi, '$1-<uuid>')
    .replace(/#(tab-key|jp-id|lm-id|id)-[\w-]*\d[\w-]*/g, '#$1-*')
    .replace(/\b(aria-labelledby|aria-controls|id)="[^"]*\d[^"]*"/g, '$1="*"');
}

/** The stable, sorted, de-duplicated findings of a scan. */
export function findingsOf(violations: Violation[]): Finding[] {
  const keys = new Set<string>();
  for (const v of violations) for (const n of v.nodes) keys.add(JSON.stringify([v.rule, normalizeTarget(n.target)]));
  return [...keys]
    .map(key => JSON.parse(key) as [string, string])
    .map(([rule, target]) => ({ rule, target }))
    .sort((a, b) => a.rule.localeCompare(b.rule) || a.target.localeCompare(b.target));
}

/** The findings of `after` that `before` does not have. */
export function newFindings(before: Finding[], after: Finding[]): Finding[] {
  const known = new Set(before.map(f => `${f.rule}\u0000${f.target}`));
  return after.filter(f => !known.has(`${f.rule}\u0000${f.target}`));
}

// ---- the baseline ------------------------------------------------------------------------------

export const BASELINE_DIR = join(REPO_ROOT, 'test', 'a11y', 'baseline');
export const UPDATE_BASELINE = process.env.UPDATE_BASELINE === '1';

export interface Baseline {
  /** What this is, for a reader of the JSON. */
  description: string;
  /** The JupyterLab state scanned ("fresh Lab", "a notebook open"). */
  state: string;
  jupyterlab: string;
  axeCore: string;
  tags: string[];
  findings: Finding[];
}

export function baselinePath(name: string): string {
  return join(BASELINE_DIR, `${name}.json`);
}

export function readBaseline(name: string): Baseline | undefined {
  const file = baselinePath(name);
  return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as Baseline) : undefined;
}

export async function writeBaseline(name: string, baseline: Baseline): Promise<void> {
  const file = baselinePath(name);
  await mkdir(dirname(file), { recursive: true });
  await writeFile(file, `${JSON.stringify(baseline, null, 2)}\n`);
}

/** The versions that the baseline depends on, read from the page. */
export async function scanEnvironment(page: Page): Promise<{ jupyterlab: string; axeCore: string }> {
  return page.evaluate(() => {
    const w = window as unknown as { jupyterapp?: { version?: string }; axe?: { version?: string } };
    return { jupyterlab: w.jupyterapp?.version ?? 'unknown', axeCore: w.axe?.version ?? 'unknown' };
  });
}
