/**
 * The one place where what the player announces becomes words (docs/explanation/accessibility.md, R9, R10,
 * R17–R19, R23). The player emits typed announcements (`kind` + data); the
 * presenter words them through a translation bundle: JupyterLab's, loaded for
 * the `notecast` domain, in the lab; `englishTranslations` in Node (the CLI's
 * timeline, tests). Every message is a literal string in a `trans.__`,
 * `trans._n` or `trans._p` call, so gettext extraction finds it; what the
 * author wrote (titles, narration, prompts, summaries) and what the host said
 * (a conflict, an error) go in as arguments, never as message ids.
 */
import { englishTranslations, userText, wordCodeParts, yourTurnPrompt, type CodePart, type Translations } from '../format/index.js';
import type { AnnouncedCell, Announcement } from '../player/index.js';
import { authored, languageParts, type LanguagePart } from './language-parts.js';

/**
 * How much is said. `brief`: a step's label without its narration, cells by
 * number alone, a run's result as a count of lines; `full` adds the
 * narration, the author's name for a cell ("cell 6, report"), and one short
 * line of output ("Cell 3 ran: 83.0").
 */
export type Verbosity = 'full' | 'brief';

export interface PresentOptions {
  /** Default `full`. */
  verbosity?: Verbosity;
}

export class Presenter {
  constructor(readonly trans: Translations = englishTranslations) {}

  /** What is said for `announcement`. */
  words(announcement: Announcement, options: PresentOptions = {}): string {
    return this.compose(announcement, options, unmarked);
  }

  /**
   * What is said for `announcement`, cut into runs: what the author wrote (a
   * title, narration, a summary, a cell's name, a prompt) in `lang`, the
   * tutorial's, which need not be the player's; the player's own words
   * around it in the player's language. The lab marks the author's runs with
   * their `lang` (WCAG 3.1.2, language of parts), so a screen reader reads
   * "Étape 1 sur 6 :" in French and the English title after it in English.
   */
  parts(announcement: Announcement, lang: string, options: PresentOptions = {}): LanguagePart[] {
    return languageParts(this.compose(announcement, options, authored), lang);
  }

  /** The words, with what the author wrote passed through `mark` as it goes into each message. */
  private compose(announcement: Announcement, options: PresentOptions, mark: Mark): string {
    const trans = this.trans;
    switch (announcement.kind) {
      case 'step-started': {
        const label = this.stepSentence(announcement.index, announcement.count, announcement.title, mark);
        return announcement.narration && options.verbosity !== 'brief' ? trans.__('%1 %2', label, mark(announcement.narration)) : label;
      }
      case 'step-reached':
        return this.stepSentence(announcement.index, announcement.count, announcement.title, mark);
      case 'typing': {
        const cell = this.namedCell(announcement, options, mark);
        const about = announcement.summary !== undefined ? mark(announcement.summary) : this.codeDescription(announcement.description);
        if (announcement.instant) {
          return about
            ? trans._n('Inserted %1 line into %2: %3', 'Inserted %1 lines into %2: %3', announcement.lines, cell, about)
            : trans._n('Inserted %1 line into %2', 'Inserted %1 lines into %2', announcement.lines, cell);
        }
        if (announcement.atStart) {
          return about
            ? trans._n('Typing %1 line at the start of %2: %3', 'Typing %1 lines at the start of %2: %3', announcement.lines, cell, about)
            : trans._n('Typing %1 line at the start of %2', 'Typing %1 lines at the start of %2', announcement.lines, cell);
        }
        return about
          ? trans._n('Typing %1 line into %2: %3', 'Typing %1 lines into %2: %3', announcement.lines, cell, about)
          : trans._n('Typing %1 line into %2', 'Typing %1 lines into %2', announcement.lines, cell);
      }
      case 'replacing': {
        const cell = this.namedCell(announcement, options, mark);
        if (announcement.lines === 0) {
          return trans.__('Deleting text in %1', cell);
        }
        const about = announcement.summary !== undefined ? mark(announcement.summary) : this.codeDescription(announcement.description);
        return about
          ? trans._n('Replacing text with %1 line in %2: %3', 'Replacing text with %1 lines in %2: %3', announcement.lines, cell, about)
          : trans._n('Replacing text with %1 line in %2', 'Replacing text with %1 lines in %2', announcement.lines, cell);
      }
      case 'deleting':
        return trans.__('Deleting %1', this.namedCell(announcement, options, mark));
      case 'ran': {
        const cell = this.cell(announcement, true, mark);
        if (announcement.markdown) {
          return trans.__('%1 rendered', cell);
        }
        if (announcement.outputLines === undefined) {
          return trans.__('%1 ran', cell);
        }
        if (announcement.outputLines === 0) {
          return trans.__('%1 ran, no output', cell);
        }
        if (options.verbosity === 'brief') {
          return trans._n('%2 ran, %1 line of output', '%2 ran, %1 lines of output', announcement.outputLines, cell);
        }
        if (announcement.output !== undefined) {
          return trans.__('%1 ran: %2', cell, announcement.output);
        }
        return trans._n(
          '%2 ran, %1 line of output. Pause to read it below the cell.',
          '%2 ran, %1 lines of output. Pause to read them below the cell.',
          announcement.outputLines,
          cell
        );
      }
      case 'raised': {
        const cell = this.cell(announcement, true, mark);
        if (announcement.error) {
          return announcement.pausedByIt
            ? trans.__('%1 raised %2. Playback paused.', cell, announcement.error)
            : trans.__('%1 raised %2.', cell, announcement.error);
        }
        return announcement.pausedByIt ? trans.__('%1 failed. Playback paused.', cell) : trans.__('%1 failed.', cell);
      }
      case 'narration':
        return mark(announcement.text);
      case 'your-turn': {
        if (!announcement.prompt) {
          return trans.__('Your turn. Continue when you are ready.');
        }
        // The prompt as it is when it starts with "Your turn" itself, else inside "Your turn: %1".
        const said = yourTurnPrompt(announcement.prompt, trans);
        return said === announcement.prompt ? mark(said) : trans.__('Your turn: %1', mark(announcement.prompt));
      }
      case 'took-over':
        return trans.__('You have control. Playback paused.');
      case 'resuming':
        return trans.__('Resuming at step %1', announcement.index + 1);
      case 'finished':
        return trans.__('Tutorial finished.');
      case 'conflict':
        return trans.__('Step %1 cannot continue: %2 Playback paused.', announcement.index + 1, sentence(announcement.message));
      case 'failed':
        return trans.__('Playback stopped: %1', sentence(announcement.message));
    }
  }

