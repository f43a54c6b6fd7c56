import { desc, eq } from 'drizzle-orm';
import type { PublicationStatus, PublicationSummary, PublishedObject } from '../../shared/domain/publish.ts';
import type { AppError } from '../../shared/errors.ts';
import type { LecternDb } from '../db/open.ts';
import { publications, publishedObjects } from '../db/schema/index.ts';
import type { PlannedObject } from './publishPlan.ts';

export type PublicationRow = typeof publications.$inferSelect;
export type PublishedObjectRow = typeof publishedObjects.$inferSelect;

/** The publication and one pending row per planned object, in one transaction; returns the rows' ids by key. */
export function createPublication(
  db: LecternDb,
  target: { jobId: number; bucket: string; endpoint: string | null; region: string },
  planned: readonly PlannedObject[],
): { publication: PublicationRow; objectIds: Map<string, number> } {
  return db.transaction((tx) => {
    const publication = tx
      .insert(publications)
      .values({ ...target, startedAt: Date.now() })
      .returning()
      .get();
    const objectIds = new Map<string, number>();
    for (const object of planned) {
      const row = tx
        .insert(publishedObjects)
        .values({
          publicationId: publication.id,
          clipId: object.clipId,
          kind: object.kind,
          key: object.key,
          title: object.title,
          size: object.size,
          sha256: object.sha256,
        })
        .returning({ id: publishedObjects.id })
        .get();
      objectIds.set(object.key, row.id);
    }
    return { publication, objectIds };
  });
}

export function markObjectComplete(db: LecternDb, id: number, result: { etag: string; unchanged: boolean }): void {
  db.update(publishedObjects)
    .set({ status: 'complete', etag: result.etag, unchanged: result.unchanged, completedAt: Date.now() })
    .where(eq(publishedObjects.id, id))
    .run();
}

export function markObjectFailed(db: LecternDb, id: number): void {
  db.update(publishedObjects).set({ status: 'failed' }).where(eq(publishedObjects.id, id)).run();
}

export function setObjectLink(db: LecternDb, id: number, url: string, expiresAt: number): void {
  db.update(publishedObjects).set({ url, urlExpiresAt: expiresAt }).where(eq(publishedObjects.id, id)).run();
}

export function finishPublication(db: LecternDb, id: number, status: PublicationStatus, error: AppError | null): void {
  db.update(publications).set({ status, error, finishedAt: Date.now() }).where(eq(publications.id, id)).run();
}

export function lastPublication(db: LecternDb, jobId: number): PublicationRow | undefined {
  return db
    .select()
    .from(publications)
    .where(eq(publications.jobId, jobId))
    .orderBy(desc(publications.id))
    .limit(1)
    .get();
}

export function publicationObjects(db: LecternDb, publicationId: number): PublishedObjectRow[] {
  return db
    .select()
    .from(publishedObjects)
    .where(eq(publishedObjects.publicationId, publicationId))
    .orderBy(publishedObjects.id)
    .all();
}

/** Only objects the store confirmed complete, and only once they have a link, are reported as published. */
export function publicationSummary(
  publication: PublicationRow,
  objects: readonly PublishedObjectRow[],
): PublicationSummary {
  const published: PublishedObject[] = objects.flatMap((o) =>
    o.status === 'complete' && o.etag && o.url && o.urlExpiresAt !== null
      ? [
          {
            key: o.key,
            etag: o.etag,
            size: o.size,
            url: o.url,
            kind: o.kind,
            clipId: o.clipId,
            title: o.title,
            urlExpiresAt: o.urlExpiresAt,
          },
        ]
      : [],
  );
  return {
    id: publication.id,
    jobId: publication.jobId,
    status: publication.status,
    bucket: publication.bucket,
    endpoint: publication.endpoint,
    startedAt: publication.startedAt,
    finishedAt: publication.finishedAt,
    error: publication.error ?? null,
    fileCount: objects.length,
    unchangedCount: objects.filter((o) => o.status === 'complete' && o.unchanged).length,
    objects: published,
  };
}
