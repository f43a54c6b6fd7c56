import { describe, expect, it } from 'vitest';
import { commandForKey, isTyping, matchesShortcut, shortcutLabel, type Command, type KeyPress } from './registry.ts';

const press = (key: string, mods: Partial<Omit<KeyPress, 'key'>> = {}): KeyPress => ({
  key,
  ctrlKey: false,
  metaKey: false,
  shiftKey: false,
  altKey: false,
  ...mods,
});

describe('matchesShortcut', () => {
  it('tells undo from redo by Shift, and takes ⌘ on a Mac, Ctrl elsewhere', () => {
    const undo = { key: 'z', mod: true };
    const redo = { key: 'z', mod: true, shift: true };
    expect(matchesShortcut(press('z', { ctrlKey: true }), undo, false)).toBe(true);
    expect(matchesShortcut(press('Z', { ctrlKey: true, shiftKey: true }), undo, false)).toBe(false);
    expect(matchesShortcut(press('Z', { ctrlKey: true, shiftKey: true }), redo, false)).toBe(true);
    expect(matchesShortcut(press('z', { metaKey: true }), undo, true)).toBe(true);
    expect(matchesShortcut(press('z', { ctrlKey: true }), undo, true)).toBe(false);
    expect(matchesShortcut(press('z'), undo, false)).toBe(false);
  });

  it('keeps plain, Shift and Alt arrows apart', () => {
    const nudge = { key: 'ArrowLeft' };
    const handle = { key: 'ArrowLeft', alt: true };
    expect(matchesShortcut(press('ArrowLeft'), nudge, false)).toBe(true);
    expect(matchesShortcut(press('ArrowLeft', { altKey: true }), nudge, false)).toBe(false);
    expect(matchesShortcut(press('ArrowLeft', { altKey: true }), handle, false)).toBe(true);
    expect(matchesShortcut(press('ArrowLeft', { shiftKey: true }), handle, false)).toBe(false);
  });
});

describe('shortcutLabel', () => {
  it('reads as each platform writes shortcuts', () => {
    expect(shortcutLabel({ key: 'z', mod: true, shift: true }, false)).toBe('Ctrl+Shift+Z');
    expect(shortcutLabel({ key: 'z', mod: true, shift: true }, true)).toBe('⌘⇧Z');
    expect(shortcutLabel({ key: ' ' }, false)).toBe('Space');
    expect(shortcutLabel({ key: 'ArrowRight', alt: true }, false)).toBe('Alt+→');
  });
});

describe('isTyping', () => {
  it('is true in text fields and editable text, false on buttons, checkboxes and the page', () => {
    expect(isTyping({ tagName: 'INPUT', type: 'text' })).toBe(true);
    expect(isTyping({ tagName: 'INPUT', type: 'search' })).toBe(true);
    expect(isTyping({ tagName: 'input' })).toBe(true);
    expect(isTyping({ tagName: 'TEXTAREA' })).toBe(true);
    expect(isTyping({ tagName: 'DIV', isContentEditable: true })).toBe(true);
    expect(isTyping({ tagName: 'INPUT', type: 'checkbox' })).toBe(false);
    expect(isTyping({ tagName: 'BUTTON' })).toBe(false);
    expect(isTyping({ tagName: 'BODY' })).toBe(false);
    expect(isTyping(null)).toBe(false);
  });
});

describe('commandForKey', () => {
  const ran: string[] = [];
  const commands: Command<{ canUndo: boolean }>[] = [
    {
      id: 'undo',
      label: 'Undo',
      shortcuts: [{ key: 'z', mod: true }],
      enabled: (c) => c.canUndo,
      run: () => ran.push('undo'),
    },
    { id: 'play', label: 'Play', shortcuts: [{ key: ' ' }], enabled: () => true, run: () => ran.push('play') },
  ];

  it('finds the enabled command for a key, and none when it is disabled', () => {
    expect(commandForKey(commands, press(' '), { canUndo: false }, false)?.id).toBe('play');
    expect(commandForKey(commands, press('z', { ctrlKey: true }), { canUndo: true }, false)?.id).toBe('undo');
    expect(commandForKey(commands, press('z', { ctrlKey: true }), { canUndo: false }, false)).toBeNull();
    expect(commandForKey(commands, press('q'), { canUndo: true }, false)).toBeNull();
  });
});
