/**
 * Commands are data (STYLE.md §5, after excalidraw's actions): one list of `{ id, label, shortcut, enabled, run }`
 * feeds the editor's buttons, their tooltips and the keyboard, so a button and its key can never disagree.
 */

/** `mod` is Ctrl, or ⌘ on a Mac; `key` is KeyboardEvent.key for printable keys ('i', ' ') or its name ('ArrowLeft'). */
export interface Shortcut {
  key: string;
  mod?: boolean;
  shift?: boolean;
  alt?: boolean;
}

export interface Command<Context> {
  id: string;
  label: string;
  shortcuts: readonly Shortcut[];
  enabled(context: Context): boolean;
  run(context: Context): void;
}

/** The parts of a KeyboardEvent a shortcut looks at, so matching is tested without a DOM. */
export interface KeyPress {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  shiftKey: boolean;
  altKey: boolean;
}

export function matchesShortcut(press: KeyPress, shortcut: Shortcut, mac: boolean): boolean {
  const mod = mac ? press.metaKey : press.ctrlKey;
  // The other of Ctrl/⌘ must be up, so Ctrl+Z on a Mac is not taken for undo.
  const otherMod = mac ? press.ctrlKey : press.metaKey;
  // Shift turns 'z' into 'Z' and Alt can turn 'i' into 'ˆ' on a Mac: compare letters case-blind, and only plain keys.
  const key = press.key.length === 1 ? press.key.toLowerCase() : press.key;
  return (
    key === shortcut.key &&
    mod === Boolean(shortcut.mod) &&
    !otherMod &&
    press.shiftKey === Boolean(shortcut.shift) &&
    press.altKey === Boolean(shortcut.alt)
  );
}

const keyNames: Record<string, string> = {
  ' ': 'Space',
  ArrowLeft: '←',
  ArrowRight: '→',
  ArrowUp: '↑',
  ArrowDown: '↓',
};

/** "Ctrl+Shift+Z", "⌘⇧Z", "Alt+←": how the shortcut reads in a tooltip or the shortcuts list. */
export function shortcutLabel(shortcut: Shortcut, mac: boolean): string {
  const key = keyNames[shortcut.key] ?? shortcut.key.toUpperCase();
  if (mac) return `${shortcut.mod ? '⌘' : ''}${shortcut.alt ? '⌥' : ''}${shortcut.shift ? '⇧' : ''}${key}`;
  return [shortcut.mod && 'Ctrl', shortcut.alt && 'Alt', shortcut.shift && 'Shift', key].filter(Boolean).join('+');
}

/** The element a key press went to, as far as deciding whether the lecturer is typing. */
export interface KeyTarget {
  tagName?: string;
  isContentEditable?: boolean;
  type?: string;
}

const nonTextInputs = new Set(['button', 'checkbox', 'radio', 'range', 'submit', 'reset', 'color', 'file']);

/** Shortcuts never fire while the lecturer types a title or a subtitle line: the key belongs to the text. */
export function isTyping(target: KeyTarget | null): boolean {
  if (!target) return false;
  if (target.isContentEditable) return true;
  const tag = target.tagName?.toUpperCase();
  if (tag === 'TEXTAREA' || tag === 'SELECT') return true;
  return tag === 'INPUT' && !nonTextInputs.has((target.type ?? 'text').toLowerCase());
}

/** The enabled command a key press runs, if any. */
export function commandForKey<Context>(
  commands: readonly Command<Context>[],
  press: KeyPress,
  context: Context,
  mac: boolean,
): Command<Context> | null {
  return commands.find((c) => c.shortcuts.some((s) => matchesShortcut(press, s, mac)) && c.enabled(context)) ?? null;
}
