// The manager's server program: holds the shared objects and serves authenticated connections, one frame at a time.
import { createServer, type Socket } from 'node:net';
import { encodeError, type ProgramContext } from '@parlab/core';
import { encodeFrame } from './codec.js';
import { Admission } from './admission.js';
import { answerChallenge, deliverChallenge, HANDSHAKE_MAX_BYTES } from './auth.js';
import { AuthenticationError, RemoteError } from './errors.js';
import { FramedSocket } from './framed-socket.js';
import { parseRequest, type ControlMessage, type Created, type ListenAddress, type Reply, type Request } from './protocol.js';
import { RefusalLog } from './refusal-log.js';
import { spinner } from './spinner.js';
import { loadTypes, publicMethods, type CustomType, type TypeSpec } from './registry.js';
import { connectionClosed, isConnectionAware, type CallContext } from './waiters.js';

/** What the parent gives the server program. */
export interface ServerInit {
  readonly listen: ListenAddress;
  readonly authkey: Uint8Array;
  readonly types: readonly CustomType[];
  /** The largest frame an authenticated connection may send. */
  readonly maxFrameBytes: number;
  /** The whole handshake's deadline; a connection that has not authenticated by then is destroyed. */
  readonly handshakeTimeoutMs: number;
  /** Connections waiting for their handshake at once; past it the oldest is destroyed. */
  readonly maxUnauthenticatedConnections: number;
  /** Bytes an unauthenticated connection may have sent and the server not yet read. */
  readonly maxUnauthenticatedBytes: number;
  /** Print each refused connection's reason on stderr. */
  readonly log: boolean;
}

const isThenable = (value: unknown): value is PromiseLike<unknown> =>
  (typeof value === 'object' || typeof value === 'function') && value !== null && typeof (value as { then?: unknown }).then === 'function';

interface Held {
  readonly object: object;
  readonly typeId: string;
  readonly spec: TypeSpec;
  readonly exposed: ReadonlySet<string>;
}

