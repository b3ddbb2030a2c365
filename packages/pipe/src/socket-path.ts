// A fresh Unix socket path for a listener that only this program's processes know of.
import { randomBytes } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * On Linux an abstract socket (a name starting with NUL): it leaves no file behind, however the program
 * ends (killed, or a test runner's worker torn down). Elsewhere a file in the temp folder, removed when
 * its listener closes.
 */
export function freshSocketPath(kind: string): string {
  const name = `parlab-${kind}-${process.pid}-${randomBytes(6).toString('hex')}`;
  return process.platform === 'linux' ? `\0${name}` : join(tmpdir(), `${name}.sock`);
}
