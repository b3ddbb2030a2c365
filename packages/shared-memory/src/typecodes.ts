// Python's typecodes for Value and Array: the size of each, how it is stored, and how a JavaScript value becomes one.

/** The typecodes of `multiprocessing.Value` / `Array` (ctypes on 64-bit Linux: 'l' and 'L' are 8 bytes). */
export type Typecode = 'c' | 'b' | 'B' | 'h' | 'H' | 'i' | 'I' | 'l' | 'L' | 'q' | 'Q' | 'f' | 'd';

/** What one element reads as: a number, a bigint for the 64-bit integers, a one-character string for 'c'. */
export type Scalar = number | bigint | string;

type View = Int8Array | Uint8Array | Int16Array | Uint16Array | Int32Array | Uint32Array | BigInt64Array | BigUint64Array | Float32Array | Float64Array;

export interface TypeInfo {
  readonly code: Typecode;
  readonly bytes: number;
  /** A view of `length` elements over the bytes (mapped memory). */
  view(buffer: ArrayBufferLike, byteOffset: number, length: number): View;
  /** Reads one element from a DataView (the file fallback's copies). */
  read(data: DataView, offset: number): number | bigint;
  write(data: DataView, offset: number, value: number | bigint): void;
  /** Turns a JavaScript value into what the view stores, or throws a TypeError naming `what`. */
  store(value: unknown, what: string): number | bigint;
  /** Turns what the view holds into what the caller sees. */
  load(raw: number | bigint): Scalar;
}

const LE = true;

function integer(code: Typecode, bytes: number, ctor: new (b: ArrayBufferLike, o: number, n: number) => View, get: (d: DataView, o: number) => number, set: (d: DataView, o: number, v: number) => void): TypeInfo {
  return {
    code,
    bytes,
    view: (buffer, byteOffset, length) => new ctor(buffer, byteOffset, length),
    read: get,
    write: (d, o, v) => set(d, o, v as number),
    store(value, what) {
      if (typeof value === 'bigint' && value >= BigInt(Number.MIN_SAFE_INTEGER) && value <= BigInt(Number.MAX_SAFE_INTEGER)) return Number(value);
      if (typeof value !== 'number' || !Number.isInteger(value)) throw new TypeError(`${what}: typecode '${code}' holds integers, got ${describe(value)}`);
      return value;
    },
    load: (raw) => raw,
  };
}

function wide(code: Typecode, ctor: new (b: ArrayBufferLike, o: number, n: number) => View, signed: boolean): TypeInfo {
  return {
    code,
    bytes: 8,
    view: (buffer, byteOffset, length) => new ctor(buffer, byteOffset, length),
    read: (d, o) => (signed ? d.getBigInt64(o, LE) : d.getBigUint64(o, LE)),
    write: (d, o, v) => (signed ? d.setBigInt64(o, v as bigint, LE) : d.setBigUint64(o, v as bigint, LE)),
    store(value, what) {
      if (typeof value === 'bigint') return signed ? BigInt.asIntN(64, value) : BigInt.asUintN(64, value);
      if (typeof value === 'number' && Number.isSafeInteger(value)) return signed ? BigInt.asIntN(64, BigInt(value)) : BigInt.asUintN(64, BigInt(value));
      throw new TypeError(`${what}: typecode '${code}' holds 64-bit integers (a bigint, or a safe integer), got ${describe(value)}`);
    },
    load: (raw) => raw,
  };
}

function real(code: Typecode, bytes: 4 | 8): TypeInfo {
  return {
    code,
    bytes,
    view: (buffer, byteOffset, length) => (bytes === 4 ? new Float32Array(buffer, byteOffset, length) : new Float64Array(buffer, byteOffset, length)),
    read: (d, o) => (bytes === 4 ? d.getFloat32(o, LE) : d.getFloat64(o, LE)),
    write: (d, o, v) => (bytes === 4 ? d.setFloat32(o, v as number, LE) : d.setFloat64(o, v as number, LE)),
    store(value, what) {
      if (typeof value !== 'number') throw new TypeError(`${what}: typecode '${code}' holds numbers, got ${describe(value)}`);
      return value;
    },
    load: (raw) => raw,
  };
}

function describe(value: unknown): string {
  if (typeof value === 'string') return `the string '${value.length > 20 ? `${value.slice(0, 20)}…` : value}'`;
  if (typeof value === 'number' || typeof value === 'bigint') return `${typeof value} ${String(value)}`;
  return value === null ? 'null' : typeof value;
}

const CHAR: TypeInfo = {
  code: 'c',
  bytes: 1,
  view: (buffer, byteOffset, length) => new Uint8Array(buffer, byteOffset, length),
  read: (d, o) => d.getUint8(o),
  write: (d, o, v) => d.setUint8(o, v as number),
  store(value, what) {
    if (typeof value === 'string' && value.length === 1 && value.charCodeAt(0) < 256) return value.charCodeAt(0);
    if (value instanceof Uint8Array && value.length === 1) return value[0] as number;
    throw new TypeError(`${what}: typecode 'c' holds one byte, as a one-character string (code < 256), got ${describe(value)}`);
  },
  load: (raw) => String.fromCharCode(raw as number),
};

const TYPES: Record<Typecode, TypeInfo> = {
  c: CHAR,
  b: integer('b', 1, Int8Array, (d, o) => d.getInt8(o), (d, o, v) => d.setInt8(o, v)),
  B: integer('B', 1, Uint8Array, (d, o) => d.getUint8(o), (d, o, v) => d.setUint8(o, v)),
  h: integer('h', 2, Int16Array, (d, o) => d.getInt16(o, LE), (d, o, v) => d.setInt16(o, v, LE)),
  H: integer('H', 2, Uint16Array, (d, o) => d.getUint16(o, LE), (d, o, v) => d.setUint16(o, v, LE)),
  i: integer('i', 4, Int32Array, (d, o) => d.getInt32(o, LE), (d, o, v) => d.setInt32(o, v, LE)),
  I: integer('I', 4, Uint32Array, (d, o) => d.getUint32(o, LE), (d, o, v) => d.setUint32(o, v, LE)),
  l: wide('l', BigInt64Array, true),
  L: wide('L', BigUint64Array, false),
  q: wide('q', BigInt64Array, true),
  Q: wide('Q', BigUint64Array, false),
  f: real('f', 4),
  d: real('d', 8),
};

/** The typecode's description, or a TypeError listing the ones there are. */
export function typeInfo(code: unknown): TypeInfo {
  if (typeof code === 'string' && Object.hasOwn(TYPES, code)) return TYPES[code as Typecode];
  throw new TypeError(`typecode must be one of ${Object.keys(TYPES).map((c) => `'${c}'`).join(', ')}, got ${describe(code)}`);
}
