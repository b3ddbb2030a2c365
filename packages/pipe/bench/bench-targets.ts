// What the pipe benchmark runs in its children.
import { defineTargets } from '@parlab/core';
import { EOFError } from '../src/errors.js';
import type { Connection } from '../src/types.js';

/** Sends back every value until the other end closes. */
export async function benchEcho(conn: Connection): Promise<void> {
  for (;;) {
    try {
      await conn.send(await conn.recv());
    } catch (error) {
      if (error instanceof EOFError) break;
      throw error;
    }
  }
  conn.close();
}

/** For each value received, sends `count` byte messages of `chunkBytes`. */
export async function benchBlast(conn: Connection, chunkBytes: number, count: number): Promise<void> {
  const chunk = Buffer.alloc(chunkBytes, 1);
  for (;;) {
    try {
      await conn.recv();
    } catch (error) {
      if (error instanceof EOFError) break;
      throw error;
    }
    for (let i = 0; i < count; i++) await conn.sendBytes(chunk);
  }
  conn.close();
}

defineTargets(import.meta.url, { benchEcho, benchBlast });
