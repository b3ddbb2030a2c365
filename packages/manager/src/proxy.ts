// Proxies: objects whose method calls run on the manager's server; they cross to children as handles.
import { targetRef, toHandle, type EncodeContext, type HandleDescriptor } from '@parlab/core';
import { connectionTo, type Connection } from './connection.js';
import { RemoteError } from './errors.js';
import type { Created, ListenAddress } from './protocol.js';

/** What a proxy needs to reach its object from any process. */
export interface ProxyState extends Created {
  readonly address: ListenAddress;
  readonly authkey: Uint8Array;
  readonly maxFrameBytes: number;
  readonly timeoutMs: number;
}

const isCallOptions = (value: unknown): value is { signal?: AbortSignal } =>
  typeof value === 'object' && value !== null && Object.getPrototypeOf(value) === Object.prototype;

/** Splits the caller's AbortSignal (which stays here) from the options sent to the server. */
function splitSignal(args: unknown[]): { args: unknown[]; signal: AbortSignal | undefined } {
  const last = args[args.length - 1];
  if (!isCallOptions(last) || !(last.signal instanceof AbortSignal)) return { args, signal: undefined };
  const { signal, ...rest } = last;
  return { args: [...args.slice(0, -1), rest], signal };
}

/** Builds the proxy for `state`, calling through `connection`. */
export function makeProxy<P>(state: ProxyState, connection: Connection): P {
  const exposed = new Set(state.exposed);
  const methods = new Map<string, (...args: unknown[]) => Promise<unknown>>();
  const handle = (_context: EncodeContext): HandleDescriptor => ({
    reviver: targetRef(new URL(import.meta.url), 'reviveProxy'),
    state: { ...state, exposed: [...state.exposed] },
  });
  const target = { [toHandle]: handle };
  return new Proxy(target, {
    get(_target, property) {
      if (property === toHandle) return handle;
      // Not a thenable (`await proxy` gives the proxy) and not JSON-convertible: those names are never remote calls.
      if (typeof property !== 'string' || property === 'then' || property === 'toJSON') return undefined;
      let method = methods.get(property);
      if (method === undefined) {
        method = exposed.has(property)
          ? (...callArgs: unknown[]): Promise<unknown> => {
              const { args, signal } = splitSignal(callArgs);
              return connection.call({ t: 'call', obj: state.obj, method: property, args }, signal);
            }
          : (): Promise<unknown> => Promise.reject(new RemoteError(`method '${property}' is not exposed by '${state.typeId}'`));
        methods.set(property, method);
      }
      return method;
    },
    has: (_target, property) => property === toHandle || (typeof property === 'string' && exposed.has(property)),
    set: () => false,
  }) as P;
}

/** Rebuilds a proxy received as an argument: it connects (once per process) on its first call. */
export function reviveProxy(state: unknown): unknown {
  const s = state as ProxyState;
  const connection = connectionTo({ address: s.address, authkey: Buffer.from(s.authkey), maxFrameBytes: s.maxFrameBytes, timeoutMs: s.timeoutMs });
  return makeProxy(s, connection);
}
