// Wire frames between a coordinator (in the creating process) and its clients: fixed-size binary, no parsing of code or JSON.

/** What a client asks; every op but ATTACH and CANCEL is answered by exactly one final reply. */
export const Op = {
  /** This connection now holds the object (its death matters to it); no reply. */
  attach: 1,
  barrierWait: 2,
  /** The party told RUN_ACTION reports its action: arg 0 succeeded, 1 failed. Answers the wait. */
  barrierActionDone: 3,
  barrierAbort: 4,
  barrierReset: 5,
  /** value: parties waiting; flags: BROKEN. */
  barrierState: 6,
  lockAcquire: 7,
  lockRelease: 8,
  /** value: 1 when locked. */
  lockState: 9,
  semaphoreAcquire: 10,
  /** arg: how many. */
  semaphoreRelease: 11,
  semaphoreValue: 12,
  eventSet: 13,
  eventClear: 14,
  eventIsSet: 15,
  eventWait: 16,
  conditionWait: 17,
  /** arg: how many; -1 for all. */
  conditionNotify: 18,
  /** Withdraws the pending request whose id is in `arg`; the request itself gets the final reply. */
  cancel: 19,
  /** The first frame of a connection to a native coordinator: arg is the peer's owner token. No reply. */
  hello: 20,
} as const;
export type OpCode = (typeof Op)[keyof typeof Op];
const OP_MAX = 20;

export const Status = {
  ok: 0,
  /** Timed out, or a try that did not succeed. */
  no: 1,
  broken: 2,
  /** To the last party at a barrier with an action: run it, then send barrierActionDone. */
  runAction: 3,
  notLocked: 4,
  notOwner: 5,
  overRelease: 6,
  cancelled: 7,
  unknownObject: 8,
} as const;
export type StatusCode = (typeof Status)[keyof typeof Status];

export const Flag = { ownerDied: 1, broken: 2 } as const;

/** [u32 id][u8 op][3 pad][u32 object][i32 arg][f64 timeoutMs, -1 for none] */
export const REQUEST_BYTES = 24;
/** [u32 id][u8 status][u8 flags][2 pad][i32 value] */
export const REPLY_BYTES = 12;

export interface Request {
  readonly id: number;
  readonly op: OpCode;
  readonly object: number;
  readonly arg: number;
  /** -1 when the request has no timeout. */
  readonly timeoutMs: number;
}

export interface Reply {
  readonly id: number;
  readonly status: StatusCode;
  readonly flags: number;
  readonly value: number;
}

export function encodeRequest(request: Request, into: Buffer, offset: number): void {
  into.writeUInt32LE(request.id, offset);
  into.writeUInt32LE(request.op, offset + 4);
  into.writeUInt32LE(request.object, offset + 8);
  into.writeInt32LE(request.arg, offset + 12);
  into.writeDoubleLE(request.timeoutMs, offset + 16);
}

/** Reads one request, or null when the frame is malformed (the caller drops the connection). */
export function decodeRequest(from: Buffer, offset: number): Request | null {
  const op = from.readUInt32LE(offset + 4);
  const timeoutMs = from.readDoubleLE(offset + 16);
  if (op < 1 || op > OP_MAX) return null;
  if (!(timeoutMs === -1 || (Number.isFinite(timeoutMs) && timeoutMs >= 0))) return null;
  return {
    id: from.readUInt32LE(offset),
    op: op as OpCode,
    object: from.readUInt32LE(offset + 8),
    arg: from.readInt32LE(offset + 12),
    timeoutMs,
  };
}

export function encodeReply(reply: Reply, into: Buffer, offset: number): void {
  into.writeUInt32LE(reply.id, offset);
  into.writeUInt8(reply.status, offset + 4);
  into.writeUInt8(reply.flags, offset + 5);
  into.writeUInt16LE(0, offset + 6);
  into.writeInt32LE(reply.value, offset + 8);
}

export function decodeReply(from: Buffer, offset: number): Reply {
  return {
    id: from.readUInt32LE(offset),
    status: from.readUInt8(offset + 4) as StatusCode,
    flags: from.readUInt8(offset + 5),
    value: from.readInt32LE(offset + 8),
  };
}
