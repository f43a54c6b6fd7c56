import { sql } from 'drizzle-orm';
import { index, integer, real, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { jobs } from './jobs.ts';
import { contentSegments } from './segments.ts';

export interface ClipRenderSettings {
  aspect: 'original' | '9:16' | '1:1';
  subtitles: 'burn' | 'soft' | 'none';
  loudnorm: boolean;
}

export interface ClipOutputs {
  video: string;
  srt: string | null;
  vtt: string | null;
  thumbnail: string | null;
}

/** A highlight: drafted by selection, trimmed by the lecturer, rendered to files. */
export const clips = sqliteTable(
  'clips',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    jobId: integer('job_id')
      .notNull()
      .references(() => jobs.id, { onDelete: 'cascade' }),
    segmentId: integer('segment_id').references(() => contentSegments.id, { onDelete: 'set null' }),
    state: text('state', { enum: ['draft', 'rendering', 'rendered', 'failed'] })
      .notNull()
      .default('draft'),
    start: real('start').notNull(),
    end: real('end').notNull(),
    title: text('title').notNull(),
    score: real('score').notNull(),
    renderSettings: text('render_settings', { mode: 'json' }).$type<ClipRenderSettings>(),
    /** Subtitle cues as the lecturer corrected them; null means "use the transcript". */
    subtitleText: text('subtitle_text', { mode: 'json' }).$type<{ start: number; end: number; text: string }[]>(),
    outputs: text('outputs', { mode: 'json' }).$type<ClipOutputs>(),
    /** Hash of every render input; a clip re-renders only when this differs from `renderedHash`. */
    inputHash: text('input_hash'),
    renderedHash: text('rendered_hash'),
    createdAt: integer('created_at')
      .notNull()
      .default(sql`(cast(unixepoch('subsec') * 1000 as integer))`),
    updatedAt: integer('updated_at')
      .notNull()
      .default(sql`(cast(unixepoch('subsec') * 1000 as integer))`),
  },
  (t) => [index('clips_job_idx').on(t.jobId)],
);
