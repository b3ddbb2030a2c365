// @parlab/pipe: Python's Pipe and Connection over either strategy.
export { Pipe } from './pipe.js';
export { BrokenPipeError, BufferTooShortError, ConnectionStateError, EOFError } from './errors.js';
export type { BytesLike, Connection, PipeOptions, RecvBytesOptions, RecvOptions } from './types.js';
export { ThreadConnection, reviveThreadConnection } from './thread.js';
export { ProcessConnection, reviveProcessConnection } from './process.js';
export { FrameReader, frameHeader, writeFrameHeader, FRAME_BYTES, FRAME_HEADER_BYTES, FRAME_VALUE } from './frames.js';
export type { Frame, FrameHeader, FrameKind } from './frames.js';
export { freshSocketPath } from './socket-path.js';
