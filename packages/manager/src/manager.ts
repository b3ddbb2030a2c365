// Manager: starts the server (a process or a thread) and makes shared objects; Manager.connect() joins one over the network.
import { randomBytes } from 'node:crypto';
import {
  checkStrategy,
  checkTimeout,
  decodeError,
  getDefaultStrategy,
  isMessage,
  startWorker,
  targetRef,
  toTargetRef,
  withDeadline,
  type StrategyName,
  type StrategyWorker,
  type TargetRef,
} from '@parlab/core';
import { toAuthkey } from './auth.js';
import { Connection, describeAddress } from './connection.js';
import { ManagerLostError } from './errors.js';
import type { ControlMessage, Created, ListenAddress } from './protocol.js';
import { makeProxy, type ProxyState } from './proxy.js';
import type { CustomType } from './registry.js';
import type { ServerInit } from './server.js';
import type {
  AddressOption,
  BarrierProxy,
  ConnectOptions,
  DictProxy,
  EventProxy,
  Factory,
  ListProxy,
  LockProxy,
  ManagerOptions,
  NamespaceProxy,
  QueueProxy,
  RegisterOptions,
  Remote,
  ValueProxy,
} from './types.js';

const DEFAULT_MAX_FRAME_BYTES = 64 * 1024 * 1024;
const DEFAULT_TIMEOUT_MS = 15_000;
const DEFAULT_HANDSHAKE_TIMEOUT_MS = 10_000;
const DEFAULT_MAX_UNAUTHENTICATED_CONNECTIONS = 128;
/** One socket read's worth: an honest client's first calls may arrive in the same read as its last handshake frame. */
const DEFAULT_MAX_UNAUTHENTICATED_BYTES = 64 * 1024;
const PROGRAM = targetRef(new URL('./server.js', import.meta.url), 'managerServer');
const TYPE_ID = /^[A-Za-z_][\w.-]{0,99}$/;

function checkAddress(value: AddressOption, name: string): ListenAddress {
  if (typeof value !== 'object' || value === null) throw new TypeError(`${name} must be { path } or { port, host? }`);
  if ('path' in value) {
    if (typeof value.path !== 'string' || value.path === '') throw new TypeError(`${name}.path must be a non-empty string`);
    return { path: value.path };
  }
  const { port, host = '127.0.0.1' } = value as { port: unknown; host?: unknown };
  if (typeof port !== 'number' || !Number.isInteger(port) || port < 0 || port > 65535) throw new RangeError(`${name}.port must be an integer from 0 to 65535`);
  if (typeof host !== 'string' || host === '') throw new TypeError(`${name}.host must be a non-empty string`);
  return { host, port };
}

/** An integer option from `min` to `max`, or `fallback` when it is not given. */
function checkInteger(value: unknown, name: string, min: number, max: number, fallback: number): number {
  if (value === undefined) return fallback;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    throw new RangeError(`${name} must be an integer from ${min} to ${max}, got ${String(value)}`);
  }
  return value;
}

const checkFrameBytes = (value: unknown, name = 'maxFrameBytes'): number => checkInteger(value, name, 1024, 0xffff_ffff, DEFAULT_MAX_FRAME_BYTES);

/** The factories every manager handle offers, over one connection. */
export class ManagerClient {
  #connection: Connection | null = null;
  #state: Omit<ProxyState, keyof Created> | null = null;

  /** @internal */
  protected attach(state: Omit<ProxyState, keyof Created>): void {
    this.#state = state;
    this.#connection = new Connection({ ...state, authkey: Buffer.from(state.authkey) });
  }

  /** Connects to a manager listening at `address` (network mode), proving both sides know `authkey`. */
  static async connect(options: ConnectOptions): Promise<ManagerClient> {
    if (typeof options !== 'object' || options === null) throw new TypeError('options must be an object');
    const client = new ManagerClient();
    client.attach({
      address: checkAddress(options.address, 'options.address'),
      authkey: toAuthkey(options.authkey, 'options.authkey'),
      maxFrameBytes: checkFrameBytes(options.maxFrameBytes, 'options.maxFrameBytes'),
      timeoutMs: checkTimeout(options.timeoutMs, 'options.timeoutMs') ?? DEFAULT_TIMEOUT_MS,
    });
    await client.#live().ready();
    return client;
  }

  #live(): Connection {
    if (this.#connection === null) throw new ManagerLostError('the manager is not started');
    return this.#connection;
  }

