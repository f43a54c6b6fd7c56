import { useEffect, useMemo } from 'react';
import type { Sentence, TimeRange } from '../../../shared/domain/transcript.ts';
import { wordSpans, type SnapTargets } from '../../../shared/editing/snap.ts';
import { editorCommands, type EditorCommand, type EditorContext } from '../commands/editorCommands.ts';
import { commandForKey, isTyping, shortcutLabel, type KeyTarget } from '../commands/registry.ts';
import { useEditorStore } from '../stores/editorStore.ts';
import { usePlayerStore } from '../stores/playerStore.ts';

export const isMac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);

/** The snap targets of the open lecture, kept where commands (which run outside React) can read them. */
let snapTargets: SnapTargets = { pauses: [], words: [] };

export function editorContext(): EditorContext {
  return { editor: useEditorStore.getState(), player: usePlayerStore.getState(), snapTargets };
}

/** Keys that belong to the focused control rather than the editor: Space and Enter press a button, for one. */
function belongsToControl(target: KeyTarget & { tagName?: string }, key: string): boolean {
  const tag = target.tagName?.toUpperCase();
  if (tag === 'VIDEO' || tag === 'AUDIO') return true;
  return (key === ' ' || key === 'Enter') && (tag === 'BUTTON' || tag === 'INPUT' || tag === 'SUMMARY' || tag === 'A');
}

/**
 * The editor's keyboard: one listener on the window, finding the command by its shortcut in the registry. Nothing
 * fires while the lecturer types (a title, a subtitle line, the transcript search).
 */
export function useEditorKeyboard(pauses: readonly TimeRange[], sentences: readonly Sentence[]): void {
  const targets = useMemo(() => ({ pauses, words: wordSpans(sentences) }), [pauses, sentences]);
  useEffect(() => {
    snapTargets = targets;
  }, [targets]);
  useEffect(() => {
    function onKey(event: KeyboardEvent): void {
      const target = event.target instanceof HTMLElement ? event.target : null;
      if (event.defaultPrevented || isTyping(target) || (target && belongsToControl(target, event.key))) return;
      const command = commandForKey(editorCommands, event, editorContext(), isMac);
      if (!command) return;
      event.preventDefault();
      command.run(editorContext());
    }
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}

/** A command's button props: its label with the shortcut in the tooltip, disabled when the command is. */
export function useCommandButton(command: EditorCommand): {
  enabled: boolean;
  title: string;
  run: () => void;
} {
  // Subscribing to both stores re-renders the button when what `enabled` reads changes.
  useEditorStore();
  usePlayerStore((s) => s.ready);
  const enabled = command.enabled(editorContext());
  const keys = command.shortcuts.map((s) => shortcutLabel(s, isMac)).join(' or ');
  return {
    enabled,
    title: keys ? `${command.label} (${keys})` : command.label,
    run: () => command.run(editorContext()),
  };
}
