import { withDeadline } from '@parlab/core';
import { describe, expect, it } from 'vitest';
import { runBenchmarks } from '../dist/bench/bench.js';
import type { Peer, PrimeRange, Runner } from '../dist/bench/bench-peers.js';
import { countPrimes } from '../dist/bench/bench-tasks.js';

/** A pool that answers at once; `hang` names what never finishes. */
function fakePeer(hang: 'close' | 'dispatch', killed: { count: number }): Peer {
  const runner: Runner = {
    dispatch: (count) => (hang === 'dispatch' && count > 500 ? new Promise(() => {}) : Promise.resolve()),
    map: null,
    primes: async (ranges: readonly PrimeRange[]) => ranges.map((range) => countPrimes(range.lo, range.hi)),
    close: () => (hang === 'close' ? new Promise(() => {}) : Promise.resolve()),
    kill: () => {
      killed.count++;
    },
  };
  return { implementation: `hangs-in-${hang}`, strategy: 'thread', start: async () => runner };
}

describe('peers benchmark: every wait is bounded', () => {
  it('a peer whose close never resolves is abandoned: its workers killed, its stop a failed record, the run ends', async () => {
    const killed = { count: 0 };
    const records = await withDeadline(runBenchmarks({ profile: 'quick', peers: [fakePeer('close', killed)], stopTimeoutMs: 200 }), 'the peers suite', {
      timeoutMs: 20_000,
    });
    const stop = records.filter((r) => r.subject === 'stop');
    expect(stop).toHaveLength(1);
    expect(stop[0]?.status).toBe('failed');
    expect(stop[0]?.implementation).toBe('hangs-in-close');
    expect(stop[0]?.error).toMatch(/hangs-in-close \(thread\) did not stop within 200 ms.*abandoned, its workers killed/);
    expect(killed.count).toBe(1);
    expect(records.find((r) => r.subject === 'dispatch-noop')?.status).toBe('ok');
  });

  it('a peer whose measurement never finishes is abandoned too, and the run goes on without it', async () => {
    const killed = { count: 0 };
    const records = await withDeadline(
      runBenchmarks({ profile: 'quick', peers: [fakePeer('dispatch', killed)], stopTimeoutMs: 200, measureTimeoutMs: 200 }),
      'the peers suite',
      { timeoutMs: 20_000 },
    );
    const dispatch = records.find((r) => r.subject === 'dispatch-noop');
    expect(dispatch?.status).toBe('failed');
    expect(dispatch?.error).toMatch(/timed out after 200 ms/);
    expect(records.find((r) => r.subject === 'cpu-primes' && r.implementation === 'hangs-in-dispatch')?.status).toBe('failed');
    expect(killed.count).toBe(1);
  });
});
