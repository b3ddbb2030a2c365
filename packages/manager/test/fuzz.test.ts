// Hostile frames: at least 10,000 random frames, then a good client must still be answered.
import { afterAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { STRATEGIES } from '@parlab/core';
import { Manager, ManagerClient } from '../dist/src/index.js';
import { cleanup, closed, rawClient } from './helpers.js';

afterAll(cleanup);

const MAX_FRAME = 4096;
const RUNS = 700;
const FRAMES_PER_RUN = 15;

const framed = (payload: Uint8Array): Buffer => {
  const header = Buffer.alloc(4);
  header.writeUInt32LE(payload.length);
  return Buffer.concat([header, payload]);
};

/** Frames a hostile or broken client might send after authenticating. */
const hostileFrame = fc.oneof(
  // Random bytes, framed correctly.
  fc.uint8Array({ maxLength: 64 }).map(framed),
  // Random JSON under the JSON tag: shape checks.
  fc.jsonValue({ maxDepth: 3 }).map((value) => framed(Buffer.from(`J${JSON.stringify(value)}`))),
  // Plausible messages with wrong fields, unknown objects and methods.
  fc
    .record({
      t: fc.constantFrom('call', 'create', 'cancel', 'eval', '__proto__'),
      id: fc.oneof(fc.nat(), fc.integer(), fc.double(), fc.string()),
      obj: fc.oneof(fc.nat({ max: 5 }), fc.string()),
      method: fc.constantFrom('get', 'set', 'constructor', '__proto__', 'toString', 'connectionClosed', 'x'.repeat(300)),
      typeId: fc.constantFrom('dict', 'list', 'value', 'nope', ''),
      args: fc.array(fc.jsonValue({ maxDepth: 2 }), { maxLength: 3 }),
    })
    .map((message) => framed(Buffer.from(`J${JSON.stringify(message)}`))),
  // Random bytes under the V8 tag: the deserializer must refuse them cleanly.
  fc.uint8Array({ maxLength: 64 }).map((bytes) => framed(Buffer.concat([Buffer.from('V'), bytes]))),
  // An oversized length, or a frame cut short.
  fc.integer({ min: MAX_FRAME + 1, max: 0xffff_ffff }).map((length) => {
    const header = Buffer.alloc(4);
    header.writeUInt32LE(length);
    return header;
  }),
  fc.uint8Array({ minLength: 1, maxLength: 16 }).map((bytes) => framed(bytes).subarray(0, 3 + bytes.length)),
);

describe.each(STRATEGIES)('Manager under hostile frames (%s)', (strategy) => {
  it(`survives ${RUNS * FRAMES_PER_RUN} random frames and still answers a good client`, async () => {
    await using manager = await Manager.start({ strategy, address: { port: 0 }, authkey: 'fuzz', maxFrameBytes: MAX_FRAME, log: false });
    const address = manager.address as { host: string; port: number };
    const good = await ManagerClient.connect({ address, authkey: 'fuzz' });
    const dict = await good.dict<string, number>();
    await dict.set('before', 1);
    let sent = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(hostileFrame, { minLength: FRAMES_PER_RUN, maxLength: FRAMES_PER_RUN }), async (frames) => {
        const raw = await rawClient(address, Buffer.from('fuzz'));
        raw.socket.write(Buffer.concat(frames));
        sent += frames.length;
        // Ending our side makes the server finish reading and close, whatever the frames did.
        raw.socket.end();
        await closed(raw);
      }),
      { numRuns: RUNS },
    );
    expect(sent).toBeGreaterThanOrEqual(10_000);
    // Random bytes before the handshake are refused too.
    const unauthenticated = await rawClient(address, null);
    unauthenticated.socket.write(Buffer.from('GET / HTTP/1.1\r\n\r\n'));
    await closed(unauthenticated);
    await dict.set('after', 2);
    expect(await dict.entries()).toContainEqual(['before', 1]);
    expect(await dict.get('after')).toBe(2);
    good.disconnect();
  });
});
