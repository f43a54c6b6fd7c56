import { snapEdge, type Edge, type SnapTargets } from '../../../shared/editing/snap.ts';
import * as transport from '../components/editor/transport.ts';
import { describeStep } from '../stores/editHistory.ts';
import { selectedClip, type EditorState } from '../stores/editorStore.ts';
import type { PlayerState } from '../stores/playerStore.ts';
import type { Command } from './registry.ts';

/** Everything an editor command reads, taken fresh at the moment it runs. */
export interface EditorContext {
  editor: EditorState;
  player: PlayerState;
  /** Pauses and word boundaries of the open lecture, for snapping. */
  snapTargets: SnapTargets;
}

export type EditorCommand = Command<EditorContext>;

const smallStepSec = 0.1;
const largeStepSec = 1;
/** What "Add highlight" cuts when nothing is selected on the waveform: half a minute from the playhead. */
const defaultNewClipSec = 30;

function playRange(context: EditorContext) {
  const clip = selectedClip(context.editor);
  return clip ? { start: clip.start, end: clip.end, loop: context.editor.loop } : null;
}

const hasClip = (context: EditorContext) => selectedClip(context.editor) !== null;

/** I and O: the handle goes to the playhead, pulled into a nearby pause or onto a word boundary when snapping is on. */
function setEdgeAtPlayhead(context: EditorContext, edge: Edge): void {
  const clip = selectedClip(context.editor);
  if (!clip) return;
  const at = transport.currentTime();
  const time = context.editor.snap ? snapEdge(at, context.snapTargets, edge) : at;
  context.editor.setActiveEdge(edge);
  context.editor.edit(clip.id, edge === 'in' ? { start: time } : { end: time }, {
    label: edge === 'in' ? 'set the in point' : 'set the out point',
  });
}

/** Alt+arrows: the selected handle moves by exactly the step (no snapping: this is for fine adjustment). */
function nudgeEdge(context: EditorContext, delta: number): void {
  const clip = selectedClip(context.editor);
  if (!clip) return;
  const edge = context.editor.activeEdge;
  const time = Math.round(((edge === 'in' ? clip.start : clip.end) + delta) * 1000) / 1000;
  const changed = context.editor.edit(clip.id, edge === 'in' ? { start: time } : { end: time }, {
    label: edge === 'in' ? 'move the in point' : 'move the out point',
    coalesce: `nudge-${edge}`,
  });
  // The playhead follows the handle, so the lecturer sees and can hear where the cut now is.
  if (changed) transport.seek(time);
}

function nudgePlayhead(delta: number): void {
  transport.seek(transport.currentTime() + delta);
}

