/**
 * Do no harm (docs/explanation/accessibility.md, "How it is tested"): a full-page axe scan of JupyterLab with Notecast
 * adds no violation beyond JupyterLab's own baseline, recorded without the extension in the same
 * states and kept in test/a11y/baseline/.
 *
 * `UPDATE_BASELINE=1 make a11y` re-records the baseline (review the diff: it should only ever
 * change when JupyterLab or axe-core does). Otherwise each state is scanned twice, on the same
 * server: without Notecast, to prove the recorded baseline still describes this JupyterLab,
 * and with it, to prove Notecast adds nothing.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import {
  axeConfig,
  baselinePath,
  findingsOf,
  newFindings,
  readBaseline,
  scan,
  scanEnvironment,
  UPDATE_BASELINE,
  writeBaseline,
  type Finding
} from './helpers/axe.js';
import { launchBrowser, openLabWith, openNotebook, settle, startServer, waitForLauncher, type JupyterServer } from './helpers/lab.js';

let server: JupyterServer | undefined;
let browser: Browser | undefined;

before(
  async () => {
    server = await startServer();
    browser = await launchBrowser();
  },
  { timeout: 150_000 }
);

after(
  async () => {
    await browser?.close().catch(() => undefined);
    await server?.stop();
  },
  { timeout: 30_000 }
);

interface State {
  /** The baseline file's name. */
  name: string;
  description: string;
  /** Brings a freshly opened Lab into the state and waits until it is settled. */
  enter(page: Page): Promise<void>;
}

const STATES: State[] = [
  {
    name: 'fresh-lab',
    description: 'a fresh JupyterLab (/lab?reset): file browser and Launcher',
    enter: page => waitForLauncher(page)
  },
  {
    name: 'notebook-open',
    description: 'a new python3 notebook open, kernel idle',
    enter: async page => {
      await waitForLauncher(page);
      await openNotebook(page);
      await settle(page, 500);
    }
  }
];

/** Opens Lab with or without Notecast, brings it into the state, scans the whole page. */
async function scanState(
  state: State,
  notecast: boolean,
  options: { selfTest?: boolean } = {}
): Promise<{ findings: Finding[]; env: { jupyterlab: string; axeCore: string }; selfTest?: Finding[] }> {
  const lab = await openLabWith(browser!, server!, notecast);
  try {
    await state.enter(lab.page);
    const findings = findingsOf(await scan(lab.page, { scope: 'page' }));
    const env = await scanEnvironment(lab.page);
    if (!options.selfTest) return { findings, env };
    // Proof that the comparison is not vacuous: a nameless button added to the same page
    // must show up as a new finding.
    await lab.page.evaluate(() => {
      const button = document.createElement('button');
      button.id = 'notecast-a11y-self-test';
      document.querySelector('#jp-main-dock-panel')!.append(button);
    });
    const selfTest = findingsOf(await scan(lab.page, { scope: 'page' }));
    return { findings, env, selfTest };
  } finally {
    await lab.context.close();
  }
}

const show = (findings: Finding[]): string => findings.map(f => `  ${f.rule}  ${f.target}`).join('\n');

for (const state of STATES) {
  describe(`do no harm: ${state.description}`, () => {
    if (UPDATE_BASELINE) {
      test(`record the baseline without Notecast (${state.name})`, { timeout: 120_000 }, async () => {
        const { findings, env } = await scanState(state, false);
        await writeBaseline(state.name, {
          description:
            "JupyterLab's own axe violations without the Notecast extension (rule id, normalised target). " +
            'Recorded by `UPDATE_BASELINE=1 make a11y` (test/a11y/do-no-harm.test.ts); review every change.',
          state: state.description,
          jupyterlab: env.jupyterlab,
          axeCore: env.axeCore,
          tags: [...axeConfig.tags],
          findings
        });
      });
      return;
    }

    test(`the recorded baseline still describes JupyterLab without Notecast (${state.name})`, { timeout: 120_000 }, async t => {
      const baseline = readBaseline(state.name);
      assert.ok(baseline, `${baselinePath(state.name)} is missing: run \`UPDATE_BASELINE=1 make a11y\` and commit it.`);
      assert.deepEqual(baseline.tags, [...axeConfig.tags], 'axe.config.js tags changed since the baseline was recorded: re-record it.');
      const { findings, env } = await scanState(state, false);
      assert.deepEqual(
        { jupyterlab: env.jupyterlab, axeCore: env.axeCore },
        { jupyterlab: baseline.jupyterlab, axeCore: baseline.axeCore },
        'JupyterLab or axe-core changed since the baseline was recorded: re-record it and review the diff.'
      );
      const unrecorded = newFindings(baseline.findings, findings);
      assert.deepEqual(unrecorded, [], `JupyterLab without Notecast has violations the baseline does not list:\n${show(unrecorded)}`);
      const gone = newFindings(findings, baseline.findings);
      if (gone.length > 0) t.diagnostic(`baseline findings not seen this time (harmless):\n${show(gone)}`);
    });

    test(`Notecast adds no violation to the full page (${state.name})`, { timeout: 120_000 }, async () => {
      const baseline = readBaseline(state.name);
      assert.ok(baseline, `${baselinePath(state.name)} is missing: run \`UPDATE_BASELINE=1 make a11y\` and commit it.`);
      const { findings, selfTest } = await scanState(state, true, { selfTest: true });
      const added = newFindings(baseline.findings, findings);
      assert.deepEqual(added, [], `With Notecast the page has violations beyond JupyterLab's baseline:\n${show(added)}`);
      assert.deepEqual(
        newFindings(baseline.findings, selfTest!),
        [{ rule: 'button-name', target: '#notecast-a11y-self-test' }],
        'self-test: a nameless button added to the page was not reported as new'
      );
    });
  });
}
