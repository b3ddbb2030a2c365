import { describe, expect, it } from 'vitest';
import {
  CloneError,
  decodeError,
  decodeValue,
  encodeError,
  encodeValue,
  reviveContext,
  TimeoutError,
  transferCollector,
  WorkerExitError,
} from '../dist/src/index.js';
import { RegisteredError, SubclassError, UnloadableError, UnregisteredError } from '../dist/test/fixtures/errors.js';

/** What the receiving side gets: the error as structured clone copies it, then decoded. */
async function roundTrip(error: Error): Promise<Error> {
  return (await decodeValue(structuredClone(encodeError(error)), reviveContext('thread', []))) as Error;
}

describe('codec: error classes', () => {
  it("core's own errors cross as instances of their class, with their fields (sync decode too)", () => {
    const clone = decodeError(structuredClone(encodeError(new CloneError('result.callback', 'it is a function'))));
    expect(clone).toBeInstanceOf(CloneError);
    expect(clone.name).toBe('CloneError');
    expect((clone as CloneError).path).toBe('result.callback');
    expect(clone.message).toBe('result.callback cannot be sent to another process or thread: it is a function');
    const exit = decodeError(structuredClone(encodeError(new WorkerExitError('gone', 9, null))));
    expect(exit).toBeInstanceOf(WorkerExitError);
    expect((exit as WorkerExitError).exitCode).toBe(9);
    expect(decodeError(structuredClone(encodeError(new TimeoutError('x', 5))))).toBeInstanceOf(TimeoutError);
  });

  it('a registered class crosses as itself: instanceof, name, message, own fields, stack, cause', async () => {
    const original = new RegisteredError('too big', 7);
    original.cause = new TypeError('the cause');
    const error = await roundTrip(original);
    expect(error).toBeInstanceOf(RegisteredError);
    expect(error).toBeInstanceOf(RangeError);
    expect(Object.prototype.toString.call(error)).toBe('[object Error]');
    expect(error.name).toBe('RegisteredError');
    expect(error.message).toBe('too big');
    expect((error as RegisteredError).code).toBe(7);
    expect(error.stack).toBe(original.stack);
    expect(error.cause).toBeInstanceOf(TypeError);
  });

  it('an error nested in a value is rebuilt as its class by decodeValue', async () => {
    const encoded = encodeValue({ failures: [new RegisteredError('inner', 1)] }, transferCollector('process'));
    const decoded = (await decodeValue(structuredClone(encoded), reviveContext('process', []))) as { failures: Error[] };
    expect(decoded.failures[0]).toBeInstanceOf(RegisteredError);
  });

  it('an unregistered subclass crosses as its nearest registered ancestor, keeping its own name', async () => {
    const error = await roundTrip(new SubclassError('sub', 3));
    expect(error).toBeInstanceOf(RegisteredError);
    expect(error.name).toBe('SubclassError');
    expect((error as RegisteredError).code).toBe(3);
  });

  it('an unregistered class, or one whose module cannot be loaded, arrives as a plain Error with its name', async () => {
    const plain = await roundTrip(new UnregisteredError('plain'));
    expect(plain).not.toBeInstanceOf(UnregisteredError);
    expect(plain.name).toBe('UnregisteredError');
    const unloadable = await roundTrip(new UnloadableError('lost'));
    expect(unloadable).not.toBeInstanceOf(UnloadableError);
    expect(unloadable.name).toBe('UnloadableError');
    expect(unloadable.message).toBe('lost');
  });
});
