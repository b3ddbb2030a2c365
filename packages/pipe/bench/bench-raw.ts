// Baselines without parlab: Atomics ping-pong and Worker transfer between threads, a Unix socket between processes.
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { Worker } from 'node:worker_threads';
import { freshSocketPath } from '../src/socket-path.js';

const PING_PONG_WORKER = `
const { workerData } = require('node:worker_threads');
const flag = new Int32Array(workerData);
for (;;) {
  Atomics.wait(flag, 0, 0);
  if (Atomics.load(flag, 0) === 2) break;
  Atomics.store(flag, 0, 0);
  Atomics.notify(flag, 0);
}`;

/** Mean µs per round trip of an Atomics.wait/notify ping-pong, one sample per batch. */
export async function atomicsRoundTrip(batch: number, samples: number): Promise<number[]> {
  const sab = new SharedArrayBuffer(4);
  const flag = new Int32Array(sab);
  const worker = new Worker(PING_PONG_WORKER, { eval: true, workerData: sab });
  await new Promise((resolve) => worker.once('online', resolve));
  const result: number[] = [];
  for (let s = 0; s < samples + 1; s++) {
    const start = performance.now();
    for (let i = 0; i < batch; i++) {
      Atomics.store(flag, 0, 1);
      Atomics.notify(flag, 0);
      while (Atomics.wait(flag, 0, 1) === 'ok' && Atomics.load(flag, 0) === 1);
    }
    if (s > 0) result.push(((performance.now() - start) * 1000) / batch);
  }
  Atomics.store(flag, 0, 2);
  Atomics.notify(flag, 0);
  await worker.terminate();
  return result;
}

const TRANSFER_WORKER = `
const { parentPort } = require('node:worker_threads');
parentPort.on('message', ({ chunkBytes, count }) => {
  for (let i = 0; i < count; i++) {
    const chunk = new ArrayBuffer(chunkBytes);
    new Uint8Array(chunk).fill(1);
    parentPort.postMessage(chunk, [chunk]);
  }
});`;

/** Bytes per second of ArrayBuffers made and transferred by a Worker. */
export async function workerTransferBandwidth(chunkBytes: number, count: number, samples: number): Promise<number[]> {
  const worker = new Worker(TRANSFER_WORKER, { eval: true });
  const result: number[] = [];
  for (let s = 0; s < samples + 1; s++) {
    const start = performance.now();
    await new Promise<void>((resolve) => {
      let got = 0;
      const onMessage = (): void => {
        if (++got === count) {
          worker.off('message', onMessage);
          resolve();
        }
      };
      worker.on('message', onMessage);
      worker.postMessage({ chunkBytes, count });
    });
    if (s > 0) result.push((chunkBytes * count) / ((performance.now() - start) / 1000));
  }
  await worker.terminate();
  return result;
}

const SOCKET_CHILD = `
const net = require('node:net');
const [pathJson, mode, chunkBytes, count] = process.argv.slice(1);
const socket = net.connect(JSON.parse(pathJson));
if (mode === 'echo') socket.pipe(socket);
else {
  const chunk = Buffer.alloc(Number(chunkBytes), 1);
  socket.on('data', async () => {
    for (let i = 0; i < Number(count); i++) {
      if (!socket.write(chunk)) await new Promise((r) => socket.once('drain', r));
    }
  });
}`;

async function socketChild(mode: string, args: string[]): Promise<{ socket: import('node:net').Socket; stop: () => void }> {
  const path = freshSocketPath('bench');
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(path, resolve));
  // As JSON: an abstract socket's name starts with a NUL byte, which no command-line argument may hold.
  const child = spawn(process.execPath, ['-e', SOCKET_CHILD, JSON.stringify(path), mode, ...args], { stdio: 'ignore' });
  const socket = await new Promise<import('node:net').Socket>((resolve) => server.once('connection', resolve));
  server.close();
  return {
    socket,
    stop: () => {
      socket.destroy();
      child.kill();
    },
  };
}

/** Mean µs per round trip of 64 bytes over a Unix socket to an echoing child process. */
export async function socketRoundTrip(batch: number, samples: number): Promise<number[]> {
  const { socket, stop } = await socketChild('echo', []);
  const message = Buffer.alloc(64, 2);
  const result: number[] = [];
  for (let s = 0; s < samples + 1; s++) {
    const start = performance.now();
    for (let i = 0; i < batch; i++) {
      let got = 0;
      await new Promise<void>((resolve) => {
        const onData = (chunk: Buffer): void => {
          got += chunk.length;
          if (got >= message.length) {
            socket.off('data', onData);
            resolve();
          }
        };
        socket.on('data', onData);
        socket.write(message);
      });
    }
    if (s > 0) result.push(((performance.now() - start) * 1000) / batch);
  }
  stop();
  return result;
}

/** Bytes per second a child process streams over a Unix socket in `chunkBytes` writes. */
export async function socketBandwidth(chunkBytes: number, count: number, samples: number): Promise<number[]> {
  const { socket, stop } = await socketChild('blast', [String(chunkBytes), String(count)]);
  const result: number[] = [];
  for (let s = 0; s < samples + 1; s++) {
    const start = performance.now();
    await new Promise<void>((resolve) => {
      let got = 0;
      const onData = (chunk: Buffer): void => {
        got += chunk.length;
        if (got >= chunkBytes * count) {
          socket.off('data', onData);
          resolve();
        }
      };
      socket.on('data', onData);
      socket.write('g');
    });
    if (s > 0) result.push((chunkBytes * count) / ((performance.now() - start) / 1000));
  }
  stop();
  return result;
}
