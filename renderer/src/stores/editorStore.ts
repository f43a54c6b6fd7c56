import { create } from 'zustand';
import type { ClipSummary } from '../../../shared/domain/clip.ts';
import type { Sentence } from '../../../shared/domain/transcript.ts';
import { retimeCues } from '../../../shared/editing/cues.ts';
import type { Edge } from '../../../shared/editing/snap.ts';
import type { LecternApi } from '../../../shared/ipc/index.ts';
import { lecternApi } from '../ipc/api.ts';
import { fieldsOf, recordEdit, renameClip, sameFields, type ClipFields, type HistoryEntry } from './editHistory.ts';

/** Typing, dragging or nudging saves once the lecturer pauses, not on every key. */
export const saveDelayMs = 400;
const shortestClipSec = 1;

export interface EditOptions {
  label: string;
  coalesce?: string;
}

export interface EditorState {
  jobId: number | null;
  /** The recording's length, once known: edits never run past it. */
  durationSec: number;
  sentences: readonly Sentence[];
  clips: ClipSummary[];
  selectedClipId: number | null;
  past: HistoryEntry[];
  future: HistoryEntry[];
  /** Edits shown already but not yet saved, by clip. */
  unsaved: Record<number, ClipFields>;
  /** The handle Alt+arrows move. */
  activeEdge: Edge;
  snap: boolean;
  loop: boolean;
  working: boolean;
  error: string | null;
  /** A range dragged out on the waveform, which "Add highlight" turns into a new highlight. */
  selection: { start: number; end: number } | null;

  setSelection(selection: { start: number; end: number } | null): void;
  /** `sentences`: the transcript, which fills a stretch a corrected highlight grows by. */
  open(jobId: number, durationSec: number, sentences?: readonly Sentence[]): void;
  receiveClips(clips: ClipSummary[]): void;
  select(clipId: number | null): void;
  setActiveEdge(edge: Edge): void;
  setSnap(snap: boolean): void;
  setLoop(loop: boolean): void;
  dismissError(): void;
  edit(clipId: number, patch: Partial<ClipFields>, options: EditOptions): boolean;
  addClip(range: { start: number; end: number }, title?: string): Promise<void>;
  deleteClip(clipId: number): Promise<void>;
  undo(): Promise<void>;
  redo(): Promise<void>;
  /** Saves every unsaved edit now (before a render, a delete, or closing the lecture). */
  flush(): Promise<void>;
}

function replaceClip(clips: readonly ClipSummary[], clip: ClipSummary): ClipSummary[] {
  const others = clips.filter((c) => c.id !== clip.id);
  return [...others, clip].sort((a, b) => a.start - b.start);
}

/**
 * The highlight editor's state: which highlight is open, its edits (shown at once, saved through `clips:edit` after a
 * short pause), and the undo/redo history of edits, additions and deletions. `api` is a function so tests can stand in
 * for the preload.
 */
