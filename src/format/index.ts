/**
 * The Notecast script format: types, JSON Schema, validation, and the pure
 * views of a script (expected notebook, keystrokes, transcript).
 */
export {
  MAX_TIME_MS,
  OUTPUT_MATCHES,
  SCRIPT_VERSION,
  cellInfo,
  isEditOperation,
  operationDuration,
  stepDuration,
  type CellInfo,
  type CellType,
  type DeleteCellOperation,
  type DeleteTextOperation,
  type EditOperation,
  type InsertCellOperation,
  type NarrateOperation,
  type NarrationBlock,
  type NarrationInline,
  type Operation,
  type OperationBase,
  type OperationKind,
  type OutputMatch,
  type PauseOperation,
  type PointOperation,
  type RunOperation,
  type BakedOutput,
  BAKED_OUTPUT_TYPES,
  type Script,
  type Step,
  type TypeOperation,
  type WaitOperation
} from './script.js';
export { type CellState } from './cell-list.js';
export { NotebookState } from './notebook-state.js';
export { stringifyScript } from './serialize.js';
export { ELLIPSIS, normalizeOutput, outputMatches, outputMatchProblem } from './output-match.js';
export { type RegexPattern } from './regex-pattern.js';
export { countKeystrokes, expandKeystrokes, splitKeystrokes, type Keystroke } from './keystrokes.js';
export { countLines, describeCode, describeCodeParts, plural, wordCodeParts, type CodePart } from './describe.js';
export { englishTranslations, type Translations } from './translations.js';
export { yourTurnPrompt } from './your-turn.js';
export {
  MAX_JSON_DEPTH,
  MAX_PROBLEMS,
  formatPath,
  parseScriptJson,
  scriptSchema,
  validateScript,
  type ScriptPath,
  type ScriptProblem,
  type ScriptProblemRule,
  type ScriptValidation
} from './validate.js';
export {
  buildTranscript,
  escapeHtml,
  formatSeconds,
  kernelLanguage,
  renderTranscript,
  type Transcript,
  type TranscriptAction,
  type TranscriptFormat,
  type TranscriptStep
} from './transcript.js';
export { compareTranslation, type TranslationMismatch } from './translation-match.js';
export { isLanguageTag, languageCandidates, languageName, sameLanguage, translationPath } from './translation-path.js';
export { kindOfPath, translationName, tutorialFile, type TranslationName, type TutorialFile } from './tutorial-file.js';
export { EXCERPT_LENGTH, escapeControlCharacters, userText } from './user-text.js';
export { decodeUtf8, firstInvalidUtf8, firstLoneSurrogate, type Utf8Failure } from './utf8.js';
export { LineIndex } from './line-index.js';
export { closest, didYouMean, type SuggestOptions } from './suggest.js';
export { INPUT_LIMITS, formatBytes, tooLargeReason, utf8Length, type InputKind } from './input-limits.js';
export { CAPTION_LINE_LENGTH, CAPTION_LINES, escapeCueText, splitCaption, writeWebVtt, type Caption } from './webvtt.js';
