import { appContracts, appEvents } from './app.contract.ts';
import { authContracts } from './auth.contract.ts';
import { clipsContracts } from './clips.contract.ts';
import type { ContractInput, ContractOutput, EventPayload, IpcResult } from './contract.ts';
import { jobsContracts, jobsEvents } from './jobs.contract.ts';
import { logContracts } from './log.contract.ts';
import { modelsContracts, modelsEvents } from './models.contract.ts';
import { publishContracts, publishEvents } from './publish.contract.ts';
import { settingsContracts, settingsEvents } from './settings.contract.ts';

/** Every request the renderer may make. Adding a feature's contract here is what makes its channels reachable. */
export const contracts = [
  ...Object.values(jobsContracts),
  ...Object.values(clipsContracts),
  ...Object.values(appContracts),
  ...Object.values(settingsContracts),
  ...Object.values(logContracts),
  ...Object.values(authContracts),
  ...Object.values(publishContracts),
  ...Object.values(modelsContracts),
];

/** Every event the main process may push to the renderer. */
export const events = [
  ...Object.values(jobsEvents),
  ...Object.values(settingsEvents),
  ...Object.values(publishEvents),
  ...Object.values(modelsEvents),
  ...Object.values(appEvents),
];

export type InvokeContract = (typeof contracts)[number];
export type InvokeChannel = InvokeContract['channel'];
export type ContractFor<Channel extends InvokeChannel> = Extract<InvokeContract, { channel: Channel }>;

export type PushEvent = (typeof events)[number];
export type EventChannel = PushEvent['channel'];
export type EventFor<Channel extends EventChannel> = Extract<PushEvent, { channel: Channel }>;

/** The preload's allowlists: derived, never typed by hand, so a channel cannot be reachable without a contract. */
export const invokeChannels: ReadonlySet<string> = new Set(contracts.map((contract) => contract.channel));
export const eventChannels: ReadonlySet<string> = new Set(events.map((event) => event.channel));

export function isInvokeChannel(channel: string): channel is InvokeChannel {
  return invokeChannels.has(channel);
}

export function isEventChannel(channel: string): channel is EventChannel {
  return eventChannels.has(channel);
}

/** Requests whose input may be left out (`z.void()`) take no argument; the rest take exactly one. */
export type InvokeArgs<Channel extends InvokeChannel> =
  undefined extends ContractInput<ContractFor<Channel>>
    ? [input?: ContractInput<ContractFor<Channel>>]
    : [input: ContractInput<ContractFor<Channel>>];

/**
 * `window.api` as the preload exposes it. `DroppedFile` is the DOM `File`; it is a parameter because shared code
 * cannot name DOM types.
 */
export interface LecternApi<DroppedFile = unknown> {
  invoke<Channel extends InvokeChannel>(
    channel: Channel,
    ...args: InvokeArgs<Channel>
  ): Promise<IpcResult<ContractOutput<ContractFor<Channel>>>>;
  /** Returns the function that stops listening; call it when the subscriber goes away. */
  on<Channel extends EventChannel>(
    channel: Channel,
    listener: (payload: EventPayload<EventFor<Channel>>) => void,
  ): () => void;
  /** The file's path on disk, or '' when it has none (e.g. dragged from a web page). */
  pathForFile(file: DroppedFile): string;
  /**
   * Where media URLs point: `lectern-media://` in the app (also the default when absent); the browser test
   * harness, which cannot serve a custom scheme, gives an http base on the page's own origin (see rebaseMediaUrl).
   */
  readonly mediaBase?: string;
}

export type { AppInfo } from './app.contract.ts';
export type { JobAnalysis } from './clips.contract.ts';
export type { ContractInput, ContractOutput, EventPayload, IpcResult, ParsedInput } from './contract.ts';
export { appContracts, appEvents } from './app.contract.ts';
export { authContracts, type AuthConfig, type SessionState, type SignedInUser } from './auth.contract.ts';
export { logContracts, type ProcessingLogEntry } from './log.contract.ts';
export { clipsContracts } from './clips.contract.ts';
export { jobsContracts, jobsEvents } from './jobs.contract.ts';
export { modelsContracts, modelsEvents, type ModelDownloadProgress, type SpeechModel } from './models.contract.ts';
export { publishContracts, publishEvents } from './publish.contract.ts';
export { settingsContracts, settingsEvents, type SecretStatus } from './settings.contract.ts';
export {
  mediaUrl,
  parseMediaUrl,
  mediaScheme,
  rebaseMediaUrl,
  withMediaVersion,
  type MediaKind,
  type MediaRef,
} from './mediaUrl.ts';
