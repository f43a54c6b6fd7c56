import { z } from 'zod';
import { toAppError, type AppError } from '../../shared/errors.ts';
import type { Contract, ContractOutput, IpcResult, ParsedInput } from '../../shared/ipc/contract.ts';

/** The part of an Electron IPC event the sender check needs, so the check runs without Electron. */
export interface SenderFacts {
  webContentsId: number;
  /** null when the frame navigated or was destroyed before the message arrived. */
  frameUrl: string | null;
  isMainFrame: boolean;
}

/** The one page allowed to talk to the main process: our window, showing our renderer. */
export interface TrustedRenderer {
  webContentsId: number;
  /** file:// URL of out/renderer/index.html, or the dev server URL. */
  appUrl: string;
}

export type IpcHandler<C extends Contract> = (input: ParsedInput<C>) => ContractOutput<C> | Promise<ContractOutput<C>>;

/** How feature modules register their handlers: `handle` in production, a plain map in tests. */
export type RegisterHandler = <C extends Contract>(contract: C, handler: IpcHandler<C>) => void;

function parseUrl(url: string): URL | null {
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

/**
 * Whether `url` is a page of our app. Packaged: exactly our index.html on disk (any other local file is not ours).
 * Dev: the dev server's origin. Query and hash are the app's own business.
 */
export function isAppUrl(url: string, appUrl: string): boolean {
  const candidate = parseUrl(url);
  const app = parseUrl(appUrl);
  if (!candidate || !app) return false;
  if (app.protocol === 'file:') return candidate.protocol === 'file:' && candidate.pathname === app.pathname;
  if (app.protocol === 'http:' || app.protocol === 'https:') return candidate.origin === app.origin;
  return false;
}

/** Only our window's top frame showing our app may call in; an iframe or a navigated-away page may not. */
export function isTrustedSender(sender: SenderFacts, trusted: TrustedRenderer | null): boolean {
  if (!trusted || sender.frameUrl === null) return false;
  return (
    sender.webContentsId === trusted.webContentsId && sender.isMainFrame && isAppUrl(sender.frameUrl, trusted.appUrl)
  );
}

export function refusal(message: string): { ok: false; error: AppError } {
  return { ok: false, error: { code: 'invalid-input', message } };
}

export function parseInput<C extends Contract>(contract: C, raw: unknown): IpcResult<ParsedInput<C>> {
  const parsed = contract.input.safeParse(raw);
  // safeParse on a generic contract is typed `unknown`; it is exactly the schema's output.
  if (parsed.success) return { ok: true, value: parsed.data as ParsedInput<C> };
  return refusal(`Lectern refused a malformed "${contract.channel}" request: ${z.prettifyError(parsed.error)}`);
}

/**
 * The whole life of one request apart from Electron: refuse strangers, refuse malformed input, run the handler,
 * and turn whatever it throws into `{ code, message }` the UI can show.
 */
export async function answerRequest<C extends Contract>(
  contract: C,
  handler: IpcHandler<C>,
  raw: unknown,
  sender: SenderFacts,
  trusted: TrustedRenderer | null,
): Promise<IpcResult<ContractOutput<C>>> {
  if (!isTrustedSender(sender, trusted)) {
    return refusal(`Lectern refused a "${contract.channel}" request from a page that is not Lectern.`);
  }
  const input = parseInput(contract, raw);
  if (!input.ok) return input;
  try {
    return { ok: true, value: await handler(input.value) };
  } catch (error) {
    return { ok: false, error: toAppError(error) };
  }
}
