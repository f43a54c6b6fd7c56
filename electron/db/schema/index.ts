export * from './jobs.ts';
export * from './transcripts.ts';
export * from './pauses.ts';
export * from './layout.ts';
export * from './segments.ts';
export * from './clips.ts';
export * from './logs.ts';
export * from './users.ts';
