// Mutual authentication as Python's multiprocessing.connection does it: an HMAC-SHA256 challenge each way.
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { AuthenticationError } from './errors.js';
import type { FramedSocket } from './framed-socket.js';

const CHALLENGE = Buffer.from('#CHALLENGE#');
const WELCOME = Buffer.from('#WELCOME#');
const FAILURE = Buffer.from('#FAILURE#');
const MESSAGE_BYTES = 40;
/** Handshake frames are tiny; anything bigger is refused before it is buffered. */
export const HANDSHAKE_MAX_BYTES = 256;

function digest(authkey: Buffer, message: Buffer): Buffer {
  return createHmac('sha256', authkey).update(message).digest();
}

/** Sends a random challenge and checks the answer; on a wrong one tells the peer and throws. */
export async function deliverChallenge(socket: FramedSocket, authkey: Buffer, timeoutMs: number): Promise<void> {
  const message = randomBytes(MESSAGE_BYTES);
  socket.send(Buffer.concat([CHALLENGE, message]));
  const answer = await socket.next(timeoutMs);
  const expected = digest(authkey, message);
  if (answer.length !== expected.length || !timingSafeEqual(answer, expected)) {
    socket.send(FAILURE);
    throw new AuthenticationError('digest received was wrong (wrong authkey?)');
  }
  socket.send(WELCOME);
}

/** Answers the peer's challenge; throws when the peer does not welcome the answer. */
export async function answerChallenge(socket: FramedSocket, authkey: Buffer, timeoutMs: number): Promise<void> {
  const challenge = await socket.next(timeoutMs);
  if (challenge.length !== CHALLENGE.length + MESSAGE_BYTES || !challenge.subarray(0, CHALLENGE.length).equals(CHALLENGE)) {
    throw new AuthenticationError('the peer did not send a challenge');
  }
  socket.send(digest(authkey, challenge.subarray(CHALLENGE.length)));
  const response = await socket.next(timeoutMs);
  if (!response.equals(WELCOME)) throw new AuthenticationError('digest sent was rejected (wrong authkey?)');
}

/** An authkey as bytes: a Buffer, a Uint8Array or a string (UTF-8). */
export function toAuthkey(value: unknown, name = 'authkey'): Buffer {
  if (typeof value === 'string' && value.length > 0) return Buffer.from(value, 'utf8');
  if (value instanceof Uint8Array && value.length > 0) return Buffer.from(value);
  throw new TypeError(`${name} must be a non-empty string, Buffer or Uint8Array`);
}
