// The recorder: what an author does in a notebook, captured from its Y.Doc, written as a tutorial.
export type {
  RecordedCell,
  RecordedDeleteCell,
  RecordedEdit,
  RecordedEvent,
  RecordedInsertCell,
  RecordedMark,
  RecordedRun,
  Recording
} from './recording.js';
export { YDocRecorder, type YDocRecorderOptions } from './ydoc-recorder.js';
export { outputsText } from './outputs-text.js';
export { RecordingRefusedError } from './refusal.js';
export { recordingFromHistory, type HistoryOptions, type StoredUpdate } from './history.js';
export {
  tutorialFromRecording,
  type RecordingNote,
  type RecordingNoteKind,
  type TutorialFromRecording,
  type TutorialFromRecordingOptions
} from './to-tutorial.js';
