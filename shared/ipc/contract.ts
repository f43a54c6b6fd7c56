import type { z } from 'zod';
import type { AppError } from '../errors.ts';

/**
 * One request the renderer may make of the main process: its channel and the shapes of what goes in and comes out.
 * Types are inferred from the schemas, so a channel is described once (dyad-sh/dyad `src/ipc/contracts/core.ts`).
 */
export interface Contract<
  Channel extends string = string,
  Input extends z.ZodType = z.ZodType,
  Output extends z.ZodType = z.ZodType,
> {
  readonly channel: Channel;
  readonly input: Input;
  readonly output: Output;
}

/** Something the main process tells the renderer without being asked (progress, a job that changed). */
export interface EventContract<Channel extends string = string, Payload extends z.ZodType = z.ZodType> {
  readonly channel: Channel;
  readonly payload: Payload;
}

export function defineContract<const Channel extends string, Input extends z.ZodType, Output extends z.ZodType>(
  contract: Contract<Channel, Input, Output>,
): Contract<Channel, Input, Output> {
  return contract;
}

export function defineEvent<const Channel extends string, Payload extends z.ZodType>(
  event: EventContract<Channel, Payload>,
): EventContract<Channel, Payload> {
  return event;
}

/** What the renderer sends. */
export type ContractInput<C extends Contract> = z.input<C['input']>;
/** What a handler receives once the input has been parsed. */
export type ParsedInput<C extends Contract> = z.output<C['input']>;
/** What a handler returns and the renderer receives. */
export type ContractOutput<C extends Contract> = z.output<C['output']>;
export type EventPayload<E extends EventContract> = z.output<E['payload']>;

/**
 * Every invoke resolves to one of these, never rejects: Electron flattens a thrown error into
 * "Error invoking remote method …", which would lose the code and the words the UI shows.
 */
export type IpcResult<T> = { ok: true; value: T } | { ok: false; error: AppError };
