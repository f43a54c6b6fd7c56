import { redoLabel, undoLabel } from '../../commands/editorCommands.ts';
import { selectedClip, useEditorStore } from '../../stores/editorStore.ts';
import { usePlayerStore } from '../../stores/playerStore.ts';
import { CommandButton } from './CommandButton.tsx';
import { formatTimecode } from './time.ts';

/** The transport and trim buttons under the waveform: each is a command from the registry, with its shortcut. */
export function TrimControls() {
  const clip = useEditorStore(selectedClip);
  const editor = useEditorStore();
  const playing = usePlayerStore((s) => s.playing);
  const shuttle = usePlayerStore((s) => s.shuttle);

  return (
    <div className="trim">
      <div className="trim__row" role="toolbar" aria-label="Playback">
        <CommandButton id="shuttle-back">J ◀◀</CommandButton>
        <CommandButton id="play-pause">{playing ? 'Pause' : 'Play'}</CommandButton>
        <CommandButton id="shuttle-forward">▶▶ L</CommandButton>
        <CommandButton id="play-highlight" quiet>
          Play highlight
        </CommandButton>
        {shuttle !== 0 && <span className="trim__shuttle">{`${shuttle > 0 ? '▶' : '◀'} ${Math.abs(shuttle)}×`}</span>}
        <label className="trim__toggle">
          <input type="checkbox" checked={editor.loop} onChange={(e) => editor.setLoop(e.target.checked)} />
          Loop the highlight
        </label>
      </div>
      {clip && (
        <div className="trim__row" role="toolbar" aria-label="Trim">
          <CommandButton id="set-in">Set in (I)</CommandButton>
          <output className="trim__point" aria-label="In point">
            {formatTimecode(clip.start)}
          </output>
          <span aria-hidden="true">–</span>
          <output className="trim__point" aria-label="Out point">
            {formatTimecode(clip.end)}
          </output>
          <CommandButton id="set-out">Set out (O)</CommandButton>
          <fieldset className="trim__edge">
            <legend className="visually-hidden">Handle that Alt+arrows move</legend>
            {(['in', 'out'] as const).map((edge) => (
              <label key={edge}>
                <input
                  type="radio"
                  name="active-edge"
                  checked={editor.activeEdge === edge}
                  onChange={() => editor.setActiveEdge(edge)}
                />
                {edge === 'in' ? 'In handle' : 'Out handle'}
              </label>
            ))}
          </fieldset>
          <CommandButton id="handle-back" quiet>
            ◀ 0.1 s
          </CommandButton>
          <CommandButton id="handle-forward" quiet>
            0.1 s ▶
          </CommandButton>
          <label className="trim__toggle">
            <input type="checkbox" checked={editor.snap} onChange={(e) => editor.setSnap(e.target.checked)} />
            Snap to pauses and words
          </label>
          <output className="trim__length" aria-label="Length">
            {(clip.end - clip.start).toFixed(1)} s
          </output>
        </div>
      )}
      <div className="trim__row" role="toolbar" aria-label="Edit">
        <CommandButton id="undo" quiet>
          {undoLabel(editor)}
        </CommandButton>
        <CommandButton id="redo" quiet>
          {redoLabel(editor)}
        </CommandButton>
        <CommandButton id="add-highlight" quiet>
          {editor.selection
            ? `Add highlight ${formatTimecode(editor.selection.start)}–${formatTimecode(editor.selection.end)}`
            : 'Add highlight at the playhead'}
        </CommandButton>
        <CommandButton id="delete-highlight" quiet>
          Delete highlight
        </CommandButton>
      </div>
    </div>
  );
}