export function createEditorStore(api: () => LecternApi<File> = lecternApi) {
  const timers = new Map<number, ReturnType<typeof setTimeout>>();

  return create<EditorState>()((set, get) => {
    function fail(message: string): void {
      set({ error: message, working: false });
    }

    async function reload(): Promise<void> {
      const { jobId } = get();
      if (jobId === null) return;
      const listed = await api().invoke('clips:list', { jobId });
      if (listed.ok) set({ clips: listed.value, unsaved: {} });
    }

    async function save(clipId: number): Promise<void> {
      timers.delete(clipId);
      const fields = get().unsaved[clipId];
      if (!fields) return;
      const result = await api().invoke('clips:edit', { clipId, edit: fields });
      const { unsaved } = get();
      // A newer edit arrived while this one was saving: it will be saved in turn, and shown meanwhile.
      if (unsaved[clipId] !== fields) return;
      const { [clipId]: _saved, ...rest } = unsaved;
      if (result.ok) set({ clips: replaceClip(get().clips, result.value), unsaved: rest });
      else {
        set({ error: result.error.message, unsaved: rest });
        await reload();
      }
    }

    function scheduleSave(clipId: number): void {
      clearTimeout(timers.get(clipId));
      timers.set(
        clipId,
        setTimeout(() => void save(clipId), saveDelayMs),
      );
    }

    /** Shows `fields` on the clip at once and saves them shortly. */
    function apply(clipId: number, fields: ClipFields): void {
      const clip = get().clips.find((c) => c.id === clipId);
      if (!clip) return;
      set({
        clips: replaceClip(get().clips, { ...clip, ...fields, needsRender: true }),
        unsaved: { ...get().unsaved, [clipId]: fields },
      });
      scheduleSave(clipId);
    }

    async function addBack(clip: ClipSummary): Promise<ClipSummary | null> {
      const added = await api().invoke('clips:add', {
        jobId: clip.jobId,
        start: clip.start,
        end: clip.end,
        title: clip.title,
        snap: false,
      });
      if (!added.ok) return (fail(added.error.message), null);
      let restored = added.value;
      if (clip.subtitleText) {
        const edited = await api().invoke('clips:edit', {
          clipId: restored.id,
          edit: { subtitleText: clip.subtitleText },
        });
        if (edited.ok) restored = edited.value;
      }
      return restored;
    }

    async function remove(clipId: number): Promise<boolean> {
      await get().flush();
      const removed = await api().invoke('clips:delete', { clipId });
      if (!removed.ok) return (fail(removed.error.message), false);
      const selected = get().selectedClipId === clipId ? null : get().selectedClipId;
      set({ clips: removed.value, selectedClipId: selected });
      return true;
    }

    /** Runs a step of history in one direction; answers the step as it now stands (ids may change), or null. */
    async function replay(entry: HistoryEntry, direction: 'undo' | 'redo'): Promise<HistoryEntry | null> {
      if (entry.kind === 'edit') {
        apply(entry.clipId, direction === 'undo' ? entry.before : entry.after);
        set({ selectedClipId: entry.clipId });
        return entry;
      }
      const removing = (entry.kind === 'add') === (direction === 'undo');
      if (removing) return (await remove(entry.clip.id)) ? entry : null;
      const restored = await addBack(entry.clip);
      if (!restored) return null;
      set({ clips: replaceClip(get().clips, restored), selectedClipId: restored.id, working: false });
      set({ past: renameClip(get().past, entry.clip.id, restored.id) });
      set({ future: renameClip(get().future, entry.clip.id, restored.id) });
      return { ...entry, clip: { ...entry.clip, id: restored.id } };
    }

    return {
      jobId: null,
      durationSec: Infinity,
      sentences: [],
      clips: [],
      selectedClipId: null,
      past: [],
      future: [],
      unsaved: {},
      activeEdge: 'in',
      snap: true,
      loop: false,
      working: false,
      error: null,
      selection: null,

      setSelection: (selection) => set({ selection }),

      open(jobId, durationSec, sentences = []) {
        if (get().jobId === jobId) return set({ durationSec, sentences });
        for (const timer of timers.values()) clearTimeout(timer);
        timers.clear();
        set({
          jobId,
          durationSec,
          sentences,
          clips: [],
          selectedClipId: null,
          past: [],
          future: [],
          unsaved: {},
          error: null,
          selection: null,
        });
      },

      receiveClips(clips) {
        // Edits not saved yet stay on screen over the list the main process sent.
        const { unsaved } = get();
        set({
          clips: clips.map((clip) => (unsaved[clip.id] ? { ...clip, ...unsaved[clip.id], needsRender: true } : clip)),
        });
      },

      select: (clipId) => set({ selectedClipId: clipId }),
      setActiveEdge: (activeEdge) => set({ activeEdge }),
      setSnap: (snap) => set({ snap }),
      setLoop: (loop) => set({ loop }),
      dismissError: () => set({ error: null }),

      edit(clipId, patch, options) {
        const clip = get().clips.find((c) => c.id === clipId);
        if (!clip) return false;
        const before = fieldsOf(clip);
        const after: ClipFields = { ...before, ...patch };
        after.start = Math.max(0, after.start);
        after.end = Math.min(get().durationSec, after.end);
        if (after.end - after.start < shortestClipSec) {
          set({ error: 'A highlight must be at least a second long.' });
          return false;
        }
        if (!after.title.trim()) after.title = before.title;
        const moved = after.start !== before.start || after.end !== before.end;
        if (moved && after.subtitleText && patch.subtitleText === undefined) {
          after.subtitleText = retimeCues(after.subtitleText, before, after, get().sentences);
        }
        if (sameFields(before, after)) return false;
        apply(clipId, after);
        const entry = { kind: 'edit' as const, clipId, label: options.label, before, after, at: Date.now() };
        set({
          past: recordEdit(get().past, { ...entry, coalesce: options.coalesce ?? null }),
          future: [],
          error: null,
        });
        return true;
      },

      async addClip(range, title) {
        const { jobId } = get();
        if (jobId === null) return;
        set({ working: true });
        const added = await api().invoke('clips:add', { jobId, ...range, ...(title ? { title } : {}) });
        if (!added.ok) return fail(added.error.message);
        set({
          clips: replaceClip(get().clips, added.value),
          selectedClipId: added.value.id,
          past: [...get().past, { kind: 'add', clip: added.value }],
          future: [],
          working: false,
          error: null,
        });
      },

      async deleteClip(clipId) {
        const clip = get().clips.find((c) => c.id === clipId);
        if (!clip) return;
        set({ working: true });
        // History keeps the highlight as last saved, so undo brings back exactly that.
        const saved = { ...clip, ...(get().unsaved[clipId] ?? {}) };
        if (!(await remove(clipId))) return;
        set({ past: [...get().past, { kind: 'delete', clip: saved }], future: [], working: false, error: null });
      },

      async undo() {
        const entry = get().past.at(-1);
        if (!entry || get().working) return;
        set({ past: get().past.slice(0, -1), working: entry.kind !== 'edit' });
        const done = await replay(entry, 'undo');
        if (done) set({ future: [...get().future, done], working: false });
        else set({ past: [...get().past, entry] });
      },

      async redo() {
        const entry = get().future.at(-1);
        if (!entry || get().working) return;
        set({ future: get().future.slice(0, -1), working: entry.kind !== 'edit' });
        const done = await replay(entry, 'redo');
        if (done) set({ past: [...get().past, done], working: false });
        else set({ future: [...get().future, entry] });
      },

      async flush() {
        const ids = Object.keys(get().unsaved).map(Number);
        for (const id of ids) clearTimeout(timers.get(id));
        await Promise.all(ids.map((id) => save(id)));
      },
    };
  });
}

export const useEditorStore = createEditorStore();

/** The highlight open in the editor, with any edits not saved yet. */
export function selectedClip(state: Pick<EditorState, 'clips' | 'selectedClipId'>): ClipSummary | null {
  return state.clips.find((clip) => clip.id === state.selectedClipId) ?? null;
}
