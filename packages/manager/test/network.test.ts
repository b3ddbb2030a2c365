// Network mode and faults: TCP with an authkey, wrong keys, hostile frames, a killed holder, a killed manager.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { STRATEGIES } from '@parlab/core';
import { AuthenticationError, Manager, ManagerClient, ManagerLostError } from '../dist/src/index.js';
import { hammer, holdLock } from '../dist/test/fixtures/targets.js';
import { cleanup, closed, dir, killAll, rawClient, read, start, tmp } from './helpers.js';

afterEach(killAll);
afterAll(cleanup);

const frameOf = (payload: Buffer): Buffer => {
  const header = Buffer.alloc(4);
  header.writeUInt32LE(payload.length);
  return Buffer.concat([header, payload]);
};
const json = (message: unknown): Buffer => Buffer.concat([Buffer.from('J'), Buffer.from(JSON.stringify(message))]);

describe.each(STRATEGIES)('Manager network mode and faults (%s)', (strategy) => {
  it('listens on loopback TCP; a client with the authkey connects, a wrong key gets AuthenticationError', async () => {
    await using manager = await Manager.start({ strategy, address: { port: 0 }, authkey: 'secret', log: false });
    const address = manager.address;
    expect(address).toMatchObject({ host: '127.0.0.1' });
    if (address === null || !('port' in address)) throw new Error('no TCP address');
    const client = await ManagerClient.connect({ address: { port: address.port }, authkey: 'secret' });
    const dict = await client.dict<string, number>();
    await dict.set('x', 1);
    expect(await dict.get('x')).toBe(1);
    client.disconnect();
    await expect(ManagerClient.connect({ address: { port: address.port }, authkey: 'wrong' })).rejects.toBeInstanceOf(AuthenticationError);
    expect((await manager.connectionLog()).some((line) => /handshake failed/.test(line))).toBe(true);
  });

  it('listens on a Unix socket path too, and removes it at shutdown', async () => {
    const path = join(dir, `manager-${strategy}.sock`);
    const manager = await Manager.start({ strategy, address: { path }, authkey: Buffer.from('unix-key') });
    expect(manager.address).toEqual({ path });
    const client = await ManagerClient.connect({ address: { path }, authkey: Buffer.from('unix-key') });
    const list = await client.list([1]);
    await list.append(2);
    expect(await list.toArray()).toEqual([1, 2]);
    client.disconnect();
    await manager.shutdown();
    expect(existsSync(path)).toBe(false);
  });

  it('a lock whose holder is killed passes to the next acquirer, who is told the owner died', async () => {
    await using manager = await Manager.start({ strategy });
    const lock = await manager.lock();
    const held = await manager.event();
    const child = start(strategy, holdLock, [lock, held]);
    expect(await held.wait({ timeoutMs: 20_000 })).toBe(true);
    expect((await lock.acquire({ timeoutMs: 0 })).acquired).toBe(false);
    const next = lock.acquire({ timeoutMs: 20_000 });
    child.kill();
    expect(await next).toEqual({ acquired: true, ownerDied: true });
    await lock.release();
  });

  it('malformed, oversized and unknown-object frames close only that connection, with a logged reason', async () => {
    await using manager = await Manager.start({ strategy, address: { port: 0 }, authkey: 'k', maxFrameBytes: 4096, log: false });
    const address = manager.address as { host: string; port: number };
    const good = await ManagerClient.connect({ address, authkey: 'k' });
    const value = await good.value(7);
    const cases: Buffer[] = [
      frameOf(Buffer.from('garbage')),
      frameOf(json({ t: 'call', id: 1, obj: 9999, method: 'get', args: [] })),
      frameOf(json({ t: 'eval', id: 1, code: 'process.exit()' })),
      Buffer.from([0xff, 0xff, 0xff, 0x7f, 1, 2, 3]),
    ];
    for (const bytes of cases) {
      const raw = await rawClient(address, Buffer.from('k'));
      raw.socket.write(bytes);
      await closed(raw);
    }
    const log = await manager.connectionLog();
    expect(log.join('\n')).toMatch(/undecodable|unknown encoding|not a message/);
    expect(log.join('\n')).toMatch(/unknown object 9999/);
    expect(log.join('\n')).toMatch(/unknown message type/);
    expect(log.join('\n')).toMatch(/exceeds the limit of 4096/);
    expect(await value.get()).toBe(7);
    good.disconnect();
  });

  it('when the manager is killed under load, pending and later calls reject with ManagerLostError', async () => {
    const manager = await Manager.start({ strategy });
    const dict = await manager.dict<number, number>();
    const file = tmp();
    const child = start(strategy, hammer, [dict, file]);
    const mine = Array.from({ length: 200 }, (_, i) => dict.set(i, i));
    await dict.set(-1, -1);
    manager.kill();
    const settled = await Promise.allSettled([...mine, dict.get(1)]);
    for (const result of settled) {
      if (result.status === 'rejected') expect(result.reason).toBeInstanceOf(ManagerLostError);
    }
    await expect(dict.get(1)).rejects.toBeInstanceOf(ManagerLostError);
    await child.join(20_000);
    expect(read<{ name: string }>(file).name).toBe('ManagerLostError');
    await manager.shutdown();
  });
});