export const editorCommands: readonly EditorCommand[] = [
  {
    id: 'play-pause',
    label: 'Play or pause',
    shortcuts: [{ key: ' ' }],
    enabled: (c) => c.player.ready,
    run: (c) => transport.togglePlay(playRange(c)),
  },
  {
    id: 'play-highlight',
    label: 'Play the highlight',
    shortcuts: [{ key: 'p' }],
    enabled: (c) => c.player.ready && hasClip(c),
    run: (c) => {
      const range = playRange(c);
      if (range) transport.playRange(range);
    },
  },
  {
    id: 'shuttle-back',
    label: 'Play backwards (again: faster)',
    shortcuts: [{ key: 'j' }],
    enabled: (c) => c.player.ready,
    run: (c) => transport.shuttle(-1, playRange(c)),
  },
  {
    id: 'stop',
    label: 'Pause',
    shortcuts: [{ key: 'k' }],
    enabled: (c) => c.player.ready,
    run: () => transport.pause(),
  },
  {
    id: 'shuttle-forward',
    label: 'Play forwards (again: faster)',
    shortcuts: [{ key: 'l' }],
    enabled: (c) => c.player.ready,
    run: (c) => transport.shuttle(1, playRange(c)),
  },
  {
    id: 'set-in',
    label: 'Set the in point at the playhead',
    shortcuts: [{ key: 'i' }],
    enabled: hasClip,
    run: (c) => setEdgeAtPlayhead(c, 'in'),
  },
  {
    id: 'set-out',
    label: 'Set the out point at the playhead',
    shortcuts: [{ key: 'o' }],
    enabled: hasClip,
    run: (c) => setEdgeAtPlayhead(c, 'out'),
  },
  {
    id: 'playhead-back',
    label: `Move the playhead back ${smallStepSec} s`,
    shortcuts: [{ key: 'ArrowLeft' }],
    enabled: (c) => c.player.ready,
    run: () => nudgePlayhead(-smallStepSec),
  },
  {
    id: 'playhead-forward',
    label: `Move the playhead forward ${smallStepSec} s`,
    shortcuts: [{ key: 'ArrowRight' }],
    enabled: (c) => c.player.ready,
    run: () => nudgePlayhead(smallStepSec),
  },
  {
    id: 'playhead-back-more',
    label: `Move the playhead back ${largeStepSec} s`,
    shortcuts: [{ key: 'ArrowLeft', shift: true }],
    enabled: (c) => c.player.ready,
    run: () => nudgePlayhead(-largeStepSec),
  },
  {
    id: 'playhead-forward-more',
    label: `Move the playhead forward ${largeStepSec} s`,
    shortcuts: [{ key: 'ArrowRight', shift: true }],
    enabled: (c) => c.player.ready,
    run: () => nudgePlayhead(largeStepSec),
  },
  {
    id: 'handle-back',
    label: `Move the selected handle back ${smallStepSec} s`,
    shortcuts: [{ key: 'ArrowLeft', alt: true }],
    enabled: hasClip,
    run: (c) => nudgeEdge(c, -smallStepSec),
  },
  {
    id: 'handle-forward',
    label: `Move the selected handle forward ${smallStepSec} s`,
    shortcuts: [{ key: 'ArrowRight', alt: true }],
    enabled: hasClip,
    run: (c) => nudgeEdge(c, smallStepSec),
  },
  {
    id: 'handle-back-more',
    label: `Move the selected handle back ${largeStepSec} s`,
    shortcuts: [{ key: 'ArrowLeft', alt: true, shift: true }],
    enabled: hasClip,
    run: (c) => nudgeEdge(c, -largeStepSec),
  },
  {
    id: 'handle-forward-more',
    label: `Move the selected handle forward ${largeStepSec} s`,
    shortcuts: [{ key: 'ArrowRight', alt: true, shift: true }],
    enabled: hasClip,
    run: (c) => nudgeEdge(c, largeStepSec),
  },
  {
    id: 'undo',
    label: 'Undo',
    shortcuts: [{ key: 'z', mod: true }],
    enabled: (c) => c.editor.past.length > 0 && !c.editor.working,
    run: (c) => void c.editor.undo(),
  },
  {
    id: 'redo',
    label: 'Redo',
    shortcuts: [
      { key: 'z', mod: true, shift: true },
      { key: 'y', mod: true },
    ],
    enabled: (c) => c.editor.future.length > 0 && !c.editor.working,
    run: (c) => void c.editor.redo(),
  },
  {
    id: 'add-highlight',
    label: 'Add a highlight from the selection (or 30 s from the playhead)',
    shortcuts: [{ key: 'a', shift: true }],
    enabled: (c) => c.editor.jobId !== null && !c.editor.working,
    run: (c) => {
      const at = transport.currentTime();
      const range = c.editor.selection ?? {
        start: at,
        end: Math.min(c.editor.durationSec, at + defaultNewClipSec),
      };
      c.editor.setSelection(null);
      void c.editor.addClip(range);
    },
  },
  {
    id: 'delete-highlight',
    label: 'Delete the highlight',
    shortcuts: [],
    enabled: (c) => hasClip(c) && !c.editor.working,
    run: (c) => {
      const clip = selectedClip(c.editor);
      if (clip) void c.editor.deleteClip(clip.id);
    },
  },
];

export function editorCommand(id: string): EditorCommand {
  const command = editorCommands.find((c) => c.id === id);
  if (!command) throw new Error(`There is no editor command "${id}".`);
  return command;
}

/** "Undo set the in point": what the button would undo, in words. */
export function undoLabel(editor: EditorState): string {
  const step = describeStep(editor.past.at(-1));
  return step ? `Undo ${step}` : 'Undo';
}

export function redoLabel(editor: EditorState): string {
  const step = describeStep(editor.future.at(-1));
  return step ? `Redo ${step}` : 'Redo';
}
