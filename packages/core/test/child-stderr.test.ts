// A child's stderr reaches ours as it was written, except V8's out-of-memory report, which becomes one line.
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { forwardStderr } from '../dist/src/strategy/child-stderr.js';

const REPORT = `
<--- Last few GCs --->

[10745:0x26c97d50]      131 ms: Mark-Compact 31.4 (64.7) -> 31.4 (64.2) MB, 8.61 / 0.00 ms  (average mu = 0.541, current mu = 0.071) allocation failure; scavenge might not succeed
[10745:0x26c97d50]      136 ms: Mark-Compact 32.2 (64.9) -> 32.2 (64.9) MB, 4.40 / 0.00 ms  (average mu = 0.444, current mu = 0.133) allocation failure; scavenge might not succeed


<--- JS stacktrace --->

FATAL ERROR: Reached heap limit Allocation failed - JavaScript heap out of memory
----- Native stack trace -----

 1: 0xb78db3 node::OOMErrorHandler(char const*, v8::OOMDetails const&) [node parlab:Pool-3-Worker-1]
 2: 0xee8300 v8::Utils::ReportOOMFailure(v8::internal::Isolate*, char const*, v8::OOMDetails const&) [node parlab:Pool-3-Worker-1]
16: 0x195e476  [node parlab:Pool-3-Worker-1]
`;

async function forwarded(chunks: readonly string[]): Promise<string> {
  const from = new PassThrough();
  const to = new PassThrough();
  let out = '';
  to.setEncoding('utf8').on('data', (text: string) => (out += text));
  forwardStderr(from, to, () => 'Pool-3-Worker-1 (pid 10745)');
  const ended = new Promise((resolve) => from.on('end', resolve));
  for (const chunk of chunks) from.write(chunk);
  from.end();
  await ended;
  return out;
}

describe('a child’s stderr', () => {
  it('passes on what the child wrote, line by line, in order, the last line unterminated too', async () => {
    expect(await forwarded(['warn', 'ing: one\nProcess Process-1:\nError: boom\n    at x (file.js:1:1)\nlast'])).toBe('warning: one\nProcess Process-1:\nError: boom\n    at x (file.js:1:1)\nlast\n');
  });

  it('turns V8’s out-of-memory report into one line naming the child, whatever the chunks', async () => {
    const expected = "Pool-3-Worker-1 (pid 10745): FATAL ERROR: Reached heap limit Allocation failed - JavaScript heap out of memory (V8's report of the last collections and the native stack left out)\n";
    expect(await forwarded([REPORT])).toBe(`\n${expected}`);
    // Split at awkward places, and with lines of the child's own after it.
    const cut = Math.floor(REPORT.length / 3);
    expect(await forwarded(['before\n', REPORT.slice(0, cut), REPORT.slice(cut, 2 * cut), REPORT.slice(2 * cut), 'after\n'])).toBe(`before\n\n${expected}after\n`);
  });
});
