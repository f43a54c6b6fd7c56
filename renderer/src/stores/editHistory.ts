import type { ClipCue, ClipSummary } from '../../../shared/domain/clip.ts';

/** What the lecturer changes about one highlight; undo and redo swap whole sets of these. */
export interface ClipFields {
  start: number;
  end: number;
  title: string;
  subtitleText: ClipCue[] | null;
}

export type HistoryEntry =
  | {
      kind: 'edit';
      clipId: number;
      label: string;
      before: ClipFields;
      after: ClipFields;
      /** Repeated nudges of the same handle within a moment are one step to undo, not dozens. */
      coalesce: string | null;
      at: number;
    }
  | { kind: 'add'; clip: ClipSummary }
  | { kind: 'delete'; clip: ClipSummary };

export const coalesceWindowMs = 1000;

export function fieldsOf(clip: ClipSummary): ClipFields {
  return { start: clip.start, end: clip.end, title: clip.title, subtitleText: clip.subtitleText };
}

export function sameFields(a: ClipFields, b: ClipFields): boolean {
  return (
    a.start === b.start &&
    a.end === b.end &&
    a.title === b.title &&
    JSON.stringify(a.subtitleText) === JSON.stringify(b.subtitleText)
  );
}

/** The history after an edit: merged into the last step when it continues it, else a new step; redo is gone. */
export function recordEdit(past: readonly HistoryEntry[], entry: Extract<HistoryEntry, { kind: 'edit' }>) {
  const last = past.at(-1);
  if (
    last?.kind === 'edit' &&
    entry.coalesce !== null &&
    last.coalesce === entry.coalesce &&
    last.clipId === entry.clipId &&
    entry.at - last.at < coalesceWindowMs
  ) {
    return [...past.slice(0, -1), { ...last, after: entry.after, at: entry.at }];
  }
  return [...past, entry];
}

/** A highlight deleted and added back gets a new id: every step that names the old one must follow it. */
export function renameClip(entries: readonly HistoryEntry[], from: number, to: number): HistoryEntry[] {
  return entries.map((entry) => {
    if (entry.kind === 'edit') return entry.clipId === from ? { ...entry, clipId: to } : entry;
    return entry.clip.id === from ? { ...entry, clip: { ...entry.clip, id: to } } : entry;
  });
}

/** What the undo and redo buttons say they will do. */
export function describeStep(entry: HistoryEntry | undefined): string | null {
  if (!entry) return null;
  if (entry.kind === 'edit') return entry.label;
  return entry.kind === 'add' ? `add “${entry.clip.title}”` : `delete “${entry.clip.title}”`;
}
