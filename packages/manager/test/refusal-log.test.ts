// The server's log of refused connections: the latest 50 for connectionLog(), and stderr at most 10 lines a second.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { RefusalLog } from '../dist/src/refusal-log.js';

afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

describe('RefusalLog', () => {
  it('keeps the latest 50 reasons and prints at most 10 lines a second, then how many it left out', () => {
    vi.useFakeTimers();
    const printed: string[] = [];
    vi.spyOn(process.stderr, 'write').mockImplementation((line: string | Uint8Array) => {
      printed.push(String(line));
      return true;
    });
    const log = new RefusalLog(true);
    for (let i = 0; i < 1000; i++) log.add(`connection ${i} closed: handshake failed`);
    expect(printed).toHaveLength(10);
    vi.advanceTimersByTime(1000);
    expect(printed).toHaveLength(11);
    expect(printed[10]).toMatch(/990 more connections closed in the last second/);
    log.add('connection 1000 closed: handshake failed');
    expect(printed).toHaveLength(12);
    expect(log.reasons).toHaveLength(50);
    expect(log.reasons[0]).toBe('connection 951 closed: handshake failed');
  });

  it('prints nothing with log: false, and still keeps the reasons', () => {
    const write = vi.spyOn(process.stderr, 'write');
    const log = new RefusalLog(false);
    log.add('connection 1 closed: handshake failed');
    expect(write).not.toHaveBeenCalled();
    expect(log.reasons).toEqual(['connection 1 closed: handshake failed']);
  });
});
