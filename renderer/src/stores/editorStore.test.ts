import { describe, expect, it } from 'vitest';
import type { ClipSummary } from '../../../shared/domain/clip.ts';
import type { LecternApi } from '../../../shared/ipc/index.ts';
import { createEditorStore } from './editorStore.ts';

function clip(id: number, start: number, end: number, overrides: Partial<ClipSummary> = {}): ClipSummary {
  return {
    id,
    jobId: 1,
    state: 'rendered',
    start,
    end,
    title: `Highlight ${id}`,
    score: 0.5,
    subtitleText: null,
    outputs: null,
    needsRender: false,
    cues: [],
    renderVersion: null,
    ...overrides,
  };
}

/** A main process in miniature: clips in a list, each request recorded, ids handed out as SQLite would. */
function fakeMain(initial: ClipSummary[]) {
  let rows = [...initial];
  let nextId = 100;
  const calls: { channel: string; input: unknown }[] = [];
  const answer = (value: unknown) => Promise.resolve({ ok: true, value });
  const api = {
    invoke(channel: string, input: Record<string, unknown>) {
      calls.push({ channel, input });
      if (channel === 'clips:edit') {
        const { clipId, edit } = input as { clipId: number; edit: Partial<ClipSummary> };
        rows = rows.map((row) => (row.id === clipId ? { ...row, ...edit, needsRender: true } : row));
        return answer(rows.find((row) => row.id === clipId));
      }
      if (channel === 'clips:add') {
        const { start, end, title } = input as { start: number; end: number; title?: string };
        const added = clip(nextId++, start, end, { title: title ?? 'New', state: 'draft', needsRender: true });
        rows.push(added);
        return answer(added);
      }
      if (channel === 'clips:delete') {
        rows = rows.filter((row) => row.id !== (input as { clipId: number }).clipId);
        return answer(rows);
      }
      if (channel === 'clips:list') return answer(rows);
      throw new Error(`unexpected ${channel}`);
    },
    on: () => () => {},
    pathForFile: () => '',
  } as unknown as LecternApi<File>;
  return { api, calls, rows: () => rows };
}

function openEditor(initial: ClipSummary[]) {
  const main = fakeMain(initial);
  const store = createEditorStore(() => main.api);
  store.getState().open(1, 600);
  store.getState().receiveClips(initial);
  return { store, main };
}

describe('editorStore', () => {
  it('shows an edit at once, saves it once on flush, and undoes and redoes it', async () => {
    const { store, main } = openEditor([clip(1, 10, 40)]);
    const { edit } = store.getState();
    // Ten nudges of the in handle in quick succession are one step of history.
    for (let i = 1; i <= 10; i++) edit(1, { start: 10 + i / 10 }, { label: 'move the in point', coalesce: 'nudge-in' });
    expect(store.getState().clips[0]).toMatchObject({ start: 11, needsRender: true });
    expect(store.getState().past).toHaveLength(1);
    await store.getState().flush();
    expect(main.calls.filter((c) => c.channel === 'clips:edit')).toHaveLength(1);
    expect(main.rows()[0]).toMatchObject({ start: 11, end: 40 });

    await store.getState().undo();
    expect(store.getState().clips[0]).toMatchObject({ start: 10 });
    await store.getState().flush();
    expect(main.rows()[0]).toMatchObject({ start: 10 });

    await store.getState().redo();
    await store.getState().flush();
    expect(main.rows()[0]).toMatchObject({ start: 11 });
    expect(store.getState().future).toEqual([]);
  });

  it('refuses a trim that would leave less than a second, and keeps the history as it was', () => {
    const { store } = openEditor([clip(1, 10, 40)]);
    expect(store.getState().edit(1, { start: 39.5 }, { label: 'trim' })).toBe(false);
    expect(store.getState().error).toContain('at least a second');
    expect(store.getState().past).toEqual([]);
  });

  it('moves corrected subtitles with a trim, so they stay on the words they belong to', () => {
    const cues = [
      { start: 0, end: 2, text: 'Heat flows' },
      { start: 2, end: 5, text: 'from hot to cold.' },
    ];
    const { store } = openEditor([clip(1, 10, 40, { subtitleText: cues })]);
    store.getState().edit(1, { start: 11 }, { label: 'trim' });
    expect(store.getState().clips[0]!.subtitleText).toEqual([
      { start: 0, end: 1, text: 'Heat flows' },
      { start: 1, end: 4, text: 'from hot to cold.' },
    ]);
  });

  it('undoes a delete by adding the highlight back exactly, and redo deletes it under its new id', async () => {
    const cues = [{ start: 0, end: 2, text: 'Corrected.' }];
    const { store, main } = openEditor([clip(1, 10, 40, { subtitleText: cues }), clip(2, 60, 90)]);
    store.getState().select(1);
    await store.getState().deleteClip(1);
    expect(store.getState().clips.map((c) => c.id)).toEqual([2]);
    expect(store.getState().selectedClipId).toBeNull();

    await store.getState().undo();
    const restored = store.getState().clips.find((c) => c.title === 'Highlight 1')!;
    expect(restored).toMatchObject({ start: 10, end: 40, subtitleText: cues });
    expect(main.calls.find((c) => c.channel === 'clips:add')?.input).toMatchObject({ snap: false });

    await store.getState().redo();
    expect(main.calls.at(-1)).toEqual({ channel: 'clips:delete', input: { clipId: restored.id } });
    expect(store.getState().clips.map((c) => c.id)).toEqual([2]);
  });

  it('undoes an added highlight by deleting it', async () => {
    const { store, main } = openEditor([clip(1, 10, 40)]);
    await store.getState().addClip({ start: 100, end: 130 });
    expect(store.getState().selectedClipId).toBe(100);
    await store.getState().undo();
    expect(main.rows().map((c) => c.id)).toEqual([1]);
    expect(store.getState().clips.map((c) => c.id)).toEqual([1]);
  });
});
