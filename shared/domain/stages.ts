import { z } from 'zod';

/** The pipeline, in order. Each stage writes its results and its completion together, so a job resumes after a crash. */
export const stageNames = [
  'probe',
  'audio',
  'pauses',
  'transcript',
  'layout',
  'analysis',
  'selection',
  'render',
] as const;

export const stageNameSchema = z.enum(stageNames);
export type StageName = z.infer<typeof stageNameSchema>;

export const stageLabels: Record<StageName, string> = {
  probe: 'Reading the recording',
  audio: 'Extracting audio',
  pauses: 'Finding speech and pauses',
  transcript: 'Transcribing',
  layout: 'Detecting slides and camera',
  analysis: 'Finding topics',
  selection: 'Choosing highlights',
  render: 'Rendering clips',
};

export const jobStatuses = ['queued', 'running', 'done', 'failed', 'cancelled'] as const;
export const jobStatusSchema = z.enum(jobStatuses);
export type JobStatus = z.infer<typeof jobStatusSchema>;

export const stageStatusSchema = z.enum(['running', 'done', 'failed']);
export type StageStatus = z.infer<typeof stageStatusSchema>;
