// Framing costs: each received byte is copied at most once, a socket nobody reads from is paused, and what is sent leaves in as few writes as it can, as early as it can (no strategy involved).
import { once } from 'node:events';
import { createServer, connect, type Server, type Socket } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { FrameReader, frame } from '../dist/src/framing.js';
import { FramedSocket } from '../dist/src/framed-socket.js';

/** Runs `body` with Buffer.concat counting the bytes it copies (a spy would keep every result alive). */
function countingConcat(body: () => void): number {
  const original = Buffer.concat;
  let copied = 0;
  Buffer.concat = (list: readonly Uint8Array[], totalLength?: number): Buffer<ArrayBuffer> => {
    const out = original(list, totalLength);
    copied += out.length;
    return out;
  };
  try {
    body();
  } finally {
    Buffer.concat = original;
  }
  return copied;
}

describe('FrameReader', () => {
  it('copies each byte at most once, however many chunks a frame arrives in, and nothing until a frame is taken', () => {
    const payload = Buffer.alloc(1024 * 1024);
    for (let i = 0; i < payload.length; i++) payload[i] = i % 251;
    const wire = Buffer.concat([frame(payload), frame(Buffer.from('next'))]);
    const reader = new FrameReader(8 * 1024 * 1024);
    // 1 KiB chunks: 1025 of them for the first frame (copying the buffer on each would move 512 MiB).
    const appending = countingConcat(() => {
      for (let at = 0; at < wire.length; at += 1024) reader.append(wire.subarray(at, at + 1024));
    });
    expect(appending).toBe(0);
    let first: Buffer | null = null;
    let second: Buffer | null = null;
    const pulling = countingConcat(() => {
      first = reader.pull();
      second = reader.pull();
    });
    expect(pulling).toBeLessThanOrEqual(wire.length);
    expect((first as Buffer | null)?.equals(payload)).toBe(true);
    expect((second as Buffer | null)?.toString()).toBe('next');
    expect(reader.pull()).toBeNull();
  });

  it('reads a header split across chunks, and refuses an oversized frame before buffering it', () => {
    const reader = new FrameReader(100);
    const wire = frame(Buffer.from('hello'));
    for (const byte of wire) reader.append(Buffer.from([byte]));
    expect(reader.pull()?.toString()).toBe('hello');
    reader.append(Buffer.from([0xff, 0xff]));
    expect(reader.pull()).toBeNull();
    reader.append(Buffer.from([0x00, 0x00]));
    expect(() => reader.pull()).toThrow(/frame of 65535 bytes exceeds the limit of 100/);
  });
});

describe('FramedSocket', () => {
  let server: Server | undefined;
  let sockets: Socket[] = [];

  afterEach(async () => {
    for (const socket of sockets) socket.destroy();
    sockets = [];
    if (server !== undefined) await new Promise((resolve) => server?.close(resolve));
    server = undefined;
  });

  /** A loopback pair: the server side as the test's FramedSocket, the client side raw. */
  async function pair(maxUnauthenticatedBytes?: number): Promise<{ framed: FramedSocket; accepted: Socket; client: Socket }> {
    const listening = createServer();
    server = listening;
    listening.listen(0, '127.0.0.1');
    await once(listening, 'listening');
    const { port } = listening.address() as { port: number };
    const accepted = once(listening, 'connection') as Promise<[Socket]>;
    const client = connect(port, '127.0.0.1');
    const [socket] = await accepted;
    sockets.push(client, socket);
    return { framed: new FramedSocket(socket, 8 * 1024 * 1024, maxUnauthenticatedBytes), accepted: socket, client };
  }

  it('pauses the socket while nobody waits for frames, and resumes it for the next wait', async () => {
    const { framed, accepted, client } = await pair();
    const big = Buffer.alloc(2 * 1024 * 1024, 1);
    client.write(Buffer.concat([frame(big), frame(big)]));
    await once(accepted, 'data');
    // Nobody asked for a frame: reading stops, and TCP holds the sender back.
    expect(accepted.isPaused()).toBe(true);
    expect(accepted.bytesRead).toBeLessThan(big.length);
    const first = await framed.next(10_000);
    expect(first.equals(big)).toBe(true);
    const second = await framed.next(10_000);
    expect(second.equals(big)).toBe(true);
    expect(accepted.isPaused()).toBe(true);
  });

  it('destroys the connection when more than the unauthenticated cap arrives unread', async () => {
    const { framed, accepted, client } = await pair(4096);
    const reason = new Promise<Error>((resolve) => framed.onClose(resolve));
    const answer = framed.next(10_000);
    client.write(Buffer.concat(Array.from({ length: 200 }, () => frame(Buffer.alloc(32)))));
    // One frame is taken as the handshake's answer; the rest arrives with it and is over the cap.
    expect((await answer).length).toBe(32);
    expect((await reason).message).toMatch(/more than 4096 bytes arrived before the handshake was done/);
    expect(accepted.destroyed).toBe(true);
  });

  /** Counts the socket's writes and the bytes of each (the frames keep their order inside them). */
  function writesOf(socket: Socket): Buffer[] {
    const writes: Buffer[] = [];
    const write = socket.write.bind(socket) as (chunk: Buffer) => boolean;
    socket.write = ((chunk: Buffer) => {
      writes.push(Buffer.from(chunk));
      return write(chunk);
    }) as typeof socket.write;
    return writes;
  }

  it('answers to the frames of one read leave in one write before the read returns, not a tick later', async () => {
    const { framed, accepted } = await pair();
    const writes = writesOf(accepted);
    framed.authenticated(1024);
    framed.listen((payload) => framed.sendFrame(frame(Buffer.concat([Buffer.from('re:'), payload]))));
    accepted.emit('data', Buffer.concat(['a', 'b', 'c'].map((x) => frame(Buffer.from(x)))));
    expect(writes.length).toBe(1);
    expect(writes[0]?.equals(Buffer.concat(['re:a', 're:b', 're:c'].map((x) => frame(Buffer.from(x)))))).toBe(true);
  });

  it('a frame sent alone leaves at once; frames sent otherwise batch on the next tick, after any queued before them', async () => {
    const { framed, accepted } = await pair();
    const writes = writesOf(accepted);
    framed.sendFrame(frame(Buffer.from('alone')), true);
    expect(writes.map(String)).toEqual([String(frame(Buffer.from('alone')))]);
    framed.sendFrame(frame(Buffer.from('one')));
    framed.sendFrame(frame(Buffer.from('two')));
    // Queued behind the two above: it must not overtake them.
    framed.sendFrame(frame(Buffer.from('three')), true);
    expect(writes.length).toBe(1);
    await new Promise((resolve) => process.nextTick(resolve));
    expect(writes.length).toBe(2);
    expect(writes[1]?.equals(Buffer.concat(['one', 'two', 'three'].map((x) => frame(Buffer.from(x)))))).toBe(true);
  });
});
