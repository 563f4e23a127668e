import { formatBytes, stringifyScript, userText, validateScript, type RunOperation, type Script } from '../../format/index.js';
import { BAKE_LIMITS, bakeOutputs } from '../baked-outputs.js';
import { hasErrors, type Diagnostic } from '../diagnostic.js';
import { displayName } from '../display-name.js';
import { KernelClient, NoKernelSpecError, type Execution } from '../kernel/index.js';
import { reportProgress } from '../run-progress.js';
import { failureDetails } from '../test-report.js';
import { testTutorial } from '../tutorial-test.js';
import { report, writeOutput, type Command, type CommandContext } from './command.js';
import { answersFor, readAnswers } from '../answers-file.js';
import { checkServerOptions, kernelServer, NO_KERNEL, START_TIMEOUT_MS, stopOnInterrupt } from '../kernel-server.js';
import { parseTimeout, startFailure } from './test.js';

export const bakeCommand: Command = {
  name: 'bake',
  usage: 'notecast bake TUTORIAL.md|SCRIPT.json [-o SCRIPT.json] [--jupyter PATH | --server URL --token TOKEN] [--timeout SECONDS] [--answers FILE.json]',
  summary: "Play the tutorial in a real kernel and write its script with every run's outputs in it, for pages with no kernel.",
  options: {
    output: { type: 'string', short: 'o' },
    jupyter: { type: 'string' },
    server: { type: 'string' },
    token: { type: 'string' },
    timeout: { type: 'string' },
    answers: { type: 'string' }
  },
  minFiles: 1,
  maxFiles: 1,
  run: bake
};

async function bake(context: CommandContext): Promise<number> {
  const { io, files, values } = context;
  const timeoutMs = parseTimeout(values.timeout as string | undefined);
  checkServerOptions(values, bakeCommand.usage);
  const file = files[0];
  const name = displayName(file);
  const answers = values.answers === undefined ? undefined : await readAnswers(io, values.answers as string);
  const loaded = await context.load(file);
  report(io, loaded.diagnostics);
  if (!loaded.script || hasErrors(loaded.diagnostics)) {
    io.stderr(`${name}: error: the tutorial has errors (see above), so it cannot be baked; \`notecast check\` lists them\n`);
    return 1;
  }
  const script = loaded.script;

  const chosen = await kernelServer(io, values);
  if (chosen === NO_KERNEL) {
    return NO_KERNEL;
  }
  const { server, started } = chosen;
  let kernel: KernelClient | undefined;
  const stopWatching = stopOnInterrupt(io, started, () => kernel, '; nothing was written');

  const executions = new Map<RunOperation, Execution>();
  // A long tutorial says where it is, as `notecast test` does.
  const progress = reportProgress(io, name, script.steps.length);
  let outcome;
  try {
    kernel = await KernelClient.start(server, script.kernel, START_TIMEOUT_MS);
    outcome = await testTutorial(script, kernel, {
      timeoutMs,
      answers: answersFor(answers, file),
      onRun: progress.onRun,
      onExecution: (operation, execution) => executions.set(operation, execution)
    });
  } catch (error) {
    io.stderr(`${name}: error: ${startFailure(error, script.kernel, started !== undefined)}; nothing was written\n`);
    return error instanceof NoKernelSpecError ? NO_KERNEL : 1;
  } finally {
    progress.stop();
    stopWatching();
    await kernel?.shutdown();
    await started?.stop();
  }

  if (outcome.error) {
    io.stderr(`${name}: error: the tutorial could not be played to its end: ${userText(outcome.error, 600)}; nothing was written\n`);
    return 1;
  }
  if (outcome.failures.length > 0) {
    for (const failure of outcome.failures) {
      io.stderr(failureDetails(name, failure));
    }
    io.stderr(
      `${name}: error: ${outcome.failures.length === 1 ? 'a run' : `${outcome.failures.length} runs`} did not do what the tutorial says (see above), so the baked outputs would contradict it; nothing was written. \`notecast test\` checks a tutorial the same way\n`
    );
    return 1;
  }

  const { baked, diagnostics } = bakeScript(script, executions, name);
  report(io, diagnostics);
  const validation = validateScript(baked);
  if (!validation.script) {
    throw new Error(`the baked script does not validate: ${validation.problems[0]?.message ?? ''}`);
  }
  const text = stringifyScript(baked);
  await writeOutput(io, values.output as string | undefined, text);
  const count = baked.steps.reduce(
    (sum, step) => sum + step.operations.reduce((n, operation) => n + (operation.op === 'run' ? (operation.outputs?.length ?? 0) : 0), 0),
    0
  );
  io.stderr(
    `notecast: baked ${name}: ${executions.size} run${executions.size === 1 ? '' : 's'}, ${count} output${count === 1 ? '' : 's'}, a script of ${formatBytes(Buffer.byteLength(text))}${
      values.output === undefined || values.output === '-' ? '' : ` in ${displayName(values.output as string)}`
    }\n`
  );
  return 0;
}

/**
 * The script with each code run's outputs in it (an empty list when it
 * showed nothing), and a warning, at the run's line, for each output left
 * out or changed and for each image without the author's `alt=`.
 */
export function bakeScript(script: Script, executions: ReadonlyMap<RunOperation, Execution>, file: string): { baked: Script; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const budget = { scriptLeft: BAKE_LIMITS.script };
  const baked: Script = {
    ...script,
    steps: script.steps.map(step => ({
      ...step,
      operations: step.operations.map(operation => {
        const execution = operation.op === 'run' ? executions.get(operation) : undefined;
        if (operation.op !== 'run' || !execution) {
          return operation;
        }
        const { outputs, warnings } = bakeOutputs(execution.outputs, budget);
        const warn = (message: string, ruleId: string) =>
          diagnostics.push({ file, line: operation.line ?? 1, column: 1, severity: 'warning', message, ruleId });
        for (const warning of warnings) {
          warn(warning, 'bake-output');
        }
        if (!operation.alt && outputs.some(output => output.type === 'image')) {
          warn(
            'this run shows an image but has no alt= to describe it: write :::run{alt="what the picture shows"} for learners who cannot see it',
            'bake-image-alt'
          );
        }
        return { ...operation, outputs };
      })
    }))
  };
  return { baked, diagnostics };
}
