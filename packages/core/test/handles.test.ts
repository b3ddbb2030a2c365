import { once } from 'node:events';
import { createConnection, createServer, type Server, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Process, STRATEGIES } from '../dist/src/index.js';
import { Mailbox, postToAll } from '../dist/test/fixtures/mailbox.js';

/** A connected socket pair through a Unix socket: [the end to send away, the end we read]. */
async function socketPair(): Promise<{ away: Socket; here: Promise<string>; server: Server }> {
  const path = join(tmpdir(), `parlab-handle-${process.pid}-${Math.random().toString(36).slice(2)}.sock`);
  const server = createServer();
  server.listen(path);
  await once(server, 'listening');
  const accepted = once(server, 'connection') as Promise<[Socket]>;
  const away = createConnection(path);
  await once(away, 'connect');
  const [local] = await accepted;
  const here = new Promise<string>((resolve) => {
    let text = '';
    local.setEncoding('utf8');
    local.on('data', (chunk: string) => (text += chunk));
    local.on('end', () => resolve(text));
  });
  return { away, here, server };
}

describe.each(STRATEGIES)('shareable objects as arguments (%s)', (strategy) => {
  it('rebuilds objects nested in arguments, with what they transfer', async () => {
    const received: Promise<string>[] = [];
    const boxes: Mailbox[] = [];
    const servers: Server[] = [];
    for (const label of ['a', 'b']) {
      if (strategy === 'thread') {
        const { port1, port2 } = new MessageChannel();
        received.push(
          new Promise<string>((resolve) => {
            port1.once('message', (text: string) => {
              port1.close();
              resolve(text);
            });
          }),
        );
        boxes.push(new Mailbox(label, port2));
      } else {
        const { away, here, server } = await socketPair();
        servers.push(server);
        received.push(here);
        boxes.push(new Mailbox(label, away));
      }
    }
    const p = new Process({ target: postToAll, args: [{ list: boxes }, 'hello'], strategy });
    p.start();
    expect(await p.join(10_000)).toBe(0);
    expect(p.error).toBeNull();
    expect(await Promise.all(received)).toEqual(['a:hello', 'b:hello']);
    for (const server of servers) server.close();
  });
});
