import type { Sentence, TranscriptSource } from '../../../shared/domain/transcript.ts';
import type { StageContext } from '../engine/stage.ts';

/** A transcript with where it came from, whichever way it was made. */
export interface TranscriptResult {
  source: TranscriptSource;
  /** A captions file path, "embedded:<stream>", or the model's name. */
  origin: string;
  language: string | null;
  sentences: Sentence[];
}

/**
 * Something that turns the lecture's speech into sentences when no captions exist: the local model now, Gemini when
 * the lecturer adds a key. Engines read the decoded audio and the speech regions through the stage context, and map
 * their times back to the source timeline themselves.
 */
export interface TranscriptionEngine {
  name: Exclude<TranscriptSource, 'captions'>;
  transcribe(ctx: StageContext): Promise<TranscriptResult>;
}
