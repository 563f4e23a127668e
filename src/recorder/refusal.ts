/**
 * Why a recording cannot become a tutorial: a document that is not a
 * notebook as @jupyter/ydoc lays one out, or text a tutorial cannot hold.
 * The message says what and where, and what to do; whoever reads the
 * recording adds which document it was.
 */
export class RecordingRefusedError extends Error {
  override name = 'RecordingRefusedError';
}
