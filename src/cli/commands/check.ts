import { plural } from '../../format/index.js';
import { hasErrors } from '../diagnostic.js';
import { InputError } from '../io.js';
import { checkTranslation } from './check-translation.js';
import { report, type Command } from './command.js';

export const checkCommand: Command = {
  name: 'check',
  usage: 'notecast check FILE...',
  summary:
    'Check Markdown tutorials or compiled .json scripts and report every problem; a translation (intro.fr.md) is compared with its source (intro.md).',
  options: {},
  minFiles: 1,
  async run({ io, files, load }) {
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
      // A translation is also checked against its source's structure.
      const diagnostics =
        loaded.script && file !== '-' ? [...loaded.diagnostics, ...(await checkTranslation(io, file, loaded.script, load))] : loaded.diagnostics;
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
