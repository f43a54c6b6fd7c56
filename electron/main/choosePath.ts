/**
 * A native open dialog, as handlers see it: Electron's `dialog.showOpenDialog` in the app (nativeDialogs.ts), a fake
 * that answers at once in tests and the browser harness. Resolves to null when the lecturer closes it without choosing.
 */
export interface PathRequest {
  kind: 'folder' | 'file';
  title: string;
  defaultPath: string | null;
  filters?: { name: string; extensions: string[] }[];
}

export type ChoosePath = (request: PathRequest) => Promise<string | null>;
