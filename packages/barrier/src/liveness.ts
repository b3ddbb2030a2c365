// Notices, under `thread`, when a thread holding a primitive ends: its end of a MessagePort closes.
import { MessageChannel, type MessagePort } from 'node:worker_threads';
import type { EncodeContext } from '@parlab/core';
import { SELF } from './shared-memory.js';

/**
 * The port this thread holds for each primitive it received (by the primitive's id), kept
 * reachable so it lives as long as the thread. One is enough: a pool worker that receives the
 * same lock with every task keeps one port, not one per task.
 */
const held = new Map<string, MessagePort>();

/**
 * Sender side: makes a port for the receiving thread and calls `onDeath(token)` when that thread
 * ends (normally or not). The receiver announces its owner token first, so the callback knows
 * whose locks to free. The watching end does not keep this thread alive.
 */
export function watchReceiver(context: EncodeContext, onDeath: (token: number) => void): number {
  const { port1, port2 } = new MessageChannel();
  let token = 0;
  port1.on('message', (message: unknown) => {
    if (typeof message === 'number' && Number.isInteger(message)) token = message;
  });
  port1.once('close', () => {
    if (token !== 0) onDeath(token);
  });
  port1.unref();
  return context.transfer(port2);
}

/**
 * Receiver side: announces this thread's token on the port and keeps the port open until the
 * thread ends. A second port for a primitive already watched is closed unannounced, which its
 * sender ignores.
 */
export function announceSelf(port: MessagePort, id: string): void {
  if (held.has(id)) {
    port.close();
    return;
  }
  port.postMessage(SELF);
  // If the watching thread ends first, the next sender's port takes over.
  port.once('close', () => held.delete(id));
  port.unref();
  held.set(id, port);
}