  /** Creates a shared object of a built-in or registered type and returns its proxy. */
  async create<P = Remote<Record<string, never>>>(typeId: string, ...args: unknown[]): Promise<P> {
    if (typeof typeId !== 'string' || !TYPE_ID.test(typeId)) throw new TypeError(`typeId must be a short identifier, got ${String(typeId)}`);
    const connection = this.#live();
    const created = (await connection.call({ t: 'create', typeId, args })) as Created;
    return makeProxy<P>({ ...(this.#state as Omit<ProxyState, keyof Created>), ...created }, connection);
  }

  dict<K = unknown, V = unknown>(entries?: Iterable<readonly [K, V]> | Record<string, V>): Promise<DictProxy<K, V>> {
    return this.create('dict', ...(entries === undefined ? [] : [entries instanceof Map || Array.isArray(entries) ? [...entries] : entries]));
  }

  list<T = unknown>(items?: Iterable<T>): Promise<ListProxy<T>> {
    return this.create('list', ...(items === undefined ? [] : [[...items]]));
  }

  namespace(fields?: Record<string, unknown>): Promise<NamespaceProxy> {
    return this.create('namespace', ...(fields === undefined ? [] : [fields]));
  }

  value<T = unknown>(initial?: T): Promise<ValueProxy<T>> {
    return this.create('value', initial);
  }

  /** A queue; `maxsize` 0 (default) means unbounded. */
  queue<T = unknown>(maxsize = 0): Promise<QueueProxy<T>> {
    return this.create('queue', maxsize);
  }

  lock(): Promise<LockProxy> {
    return this.create('lock');
  }

  event(): Promise<EventProxy> {
    return this.create('event');
  }

  barrier(parties: number, options?: { timeoutMs?: number }): Promise<BarrierProxy> {
    return this.create('barrier', parties, ...(options === undefined ? [] : [options]));
  }

  /** Closes this program's connection (the server and its objects stay). */
  disconnect(): void {
    this.#connection?.close();
  }
}

/** Python's multiprocessing Manager: a server holding shared objects, reached through proxies. */
export class Manager extends ManagerClient {
  readonly #strategy: StrategyName;
  readonly #listen: ListenAddress;
  readonly #authkey: Buffer;
  readonly #maxFrameBytes: number;
  readonly #timeoutMs: number;
  readonly #handshakeTimeoutMs: number;
  readonly #maxUnauthenticatedConnections: number;
  readonly #maxUnauthenticatedBytes: number;
  readonly #log: boolean;
  readonly #types: CustomType[] = [];
  #worker: StrategyWorker | null = null;
  #address: ListenAddress | null = null;
  #exited: Promise<void> | null = null;
  #logWaiters: ((reasons: string[]) => void)[] = [];

  constructor(options: ManagerOptions = {}) {
    super();
    if (typeof options !== 'object' || options === null) throw new TypeError('options must be an object');
    this.#strategy = options.strategy === undefined ? getDefaultStrategy() : checkStrategy(options.strategy, 'options.strategy');
    this.#listen =
      options.address === undefined
        ? { path: `\0parlab-manager-${process.pid}-${randomBytes(6).toString('hex')}` }
        : checkAddress(options.address, 'options.address');
    if ('path' in this.#listen && this.#listen.path.startsWith('\0') && process.platform !== 'linux') {
      throw new TypeError('pass options.address: abstract Unix sockets exist only on Linux');
    }
    this.#authkey = options.authkey === undefined ? randomBytes(32) : toAuthkey(options.authkey, 'options.authkey');
    this.#maxFrameBytes = checkFrameBytes(options.maxFrameBytes, 'options.maxFrameBytes');
    this.#timeoutMs = checkTimeout(options.timeoutMs, 'options.timeoutMs') ?? DEFAULT_TIMEOUT_MS;
    this.#handshakeTimeoutMs = checkInteger(options.handshakeTimeoutMs, 'options.handshakeTimeoutMs', 1, 2 ** 31 - 1, DEFAULT_HANDSHAKE_TIMEOUT_MS);
    this.#maxUnauthenticatedConnections = checkInteger(
      options.maxUnauthenticatedConnections,
      'options.maxUnauthenticatedConnections',
      1,
      1_000_000,
      DEFAULT_MAX_UNAUTHENTICATED_CONNECTIONS,
    );
    this.#maxUnauthenticatedBytes = checkInteger(options.maxUnauthenticatedBytes, 'options.maxUnauthenticatedBytes', 1024, 2 ** 31 - 1, DEFAULT_MAX_UNAUTHENTICATED_BYTES);
    this.#log = options.log ?? true;
  }

  /** Python's BaseManager.register: lets proxies create objects made by `factory` in the server. */
  register(typeId: string, factory: Factory, options: RegisterOptions = {}): void {
    if (this.#worker !== null) throw new TypeError('register() types before start()');
    if (typeof typeId !== 'string' || !TYPE_ID.test(typeId)) throw new TypeError(`typeId must be a short identifier, got ${String(typeId)}`);
    if (this.#types.some((t) => t.typeId === typeId) || ['dict', 'list', 'namespace', 'value', 'queue', 'lock', 'event', 'barrier'].includes(typeId)) {
      throw new TypeError(`type '${typeId}' is already registered`);
    }
    const exposed = options.exposed;
    if (exposed !== undefined && (!Array.isArray(exposed) || exposed.some((m) => typeof m !== 'string'))) {
      throw new TypeError('options.exposed must be an array of method names');
    }
    const ref: TargetRef = toTargetRef(factory, `factory of '${typeId}'`);
    this.#types.push({ typeId, factory: ref, exposed: exposed === undefined ? null : [...exposed] });
  }

  get strategy(): StrategyName {
    return this.#strategy;
  }

  /** Where the server listens (the bound port when 0 was asked for); null before start(). */
  get address(): ListenAddress | null {
    return this.#address;
  }

  /** The server's OS process id (this process's own under `thread`); null before start(). */
  get pid(): number | null {
    return this.#worker?.pid ?? null;
  }

  get authkey(): Buffer {
    return Buffer.from(this.#authkey);
  }

  /** Starts the server and connects to it. */
  async start(): Promise<this> {
    if (this.#worker !== null) throw new TypeError('the manager is already started');
    const init: ServerInit = {
      listen: this.#listen,
      authkey: this.#authkey,
      types: this.#types,
      maxFrameBytes: this.#maxFrameBytes,
      handshakeTimeoutMs: this.#handshakeTimeoutMs,
      maxUnauthenticatedConnections: this.#maxUnauthenticatedConnections,
      maxUnauthenticatedBytes: this.#maxUnauthenticatedBytes,
      log: this.#log,
    };
    const worker = startWorker({ strategy: this.#strategy, program: PROGRAM, init, name: 'SyncManager', daemon: true });
    this.#worker = worker;
    this.#exited = new Promise((resolve) => worker.onExit(() => resolve()));
    const ready = new Promise<ListenAddress>((resolve, reject) => {
      worker.onMessage((message) => {
        const control = message as ControlMessage;
        if (isMessage<Extract<ControlMessage, { type: 'manager:ready' }>>(control, 'manager:ready')) resolve(control.address);
        else if (isMessage<Extract<ControlMessage, { type: 'manager:failed' }>>(control, 'manager:failed')) reject(decodeError(control.error));
        else if (isMessage<Extract<ControlMessage, { type: 'manager:closed-log' }>>(control, 'manager:closed-log')) {
          for (const waiter of this.#logWaiters.splice(0)) waiter([...control.reasons]);
        }
      });
      worker.onExit(({ code, signal }) => {
        reject(new ManagerLostError(`the manager's server exited before it was ready (code ${String(code)}, signal ${String(signal)})`));
        for (const waiter of this.#logWaiters.splice(0)) waiter([]);
      });
    });
    try {
      this.#address = await withDeadline(ready, 'starting the manager', { timeoutMs: this.#timeoutMs });
    } catch (error) {
      worker.signal('SIGKILL');
      throw error;
    }
    // Listening on a wildcard address: connect through loopback.
    const connectTo = 'host' in this.#address && (this.#address.host === '0.0.0.0' || this.#address.host === '::') ? { ...this.#address, host: '127.0.0.1' } : this.#address;
    this.attach({ address: connectTo, authkey: this.#authkey, maxFrameBytes: this.#maxFrameBytes, timeoutMs: this.#timeoutMs });
    return this;
  }

  /** Convenience: `await Manager.start(options)` is `await new Manager(options).start()`. */
  static async start(options?: ManagerOptions): Promise<Manager> {
    return new Manager(options).start();
  }

  /** The reasons of the connections the server refused or closed lately (bad frames, wrong keys). */
  async connectionLog(): Promise<string[]> {
    const worker = this.#worker;
    if (worker === null) return [];
    const reasons = new Promise<string[]>((resolve) => this.#logWaiters.push(resolve));
    worker.send({ type: 'manager:get-log' } satisfies ControlMessage);
    return withDeadline(reasons, 'reading the manager log', { timeoutMs: this.#timeoutMs });
  }

  /** Stops the server; its proxies reject with ManagerLostError from then on. */
  async shutdown(): Promise<void> {
    const worker = this.#worker;
    if (worker === null) return;
    this.disconnect();
    worker.send({ type: 'manager:shutdown' } satisfies ControlMessage);
    try {
      await withDeadline(this.#exited as Promise<void>, 'manager shutdown', { timeoutMs: this.#timeoutMs });
    } catch {
      worker.signal('SIGKILL');
      await this.#exited;
    }
  }

  /** Ends the server at once (SIGKILL; a thread is stopped), as a crash would. */
  kill(): void {
    this.#worker?.signal('SIGKILL');
  }

  async [Symbol.asyncDispose](): Promise<void> {
    await this.shutdown();
  }

  override toString(): string {
    return `<Manager ${this.#strategy} ${this.#address === null ? 'not started' : describeAddress(this.#address)}>`;
  }
}
