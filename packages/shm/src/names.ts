// Names of segments: checked, made up when none is given, and where each kind lives in the file system.
import { randomBytes } from 'node:crypto';
import { mkdirSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Letters, digits, `_`, `-` and `.`, at most 200 characters: valid as a POSIX shm name and as a file name everywhere. */
const NAME = /^[A-Za-z0-9_.-]{1,200}$/;

/** Checks a user-given name; Python accepts a leading '/', which is dropped as Python's POSIX names are. */
export function checkName(value: unknown, what = 'name'): string {
  if (typeof value !== 'string') throw new TypeError(`${what} must be a string, got ${typeof value}`);
  const name = value.startsWith('/') ? value.slice(1) : value;
  if (!NAME.test(name) || name === '.' || name === '..') {
    throw new TypeError(`${what} '${value}' must be 1 to 200 letters, digits, '_', '-' or '.'`);
  }
  return name;
}

/** A fresh random name, as Python's `psm_` + hex. */
export function randomName(prefix = 'psm_'): string {
  return `${prefix}${randomBytes(8).toString('hex')}`;
}

let dir: string | null = null;

/**
 * Where file-backed segments and thread markers live: /dev/shm (memory, and where Linux keeps
 * POSIX shm names too) when it is there, else a folder in the temporary directory.
 */
export function segmentDir(): string {
  if (dir !== null) return dir;
  try {
    if (statSync('/dev/shm').isDirectory()) dir = '/dev/shm';
  } catch {
    // No /dev/shm on this system.
  }
  if (dir === null) {
    dir = join(tmpdir(), 'parlab-shm');
    mkdirSync(dir, { recursive: true, mode: 0o700 });
  }
  return dir;
}

/** The file a segment name stands for (for POSIX names: Linux keeps them in /dev/shm). */
export function segmentPath(name: string): string {
  return join(segmentDir(), name);
}
