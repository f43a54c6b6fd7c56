import type { Sentence, TimeRange } from '../../../shared/domain/transcript.ts';
import type { SlideChange } from '../../../shared/domain/analysis.ts';
import { analyzeLecture } from '../analysis/score.ts';
import { detectSpeechInRange, type DetectSpeechInRangeInput } from '../pauses/detectPauses.ts';
import type { TaskContext, TaskRegistry } from './protocol.ts';
import { waveformPeaks } from './waveformPeaks.ts';

/**
 * Every piece of CPU-bound JavaScript the pipeline runs off the main thread. The pool's `run` takes its types
 * from here, so a task's name, input and output are declared once, by the function itself.
 */
export const tasks = {
  waveformPeaks,
  detectSpeechInRange: (input: DetectSpeechInRangeInput, ctx: TaskContext) =>
    detectSpeechInRange({ ...input, onProgress: (f) => ctx.reportProgress(f) }),
  analyzeLecture: (input: { sentences: Sentence[]; slideChanges: SlideChange[]; pauses: TimeRange[] }) =>
    analyzeLecture(input.sentences, { slideChanges: input.slideChanges, pauses: input.pauses }),
} satisfies TaskRegistry;

export type Tasks = typeof tasks;
export type TaskName<R extends TaskRegistry = Tasks> = keyof R & string;
export type TaskInput<T extends TaskName<R>, R extends TaskRegistry = Tasks> = Parameters<R[T]>[0];
export type TaskOutput<T extends TaskName<R>, R extends TaskRegistry = Tasks> = Awaited<ReturnType<R[T]>>;
