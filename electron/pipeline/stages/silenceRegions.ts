import { asc, eq } from 'drizzle-orm';
import type { TimeRange } from '../../../shared/domain/transcript.ts';
import type { LecternDb } from '../../db/open.ts';
import { silenceRegions } from '../../db/schema/index.ts';

/** Speech and pauses as the pauses stage stored them, in time order. */
export function readSilenceRegions(db: LecternDb, jobId: number): { speech: TimeRange[]; pauses: TimeRange[] } {
  const rows = db
    .select()
    .from(silenceRegions)
    .where(eq(silenceRegions.jobId, jobId))
    .orderBy(asc(silenceRegions.start))
    .all();
  const pick = (kind: 'speech' | 'pause') =>
    rows.filter((r) => r.kind === kind).map(({ start, end }) => ({ start, end }));
  return { speech: pick('speech'), pauses: pick('pause') };
}
