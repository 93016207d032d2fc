import * as decoding from 'lib0/decoding';

/** Hocuspocus' message types (the first number after the document name). */
const messageType = {
  sync: 0,
  awareness: 1,
  auth: 2,
  queryAwareness: 3,
  syncReply: 4,
  stateless: 5,
  broadcastStateless: 6,
  close: 7,
} as const;

/** y-protocols' sync steps. */
const syncStep = { stateVector: 0, stateAsUpdate: 1, update: 2 } as const;

/** What a client sent, taken apart far enough to check it before Hocuspocus applies it. */
export type ClientMessage =
  | { kind: 'state-vector' }
  /** A document update: the answer to the server's state vector (`state`) or a new change (`update`). */
  | { kind: 'update'; update: Uint8Array }
  | { kind: 'awareness'; update: Uint8Array }
  | { kind: 'stateless'; payload: string; broadcast: boolean }
  | { kind: 'auth' }
  | { kind: 'query-awareness' }
  | { kind: 'close' }
  | { kind: 'malformed'; reason: string };

/** Reads a message's envelope; never throws (a message that cannot be read is `malformed`). */
export function readClientMessage(data: Uint8Array): ClientMessage {
  try {
    const decoder = decoding.createDecoder(data);
    decoding.readVarString(decoder);
    const type = decoding.readVarUint(decoder);
    switch (type) {
      case messageType.sync:
      case messageType.syncReply: {
        const step = decoding.readVarUint(decoder);
        if (step === syncStep.stateVector) {
          decoding.readVarUint8Array(decoder);
          return { kind: 'state-vector' };
        }
        if (step === syncStep.stateAsUpdate || step === syncStep.update)
          return { kind: 'update', update: decoding.readVarUint8Array(decoder) };
        return { kind: 'malformed', reason: `unknown sync step ${step}` };
      }
      case messageType.awareness:
        return { kind: 'awareness', update: decoding.readVarUint8Array(decoder) };
      case messageType.stateless:
      case messageType.broadcastStateless:
        return { kind: 'stateless', payload: decoding.readVarString(decoder), broadcast: type === messageType.broadcastStateless };
      case messageType.auth:
        return { kind: 'auth' };
      case messageType.queryAwareness:
        return { kind: 'query-awareness' };
      case messageType.close:
        return { kind: 'close' };
      default:
        return { kind: 'malformed', reason: `unknown message type ${type}` };
    }
  } catch (error) {
    return { kind: 'malformed', reason: error instanceof Error ? error.message : 'unreadable' };
  }
}

/** The presence states in an awareness update (client id → its clock and state, null when the client left). */
export function readAwarenessStates(update: Uint8Array): { clientId: number; clock: number; state: unknown }[] | undefined {
  try {
    const decoder = decoding.createDecoder(update);
    const count = decoding.readVarUint(decoder);
    const states: { clientId: number; clock: number; state: unknown }[] = [];
    for (let index = 0; index < count; index += 1) {
      const clientId = decoding.readVarUint(decoder);
      const clock = decoding.readVarUint(decoder);
      states.push({ clientId, clock, state: JSON.parse(decoding.readVarString(decoder)) });
    }
    return states;
  } catch {
    return undefined;
  }
}
