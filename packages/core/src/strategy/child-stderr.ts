// A child's stderr, passed on to ours line by line — except V8's out-of-memory report (its last GCs and
// a native stack trace, some 40 lines), which becomes one line: the parent reports the exit itself.
import type { Readable, Writable } from 'node:stream';

/** Lines of V8's report: its headers, GC trace lines, the native stack's frames, and blank lines. */
const REPORT_LINE = /^(<--- (Last few GCs|JS stacktrace) --->|----- Native stack trace -----|\[\d+:0x[0-9a-f]+\]\s.*|\s*\d+: 0x[0-9a-f]+.*|\s*)$/;
const REPORT_START = '<--- Last few GCs --->';

/** Forwards `from` to `to`, collapsing an out-of-memory report; `who` names the child in that line. */
export function forwardStderr(from: Readable, to: Writable, who: () => string): void {
  let partial = '';
  let inReport = false;
  let fatal: string | null = null;
  const endReport = (): void => {
    if (inReport) to.write(`${who()}: ${fatal ?? 'FATAL ERROR: out of memory'} (V8's report of the last collections and the native stack left out)\n`);
    inReport = false;
    fatal = null;
  };
  const line = (text: string): void => {
    if (!inReport && text === REPORT_START) {
      inReport = true;
      return;
    }
    if (inReport) {
      if (text.startsWith('FATAL ERROR:')) {
        fatal = text;
        return;
      }
      if (REPORT_LINE.test(text)) return;
      endReport();
    }
    to.write(`${text}\n`);
  };
  from.setEncoding('utf8');
  from.on('data', (chunk: string) => {
    const lines = (partial + chunk).split('\n');
    partial = lines.pop() ?? '';
    for (const text of lines) line(text);
  });
  from.on('end', () => {
    if (partial !== '') {
      if (inReport && REPORT_LINE.test(partial)) partial = '';
      else line(partial);
    }
    endReport();
  });
}
