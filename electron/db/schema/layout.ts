import { sql } from 'drizzle-orm';
import { integer, real, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { jobs } from './jobs.ts';

/** A rectangle in source pixels. */
export interface Region {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface SlideChange {
  time: number;
  score: number;
}

/** Where the slides and the lecturer are on screen, and when the slide changes. */
export const layoutAnalyses = sqliteTable('layout_analyses', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  jobId: integer('job_id')
    .notNull()
    .unique()
    .references(() => jobs.id, { onDelete: 'cascade' }),
  sampleFps: real('sample_fps').notNull(),
  slideChanges: text('slide_changes', { mode: 'json' }).$type<SlideChange[]>().notNull(),
  screenRegion: text('screen_region', { mode: 'json' }).$type<Region>(),
  cameraRegion: text('camera_region', { mode: 'json' }).$type<Region>(),
  createdAt: integer('created_at')
    .notNull()
    .default(sql`(cast(unixepoch('subsec') * 1000 as integer))`),
});