export async function managerServer(context: ProgramContext): Promise<void> {
  const init = context.init as ServerInit;
  const send = (message: ControlMessage): void => context.send(message);
  let types: Map<string, TypeSpec>;
  try {
    types = await loadTypes(init.types);
  } catch (error) {
    send({ type: 'manager:failed', error: encodeError(error) });
    return;
  }
  const authkey = Buffer.from(init.authkey);
  const objects = new Map<number, Held>();
  const sockets = new Set<Socket>();
  const log = new RefusalLog(init.log);
  const admission = new Admission(init.maxUnauthenticatedConnections, init.handshakeTimeoutMs);
  let nextObject = 1;
  let nextConnection = 1;

  const refuse = (connection: number, reason: string): void => log.add(`connection ${connection} closed: ${reason}`);

  const serve = async (socket: Socket): Promise<void> => {
    const connection = nextConnection++;
    // Tracked until the descriptor is really released, not merely until this side is done with it.
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
    const framed = new FramedSocket(socket, HANDSHAKE_MAX_BYTES, init.maxUnauthenticatedBytes);
    const inflight = new Map<number, AbortController>();
    let authenticated = false;
    framed.onClose((reason) => {
      for (const controller of inflight.values()) controller.abort();
      inflight.clear();
      if (authenticated) {
        for (const held of objects.values()) if (isConnectionAware(held.object)) held.object[connectionClosed](connection);
        if (reason.name === 'FrameError') refuse(connection, reason.message);
      } else refuse(connection, `handshake failed: ${reason.message}`);
    });
    const admitted = admission.admit(connection, framed);
    try {
      await deliverChallenge(framed, authkey, init.handshakeTimeoutMs);
      await answerChallenge(framed, authkey, init.handshakeTimeoutMs);
    } catch (error) {
      // Lets a FAILURE frame leave, then destroys the socket: nothing more is read from this peer.
      framed.end(error instanceof AuthenticationError ? error : new AuthenticationError((error as Error).message, { cause: error }));
      return;
    }
    admitted();
    authenticated = true;
    framed.authenticated(init.maxFrameBytes);

    const reply = (message: Reply): void => {
      let frame: Buffer;
      try {
        frame = encodeFrame(message);
      } catch (error) {
        frame = encodeFrame({
          t: 'error',
          id: message.id,
          error: encodeError(new RemoteError(`the result cannot be sent back: ${(error as Error).message}`)),
          remote: true,
        } satisfies Reply);
      }
      framed.sendFrame(frame);
      spinner.answered();
    };

    const close = (reason: string): void => {
      refuse(connection, reason);
      framed.close(new Error(reason));
    };

    /** Answers a call whose method returned a promise, once it settles. */
    const answerLater = async (id: number, pending: PromiseLike<unknown>): Promise<void> => {
      try {
        reply({ t: 'ok', id, value: await pending });
      } catch (error) {
        reply({ t: 'error', id, error: encodeError(error), remote: false });
      } finally {
        inflight.delete(id);
      }
    };

    const handle = (request: Request): void => {
      if (request.t === 'cancel') {
        inflight.get(request.id)?.abort();
        return;
      }
      if (request.t === 'create') {
        const spec = types.get(request.typeId);
        if (spec === undefined) {
          // A well-formed request for a type this server lacks is a mistake, not an attack: answer it.
          const error = new RemoteError(`the manager has no type '${request.typeId.slice(0, 60)}' (register it before start())`);
          return reply({ t: 'error', id: request.id, error: encodeError(error), remote: true });
        }
        try {
          const object = spec.create(request.args);
          const exposed = spec.exposed ?? publicMethods(object);
          const obj = nextObject++;
          objects.set(obj, { object, typeId: request.typeId, spec, exposed: new Set(exposed) });
          const created: Created = { obj, typeId: request.typeId, exposed };
          reply({ t: 'ok', id: request.id, value: created });
        } catch (error) {
          reply({ t: 'error', id: request.id, error: encodeError(error), remote: false });
        }
        return;
      }
      const held = objects.get(request.obj);
      if (held === undefined) return close(`unknown object ${request.obj}`);
      if (!held.exposed.has(request.method)) {
        // A proxy refuses these itself; a raw client that asks gets a clear answer and keeps its connection.
        const error = new RemoteError(`method '${request.method.slice(0, 60)}' is not exposed by '${held.typeId}' (exposed: ${[...held.exposed].join(', ').slice(0, 200)})`);
        return reply({ t: 'error', id: request.id, error: encodeError(error), remote: true });
      }
      const method = (held.object as Record<string, unknown>)[request.method];
      if (typeof method !== 'function') return close(`'${request.method.slice(0, 60)}' of '${held.typeId}' is not a method`);
      // Only methods that wait can be cancelled: the others get no signal (and cost no AbortController).
      let args = request.args;
      if (held.spec.contextual.has(request.method)) {
        const controller = new AbortController();
        inflight.set(request.id, controller);
        // The context is the method's last declared parameter, whatever the caller left out before it.
        const positional = Array.from({ length: Math.max(0, method.length - 1) }, (_, i) => request.args[i]);
        args = [...positional, { connection, signal: controller.signal } satisfies CallContext];
      }
      let value: unknown;
      try {
        value = (method as (...a: unknown[]) => unknown).apply(held.object, args);
      } catch (error) {
        inflight.delete(request.id);
        return reply({ t: 'error', id: request.id, error: encodeError(error), remote: false });
      }
      // A method that returns at once is answered at once, in the tick its request came in.
      if (!isThenable(value)) {
        inflight.delete(request.id);
        return reply({ t: 'ok', id: request.id, value });
      }
      void answerLater(request.id, value);
    };

    framed.listen((payload) => {
      spinner.requested();
      const request = parseRequest(payload);
      if (typeof request === 'string') return close(request);
      handle(request);
    });
  };

  const server = createServer((socket) => void serve(socket));
  server.on('error', (error) => send({ type: 'manager:failed', error: encodeError(error) }));
  const onListening = (): void => {
    const bound = server.address();
    const address: ListenAddress =
      typeof bound === 'object' && bound !== null ? { host: bound.address, port: bound.port } : { path: 'path' in init.listen ? init.listen.path : String(bound) };
    send({ type: 'manager:ready', address });
  };
  if ('path' in init.listen) server.listen(init.listen.path, onListening);
  else server.listen(init.listen.port, init.listen.host, onListening);

  context.onMessage((message) => {
    const control = message as ControlMessage;
    if (control.type === 'manager:get-log') send({ type: 'manager:closed-log', reasons: log.reasons });
    else if (control.type === 'manager:shutdown') {
      server.close();
      for (const socket of sockets) socket.destroy();
      context.exit(0);
    }
  });
}