  /**
   * The narration the words of `announcement` carry, if any: a `:::say` line,
   * or a step's narration when it is said with its label. For a second voice
   * (speech synthesis) that speaks narration only.
   */
  narrationIn(announcement: Announcement, options: PresentOptions = {}): string | undefined {
    if (announcement.kind === 'narration') {
      return announcement.text || undefined;
    }
    if (announcement.kind === 'step-started' && options.verbosity !== 'brief') {
      return announcement.narration || undefined;
    }
    return undefined;
  }

  /** "Step 4 of 12: Load the data": the step slider's value (R2), and how a step is announced. */
  stepLabel(index: number, count: number, title: string, mark: Mark = unmarked): string {
    return this.trans.__('Step %1 of %2: %3', index + 1, count, mark(title));
  }

  /** The label as a sentence: a full stop unless the title already ends one. */
  stepSentence(index: number, count: number, title: string, mark: Mark = unmarked): string {
    return endsSentence(title)
      ? this.trans.__('Step %1 of %2: %3', index + 1, count, mark(title))
      : this.trans.__('Step %1 of %2: %3.', index + 1, count, mark(title));
  }

  /** "cell 3", or `cell "load"` by the author's name when it is gone; `capital` to start a sentence. */
  cell(cell: AnnouncedCell, capital: boolean, mark: Mark = unmarked): string {
    const trans = this.trans;
    if (cell.cellNumber !== undefined) {
      return capital ? trans.__('Cell %1', cell.cellNumber) : trans.__('cell %1', cell.cellNumber);
    }
    return capital ? trans.__('Cell "%1"', mark(cell.cellName)) : trans.__('cell "%1"', mark(cell.cellName));
  }

  /**
   * "cell 6, report": the cell by number and, at full verbosity, by the
   * author's name when that says more than a number would (not `a`, `c2` or
   * `cell-3`); mid-sentence.
   */
  namedCell(cell: AnnouncedCell, options: PresentOptions = {}, mark: Mark = unmarked): string {
    const name = spokenName(cell.cellName);
    if (cell.cellNumber === undefined || options.verbosity === 'brief' || !name) {
      return this.cell(cell, false, mark);
    }
    return this.trans.__('cell %1, %2', cell.cellNumber, mark(name));
  }

  /** "defines mean, prints": what code does, from `describeCodeParts`. */
  codeDescription(parts: readonly CodePart[]): string {
    return wordCodeParts(parts, this.trans);
  }
}

/** How the author's words go into a message: as they are, or `authored` (marked for `parts`). */
type Mark = (words: string) => string;
const unmarked: Mark = words => words;

/**
 * The author's cell name as words ("load-data" is "load data"), or empty
 * when it says no more than the cell's number: one or two characters, a
 * generic word, or a number with at most such a word before it (`c2`,
 * `cell_3`, `code-4`).
 */
function spokenName(name: string): string {
  const words = userText(name.replace(/[-_]+/g, ' ').trim(), 40);
  return [...words].length <= 2 || /^(?:c|cell|code|md|markdown|raw)? ?\d*$/i.test(words) ? '' : words;
}

function endsSentence(text: string): boolean {
  return /[.!?…:]$/.test(text);
}

/** End with a full stop unless the text already ends a sentence (a host's message). */
function sentence(text: string): string {
  return endsSentence(text) ? text : `${text}.`;
}
