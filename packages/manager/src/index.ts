// @parlab/manager: a server of shared objects (dict, list, namespace, value, queue, lock, event, barrier, custom types) behind proxies.
export { Manager, ManagerClient } from './manager.js';
export {
  AuthenticationError,
  BrokenBarrierError,
  EmptyError,
  FullError,
  IndexError,
  KeyError,
  ManagerLostError,
  RemoteError,
} from './errors.js';
export type {
  AddressOption,
  BarrierProxy,
  CallOptions,
  ConnectOptions,
  DictProxy,
  EventProxy,
  Factory,
  ListenAddress,
  ListProxy,
  LockProxy,
  ManagerOptions,
  NamespaceProxy,
  ProxyBase,
  QueueProxy,
  RegisterOptions,
  Remote,
  ValueProxy,
} from './types.js';
