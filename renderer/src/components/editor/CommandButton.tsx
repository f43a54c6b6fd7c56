import { editorCommand } from '../../commands/editorCommands.ts';
import { useCommandButton } from '../../hooks/useEditorCommands.ts';

/** A button for an editor command: the same action, label and shortcut the keyboard uses. */
export function CommandButton({ id, children, quiet }: { id: string; children?: string; quiet?: boolean }) {
  const command = editorCommand(id);
  const { enabled, title, run } = useCommandButton(command);
  return (
    <button
      type="button"
      className={quiet ? 'button--quiet' : undefined}
      disabled={!enabled}
      title={title}
      aria-label={children ? undefined : command.label}
      aria-keyshortcuts={command.shortcuts.length > 0 ? title.slice(command.label.length + 2, -1) : undefined}
      onClick={run}
    >
      {children ?? command.label}
    </button>
  );
}
