import { userText } from '../../format/index.js';
import { answersFor, readAnswers, unknownTutorialsWarning } from '../answers-file.js';
import { displayName } from '../display-name.js';
import { hasErrors } from '../diagnostic.js';
import { InputError, UsageError } from '../io.js';
import { KernelClient, NoKernelSpecError } from '../kernel/index.js';
import { checkServerOptions, kernelServer, NO_KERNEL, START_TIMEOUT_MS, stopOnInterrupt } from '../kernel-server.js';
import { reportProgress } from '../run-progress.js';
import { failureDetails, jsonReport, summaryLine, totalsLine, type TutorialReport } from '../test-report.js';
import { testTutorial } from '../tutorial-test.js';
import { report, type Command, type CommandContext } from './command.js';

const DEFAULT_TIMEOUT_S = 60;

export const testCommand: Command = {
  name: 'test',
  usage: 'notecast test TUTORIAL.md|SCRIPT.json... [--jupyter PATH | --server URL --token TOKEN] [--timeout SECONDS] [--answers FILE.json] [--json]',
  summary: "Play each tutorial headless, run its cells in a real kernel and compare each :::run's expected output with what the kernel printed.",
  options: {
    jupyter: { type: 'string' },
    server: { type: 'string' },
    token: { type: 'string' },
    timeout: { type: 'string' },
    answers: { type: 'string' },
    json: { type: 'boolean' }
  },
  minFiles: 1,
  inputOptions: ['answers'],
  run: runTests
};

async function runTests(context: CommandContext): Promise<number> {
  const { io, files, values } = context;
  const timeoutMs = parseTimeout(values.timeout as string | undefined);
  checkServerOptions(values, testCommand.usage);
  const answers = values.answers === undefined ? undefined : await readAnswers(io, values.answers as string);
  const unknown = answers && unknownTutorialsWarning(answers, files);
  if (unknown) {
    io.stderr(unknown);
  }
  const json = values.json === true;
  const print = (text: string): void => {
    if (!json) {
      io.stdout(text);
    }
  };

  const chosen = await kernelServer(io, values);
  if (chosen === NO_KERNEL) {
    return NO_KERNEL;
  }
  const { server, started } = chosen;
  let kernel: KernelClient | undefined;
  const stopWatching = stopOnInterrupt(io, started, () => kernel);

  const reports: TutorialReport[] = [];
  let noKernel = false;
  try {
    for (const file of files) {
      const name = displayName(file);
      const begun = performance.now();
      let loaded;
      try {
        loaded = await context.load(file);
      } catch (error) {
        if (error instanceof InputError) {
          reports.push({ file: name, status: 'errored', ms: performance.now() - begun, error: 'the file cannot be read' });
          print(`${summaryLine(reports[reports.length - 1])}\n`);
          continue;
        }
        throw error;
      }
      report(io, loaded.diagnostics);
      if (!loaded.script || hasErrors(loaded.diagnostics)) {
        reports.push({
          file: name,
          status: 'errored',
          ms: performance.now() - begun,
          error: 'the tutorial has errors (see above); `notecast check` lists them'
        });
        print(`${summaryLine(reports[reports.length - 1])}\n`);
        continue;
      }
      const script = loaded.script;
      const progress = reportProgress(io, name, script.steps.length, begun);
      let result: TutorialReport;
      try {
        kernel = await KernelClient.start(server, script.kernel, START_TIMEOUT_MS);
        const outcome = await testTutorial(script, kernel, {
          timeoutMs,
          answers: answersFor(answers, file),
          onRun: progress.onRun
        });
        result = { file: name, ...outcome, ms: performance.now() - begun };
      } catch (error) {
        result = { file: name, status: 'errored', ms: performance.now() - begun, error: startFailure(error, script.kernel, started !== undefined) };
        // Whatever stopped this tutorial (a kernel that would not start, a server gone), the next one still runs.
        noKernel ||= error instanceof NoKernelSpecError;
      } finally {
        progress.stop();
        await kernel?.shutdown();
        kernel = undefined;
      }
      reports.push(result);
      print(`${summaryLine(result)}\n`);
    }
  } finally {
    stopWatching();
    await started?.stop();
  }

  if (json) {
    io.stdout(jsonReport(reports));
  } else {
    for (const result of reports) {
      for (const failure of result.failures ?? []) {
        io.stdout(`\n${failureDetails(result.file, failure)}`);
      }
    }
    io.stdout(`\n${totalsLine(reports)}\n`);
  }
  if (noKernel) {
    return NO_KERNEL;
  }
  return reports.every(result => result.status === 'passed') ? 0 : 1;
}

/** Why a tutorial's kernel could not start, and what to do about it. */
export function startFailure(error: unknown, kernel: string, ownServer: boolean): string {
  if (error instanceof NoKernelSpecError) {
    const known = error.known.length ? `it has ${error.known.map(name => `"${userText(name)}"`).join(', ')}` : 'it has none';
    return `no kernel named "${userText(kernel)}" on the Jupyter server (${known}): install that kernel${
      ownServer ? ' where `jupyter` runs' : ' on the server'
    } (for Python: \`pip install ipykernel\` and \`python -m ipykernel install --user --name ${userText(kernel)}\`), or change \`kernel:\` in the tutorial's front matter`;
  }
  return `cannot start the "${userText(kernel)}" kernel: ${userText(error instanceof Error ? error.message : String(error), 300)}`;
}

export function parseTimeout(text: string | undefined): number {
  if (text === undefined) {
    return DEFAULT_TIMEOUT_S * 1000;
  }
  const seconds = /^\s*\d+(\.\d+)?\s*$/.test(text) ? Number(text) : NaN;
  if (!(seconds > 0 && seconds <= 24 * 60 * 60)) {
    throw new UsageError(`--timeout "${userText(text)}" is not a number of seconds above 0 and at most 86400 (the default is ${DEFAULT_TIMEOUT_S})`);
  }
  return seconds * 1000;
}
