import { plural, userText } from '../../format/index.js';
import { hasErrors } from '../diagnostic.js';
import { displayName } from '../display-name.js';
import { InputError, UsageError } from '../io.js';
import { checkPointedCommands, labCommandIds } from '../running-lab-commands.js';
import { serverAddress } from '../server-url.js';
import { checkTranslation } from './check-translation.js';
import { report, type Command } from './command.js';

export const checkCommand: Command = {
  name: 'check',
  usage: 'notecast check FILE... [--lab URL [--token TOKEN]]',
  summary:
    'Check Markdown tutorials or compiled .json scripts and report every problem; a translation (intro.fr.md) is compared with its source (intro.md).',
  options: { lab: { type: 'string' }, token: { type: 'string' } },
  minFiles: 1,
  async run({ io, files, values, load }) {
    if (values.token !== undefined && values.lab === undefined) {
      throw new UsageError(`--token goes with --lab: ${checkCommand.usage}`);
    }
    // `--lab URL`: the `::point` commands are checked against that JupyterLab's (its extensions' too).
    const lab = typeof values.lab === 'string' ? serverAddress('--lab', values.lab, values.token as string | undefined) : undefined;
    let labCommands: Set<string> | undefined;
    if (lab) {
      try {
        labCommands = await labCommandIds(lab);
      } catch (error) {
        io.stderr(
          `notecast: error: cannot read the commands of the JupyterLab at ${userText(lab.url)}: ${userText(error instanceof Error ? error.message : String(error), 300)}; check the URL (the one Jupyter prints, or the address JupyterLab runs at) and --token\n`
        );
        return 1;
      }
    }
    let errors = 0;
    let warnings = 0;
    for (const file of files) {
      let loaded;
      try {
        loaded = await load(file);
      } catch (error) {
        // A file that cannot be read was reported; check the others all the same.
        if (error instanceof InputError) {
          errors++;
          continue;
        }
        throw error;
      }
      // A translation is also checked against its source's structure; with `--lab`, the pointed commands against that JupyterLab's.
      const own =
        lab && labCommands && loaded.script
          ? checkPointedCommands(displayName(file), loaded.script, labCommands, lab.url, loaded.diagnostics, loaded.markdown)
          : loaded.diagnostics;
      const diagnostics = loaded.script && file !== '-' ? [...own, ...(await checkTranslation(io, file, loaded.script, load))] : own;
      report(io, diagnostics);
      errors += diagnostics.filter(d => d.severity === 'error').length;
      warnings += diagnostics.filter(d => d.severity === 'warning').length;
      if (!loaded.script && !hasErrors(loaded.diagnostics)) {
        errors++;
      }
    }
    io.stderr(`checked ${plural(files.length, 'file')}: ${plural(errors, 'error')}, ${plural(warnings, 'warning')}\n`);
    return errors > 0 ? 1 : 0;
  }
};
