// Error classes of the shm package, named as Python's exceptions are; each has a stable `name` that survives a trip between processes.

/** A segment with that name exists already (Python's FileExistsError). */
export class FileExistsError extends Error {
  override readonly name = 'FileExistsError';
  readonly code = 'EEXIST';
}

/** No segment has that name (Python's FileNotFoundError). */
export class FileNotFoundError extends Error {
  override readonly name = 'FileNotFoundError';
  readonly code = 'ENOENT';
}

/** A segment was used after close(), or could not be reached (its holders did not answer). */
export class SharedMemoryError extends Error {
  override readonly name = 'SharedMemoryError';
}

/** Maps an error from the addon or node:fs to Python's classes where one fits; others pass through. */
export function segmentError(error: unknown, name: string): unknown {
  const code = (error as { code?: unknown } | null)?.code;
  if (code === 'EEXIST') return new FileExistsError(`a shared memory segment named '${name}' exists already`, { cause: error });
  if (code === 'ENOENT') return new FileNotFoundError(`no shared memory segment is named '${name}'`, { cause: error });
  return error;
}
