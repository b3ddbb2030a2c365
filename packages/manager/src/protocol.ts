// Wire messages between proxies and the manager's server, and the checks every received message passes.
import { decodeMessage } from './codec.js';

/** Client → server, after the handshake. */
export type Request =
  | { readonly t: 'create'; readonly id: number; readonly typeId: string; readonly args: unknown[] }
  | { readonly t: 'call'; readonly id: number; readonly obj: number; readonly method: string; readonly args: unknown[] }
  /** Withdraws request `id` (its waiting call sees an aborted signal); it still gets its final reply. */
  | { readonly t: 'cancel'; readonly id: number };

/** What `create` answers. */
export interface Created {
  readonly obj: number;
  readonly typeId: string;
  readonly exposed: readonly string[];
}

/** Server → client: `error` holds an encodeError() form; `remote` is false when the shared object itself threw. */
export type Reply =
  | { readonly t: 'ok'; readonly id: number; readonly value: unknown }
  | { readonly t: 'error'; readonly id: number; readonly error: unknown; readonly remote: boolean };

/** Parent ↔ server program, over the strategy's own channel. */
export type ControlMessage =
  | { readonly type: 'manager:ready'; readonly address: ListenAddress }
  | { readonly type: 'manager:failed'; readonly error: unknown }
  | { readonly type: 'manager:shutdown' }
  | { readonly type: 'manager:closed-log'; readonly reasons: readonly string[] }
  | { readonly type: 'manager:get-log' };

/** Where a server listens: a Unix socket path (or Linux abstract name starting with NUL), or TCP. */
export type ListenAddress = { readonly path: string } | { readonly host: string; readonly port: number };

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value) && Object.getPrototypeOf(value) === Object.prototype;

const isId = (value: unknown): value is number => typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;

const isName = (value: unknown, max: number): value is string => typeof value === 'string' && value.length > 0 && value.length <= max;

/**
 * Decodes one frame into a request, or returns why it is not one. JSON.parse and v8.deserialize
 * rebuild data only (never code); the shape is then checked field by field.
 */
export function parseRequest(payload: Buffer): Request | string {
  let message: unknown;
  try {
    message = decodeMessage(payload);
  } catch (error) {
    return `undecodable frame (${(error as Error).message})`;
  }
  if (!isRecord(message)) return 'a frame that is not a message object';
  if (!isId(message['id'])) return 'a message without a valid id';
  switch (message['t']) {
    case 'create':
      if (!isName(message['typeId'], 200)) return 'create: typeId must be a short string';
      if (!Array.isArray(message['args'])) return 'create: args must be an array';
      return { t: 'create', id: message['id'], typeId: message['typeId'], args: message['args'] };
    case 'call':
      if (!isId(message['obj'])) return 'call: obj must be an object id';
      if (!isName(message['method'], 200)) return 'call: method must be a short string';
      if (!Array.isArray(message['args'])) return 'call: args must be an array';
      return { t: 'call', id: message['id'], obj: message['obj'], method: message['method'], args: message['args'] };
    case 'cancel':
      return { t: 'cancel', id: message['id'] };
    default:
      return `unknown message type ${JSON.stringify(String(message['t'])).slice(0, 40)}`;
  }
}

/** Decodes one reply frame (from a server this client authenticated), or returns why it is not one. */
export function parseReply(payload: Buffer): Reply | string {
  let message: unknown;
  try {
    message = decodeMessage(payload);
  } catch (error) {
    return `undecodable reply (${(error as Error).message})`;
  }
  if (!isRecord(message) || !isId(message['id'])) return 'a reply without a valid id';
  if (message['t'] === 'ok') return { t: 'ok', id: message['id'], value: message['value'] };
  if (message['t'] === 'error') return { t: 'error', id: message['id'], error: message['error'], remote: message['remote'] === true };
  return 'a reply of unknown type';
}
