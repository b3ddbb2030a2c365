// A client's connection to a manager: handshake, pipelined calls matched by id, and a clear error when the server goes.
import { connect } from 'node:net';
import { CloneError, decodeError } from '@parlab/core';
import { encodeFrame } from './codec.js';
import { answerChallenge, deliverChallenge, HANDSHAKE_MAX_BYTES } from './auth.js';
import { ManagerLostError, RemoteError } from './errors.js';
import { FramedSocket } from './framed-socket.js';
import { parseReply, type ListenAddress, type Reply, type Request } from './protocol.js';
import { spinner } from './spinner.js';

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;
/** A request before the connection gives it an id. */
export type Call = DistributiveOmit<Exclude<Request, { t: 'cancel' }>, 'id'>;

/**
 * The request with its id, built as a literal: a spread (`{ ...call, id }`) costs more than the rest
 * of the encoding, and JSON.stringify walks the object it makes on its slow path.
 */
function withId(call: Call, id: number): Request {
  return call.t === 'call' ? { t: 'call', obj: call.obj, method: call.method, args: call.args, id } : { t: 'create', typeId: call.typeId, args: call.args, id };
}

export function describeAddress(address: ListenAddress): string {
  return 'path' in address ? address.path.replace('\0', '@') : `${address.host}:${address.port}`;
}

export interface ConnectOptions {
  readonly address: ListenAddress;
  readonly authkey: Buffer;
  readonly maxFrameBytes: number;
  readonly timeoutMs: number;
}

interface Waiting {
  resolve(value: unknown): void;
  reject(error: Error): void;
}

export class Connection {
  readonly address: ListenAddress;
  readonly #ready: Promise<FramedSocket>;
  readonly #waiting = new Map<number, Waiting>();
  #nextId = 1;
  #lost: Error | null = null;
  #framed: FramedSocket | null = null;
  /** Set once the handshake is done, so calls skip awaiting #ready. */
  #opened = false;

  constructor(options: ConnectOptions) {
    this.address = options.address;
    this.#ready = this.#open(options);
    // A failed connect is reported to each call; this keeps it from being an unhandled rejection.
    this.#ready.catch(() => {});
  }

  async #open(options: ConnectOptions): Promise<FramedSocket> {
    const where = describeAddress(options.address);
    const socket = 'path' in options.address ? connect(options.address.path) : connect(options.address.port, options.address.host);
    const framed = new FramedSocket(socket, HANDSHAKE_MAX_BYTES);
    this.#framed = framed;
    framed.onClose((reason) => this.#lose(new ManagerLostError(`the manager at ${where} is gone: ${reason.message}`, { cause: reason })));
    await new Promise<void>((resolve, reject) => {
      socket.once('connect', resolve);
      socket.once('error', reject);
    }).catch((error: Error) => {
      throw new ManagerLostError(`cannot reach the manager at ${where}: ${error.message}`, { cause: error });
    });
    try {
      await answerChallenge(framed, options.authkey, options.timeoutMs);
      await deliverChallenge(framed, options.authkey, options.timeoutMs);
    } catch (error) {
      framed.close(error as Error);
      this.#lost = error as Error;
      throw error;
    }
    framed.authenticated(options.maxFrameBytes);
    framed.listen((payload) => this.#receive(payload));
    this.#opened = true;
    this.#idle();
    return framed;
  }

  /** Resolves once the handshake is done (rejects with AuthenticationError on a wrong key). */
  async ready(): Promise<void> {
    await this.#ready;
  }

  get lost(): Error | null {
    return this.#lost;
  }

  #lose(error: Error): void {
    // An authentication failure stays the reason, not the close that follows it.
    this.#lost ??= error;
    forget(this);
    const waiting = [...this.#waiting.values()];
    this.#waiting.clear();
    spinner.replied(waiting.length, false);
    for (const w of waiting) w.reject(this.#lost);
  }

  #receive(payload: Buffer): void {
    const reply: Reply | string = parseReply(payload);
    if (typeof reply === 'string') {
      this.#framed?.close(new RemoteError(`the manager sent ${reply}`));
      return;
    }
    const waiting = this.#waiting.get(reply.id);
    if (waiting === undefined) return;
    this.#waiting.delete(reply.id);
    spinner.replied(1, true);
    this.#idle();
    if (reply.t === 'ok') waiting.resolve(reply.value);
    else waiting.reject(reply.remote ? new RemoteError(decodeError(reply.error).message) : decodeError(reply.error));
  }

  /** With nothing pending the connection does not keep this process alive. */
  #idle(): void {
    if (this.#waiting.size === 0) this.#framed?.socket.unref();
  }

  /**
   * Sends a call and resolves with its result. On abort the server is asked to cancel it; a call
   * that finished anyway keeps its result (nothing taken from a queue is lost), otherwise the
   * promise rejects with the signal's reason.
   */
  call(call: Call, signal?: AbortSignal): Promise<unknown> {
    if (this.#lost !== null) return Promise.reject(this.#lost);
    const id = this.#nextId++;
    let frame: Buffer;
    try {
      frame = encodeFrame(withId(call, id));
    } catch (error) {
      return Promise.reject(new CloneError('args', (error as Error).message, { cause: error }));
    }
    // The usual case once the handshake is done: no await, and no promise but the result's, between the call and its write.
    if (signal === undefined && this.#opened) return this.#send(this.#framed as FramedSocket, id, frame);
    return this.#sendLater(id, frame, signal);
  }

  #send(framed: FramedSocket, id: number, frame: Buffer): Promise<unknown> {
    const result = new Promise<unknown>((resolve, reject) => this.#waiting.set(id, { resolve, reject }));
    const alone = this.#waiting.size === 1;
    if (alone) framed.socket.ref();
    framed.sendFrame(frame, alone);
    spinner.sent();
    return result;
  }

  /** A call made before the handshake is done, or with a signal. */
  async #sendLater(id: number, frame: Buffer, signal: AbortSignal | undefined): Promise<unknown> {
    signal?.throwIfAborted();
    const framed = this.#opened ? (this.#framed as FramedSocket) : await this.#ready;
    if (this.#lost !== null) throw this.#lost;
    const result = this.#send(framed, id, frame);
    if (signal === undefined) return result;
    const cancel = (): void => framed.sendFrame(encodeFrame({ t: 'cancel', id } satisfies Request));
    if (signal.aborted) cancel();
    else signal.addEventListener('abort', cancel, { once: true });
    try {
      return await result;
    } catch (error) {
      throw signal.aborted && !(error instanceof ManagerLostError) ? signal.reason : error;
    } finally {
      signal.removeEventListener('abort', cancel);
    }
  }

  close(): void {
    this.#framed?.close(new Error('closed by this client'));
  }
}

/** Connections opened for revived proxies, one per manager per process (Manager and connect() open their own). */
const connections = new Map<string, Connection>();

function keyOf(address: ListenAddress, authkey: Buffer): string {
  return `${describeAddress(address)}#${authkey.toString('base64')}`;
}

function forget(connection: Connection): void {
  for (const [key, value] of connections) if (value === connection) connections.delete(key);
}

/** The one connection of this process to the manager at `address` (opened on first use). */
export function connectionTo(options: ConnectOptions): Connection {
  const key = keyOf(options.address, options.authkey);
  let connection = connections.get(key);
  if (connection === undefined || connection.lost !== null) {
    connection = new Connection(options);
    connections.set(key, connection);
  }
  return connection;
}
