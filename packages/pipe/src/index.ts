// @parlab/pipe: Python's Pipe and Connection over either strategy.
export { Pipe } from './pipe.js';
export { BrokenPipeError, BufferTooShortError, ConnectionStateError, EOFError } from './errors.js';
export type { BytesLike, Connection, PipeOptions, RecvBytesOptions, RecvOptions } from './types.js';
export { ThreadConnection, reviveThreadConnection } from './thread.js';
export { ProcessConnection, reviveProcessConnection } from './process.js';
export { FrameReader, frameHeader, writeFrameHeader, FRAME_BYTES, FRAME_HEADER_BYTES, FRAME_VALUE } from './frames.js';
export type { Frame, FrameHeader, FrameKind } from './frames.js';
export { freshSocketPath } from './socket-path.js';
export { benchRecord, missingRecord, printRecords } from './bench-record.js';
export type { BenchMetric, BenchRecord, RecordWhat } from './bench-record.js';
export { runPythonTwin } from './python-twin.js';
export type { TwinResult } from './python-twin.js';
