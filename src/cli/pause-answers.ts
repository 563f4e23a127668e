import { plural, userText, type OutputMatch } from '../format/index.js';

/** An exercise's model answer: code run at a pause, as a learner would, and what it must print. */
export interface Answer {
  /** The pause's line in the tutorial source; without it, answers go to the pauses in order. */
  line?: number;
  code: string;
  expect?: string;
  match?: OutputMatch;
  error?: string;
}

/** How many answers or lines a message names before it says "and N more". */
const NAMED = 5;

/**
 * The answers to run at each pause (by the pause's index, in the answers'
 * order), or why they cannot all be run: an answer that names a line with no
 * pause, or one without a line past the last pause, would never run, and a
 * test that skips an answer must not pass as if it had checked it. Linear in
 * the answers and the pauses.
 */
export function answersAtPauses(pauseLines: readonly (number | undefined)[], answers: readonly Answer[]): Answer[][] | { problem: string } {
  const byPause: Answer[][] = pauseLines.map(() => []);
  const pausesOnLine = new Map<number, number[]>();
  pauseLines.forEach((line, index) => {
    if (line !== undefined) {
      const at = pausesOnLine.get(line);
      if (at) {
        at.push(index);
      } else {
        pausesOnLine.set(line, [index]);
      }
    }
  });
  const strays: Answer[] = [];
  const extra: number[] = [];
  answers.forEach((answer, position) => {
    if (answer.line !== undefined) {
      const at = pausesOnLine.get(answer.line);
      if (at) {
        at.forEach(index => byPause[index].push(answer));
      } else {
        strays.push(answer);
      }
    } else if (position < byPause.length) {
      // Without a line, the answer's place in the list is the pause's place in the tutorial.
      byPause[position].push(answer);
    } else {
      extra.push(position);
    }
  });
  const known = pauseLines.filter(line => line !== undefined);
  if (strays.length > 0) {
    const numbers = lines(
      strays.map(answer => answer.line ?? 0),
      ' line '
    );
    const pauses = pauseLines.length ? `its pauses are${lines(known, ' on line ')}` : 'it has no pause';
    return { problem: `the answers name${numbers}, where the tutorial has no pause (${pauses}); fix "line" in the answers file` };
  }
  if (extra.length > 0) {
    const named = extra.slice(0, NAMED).map(position => `answer ${position + 1} (\`${userText(answers[position].code)}\`)`);
    const pauses = pauseLines.length ? `${plural(pauseLines.length, 'pause')}${lines(known, ' on line ')}` : 'no pause';
    const them = extra.length === 1 ? ['it', 'it'] : ['each', 'them'];
    return {
      problem: `${named.join(', ')}${more(extra.length)} would never run: without "line", answer N runs at the tutorial's pause N, and it has ${pauses}; give ${them[0]} the "line" of its pause, or remove ${them[1]} from the answers file`
    };
  }
  return byPause;
}

/** " line 4, 9, 12 and 3 more": the first few numbers after `label`. */
function lines(numbers: readonly number[], label: string): string {
  return numbers.length ? `${label}${numbers.slice(0, NAMED).join(', ')}${more(numbers.length)}` : '';
}

function more(count: number): string {
  return count > NAMED ? ` and ${count - NAMED} more` : '';
}
