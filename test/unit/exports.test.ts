import assert from 'node:assert/strict';
import { test } from 'node:test';

/** Each module's index.ts is its whole public surface: pin it, so a change is a decision. */
test('the public surface of each module', async () => {
  assert.deepEqual(Object.keys(await import('../../src/format/index.js')).sort(), [
    'BAKED_OUTPUT_TYPES',
    'CAPTION_LINES',
    'CAPTION_LINE_LENGTH',
    'ELLIPSIS',
    'EXCERPT_LENGTH',
    'INPUT_LIMITS',
    'LineIndex',
    'MAX_JSON_DEPTH',
    'MAX_PROBLEMS',
    'MAX_TIME_MS',
    'NotebookState',
    'OUTPUT_MATCHES',
    'SCRIPT_VERSION',
    'buildTranscript',
    'cellInfo',
    'closest',
    'compareTranslation',
    'countKeystrokes',
    'countLines',
    'decodeUtf8',
    'describeCode',
    'describeCodeParts',
    'didYouMean',
    'englishTranslations',
    'escapeControlCharacters',
    'escapeCueText',
    'escapeHtml',
    'expandKeystrokes',
    'firstInvalidUtf8',
    'firstLoneSurrogate',
    'formatBytes',
    'formatPath',
    'formatSeconds',
    'isEditOperation',
    'isLanguageTag',
    'kernelLanguage',
    'languageCandidates',
    'languageName',
    'normalizeOutput',
    'operationDuration',
    'outputMatchProblem',
    'outputMatches',
    'parseScriptJson',
    'plural',
    'renderTranscript',
    'sameLanguage',
    'scriptSchema',
    'splitCaption',
    'splitKeystrokes',
    'stepDuration',
    'stringifyScript',
    'tooLargeReason',
    'translationName',
    'translationPath',
    'userText',
    'utf8Length',
    'validateScript',
    'wordCodeParts',
    'writeWebVtt',
    'yourTurnPrompt'
  ]);
  assert.deepEqual(Object.keys(await import('../../src/compiler/index.js')).sort(), [
    'DEFAULT_KERNEL',
    'DEFAULT_PACE',
    'DEFAULT_SPEED',
    'GAP_AFTER',
    'SPEED_RANGE',
    'compile',
    'directives',
    'readingMs',
    'stepOpeningMs',
    'typingMs'
  ]);
  assert.deepEqual(Object.keys(await import('../../src/apply/index.js')).sort(), [
    'Keyframes',
    'NotebookApplier',
    'PLAYER_ORIGIN',
    'isPlayerProgress',
    'mapOffset',
    'minimalEdit',
    'notebookMatches',
    'notebookMetadata',
    'playToNotebook',
    'watchLearnerEdits'
  ]);
  assert.deepEqual(Object.keys(await import('../../src/session/index.js')).sort(), [
    'BROADCAST_FIELD',
    'BROADCAST_VERSION',
    'PlaybackSession',
    'Presenter',
    'authored',
    'broadcastState',
    'broadcastersIn',
    'kindOfContent',
    'kindOfPath',
    'languageParts',
    'loadTutorialText',
    'readBroadcast'
  ]);
  assert.deepEqual(Object.keys(await import('../../src/recorder/index.js')).sort(), [
    'RecordingRefusedError',
    'YDocRecorder',
    'outputsText',
    'recordingFromHistory',
    'tutorialFromRecording'
  ]);
  assert.deepEqual(Object.keys(await import('../../src/cli/index.js')).sort(), ['EXIT', 'commands', 'formatDiagnostic', 'helpText', 'main']);
});
