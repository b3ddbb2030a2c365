// The adaptive spinner: it polls while something is due, stops when it came, and pauses after spins that did not pay.
import { describe, expect, it } from 'vitest';
import { Spinner } from '../dist/src/spinner.js';

const turn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/** Waits, turn by turn, until the spinner stops polling (a bound on turns, not a timing guess). */
async function stopped(spinner: Spinner, maxTurns = 1_000_000): Promise<void> {
  for (let i = 0; i < maxTurns; i++) {
    if (!spinner.spinning) return;
    await turn();
  }
  throw new Error('the spinner kept polling');
}

/** A spin that ends with nothing arriving: the window (a few ms here) passes; a client's reply then comes while the loop sleeps. */
async function miss(spinner: Spinner, side: 'client' | 'server'): Promise<void> {
  if (side === 'client') spinner.sent();
  else spinner.answered();
  expect(spinner.spinning).toBe(true);
  await stopped(spinner);
  if (side === 'client') spinner.replied(1, true);
}

/** Keeps this thread busy past the spinner's gap limit, as another program taking the core would. */
function busy(ms: number): void {
  const end = performance.now() + ms;
  while (performance.now() < end);
}

// Apart from the last test, the gap check is off: the test runner's own work between turns would count as losing the core.
describe('Spinner', () => {
  it('polls while a reply is due and stops at the next turn once it came', async () => {
    const spinner = new Spinner({ windowMs: 60_000, gapMs: Infinity });
    spinner.sent();
    spinner.sent();
    expect(spinner.spinning).toBe(true);
    spinner.replied(1, true);
    await turn();
    await turn();
    // One call is still awaited: the window is a minute, so it still polls.
    expect(spinner.spinning).toBe(true);
    spinner.replied(1, true);
    await turn();
    await turn();
    expect(spinner.spinning).toBe(false);
    expect(spinner.paused).toBe(false);
  });

  it.each(['client', 'server'] as const)('%s side: three windows in a row with nothing arriving pause it; no spin starts while paused', async (side) => {
    const spinner = new Spinner({ windowMs: 2, gapMs: Infinity, minPauseMs: 60_000 });
    await miss(spinner, side);
    await miss(spinner, side);
    expect(spinner.paused).toBe(false);
    await miss(spinner, side);
    expect(spinner.paused).toBe(true);
    if (side === 'client') spinner.sent();
    else spinner.answered();
    expect(spinner.spinning).toBe(false);
  });

  it('something arriving during a spin ends the run of misses', async () => {
    const spinner = new Spinner({ windowMs: 2, gapMs: Infinity, minPauseMs: 60_000 });
    await miss(spinner, 'server');
    await miss(spinner, 'server');
    spinner.answered();
    spinner.requested();
    await stopped(spinner);
    await miss(spinner, 'server');
    await miss(spinner, 'server');
    expect(spinner.paused).toBe(false);
    await miss(spinner, 'server');
    expect(spinner.paused).toBe(true);
  });

  it('a window that passes while several calls are in flight (pipelined) is not held against spinning', async () => {
    const spinner = new Spinner({ windowMs: 2, gapMs: Infinity, minPauseMs: 60_000 });
    for (let i = 0; i < 3; i++) {
      for (let c = 0; c < 4; c++) spinner.sent();
      await stopped(spinner);
      // The batch's replies come while the loop sleeps.
      for (let c = 0; c < 4; c++) spinner.replied(1, true);
    }
    expect(spinner.paused).toBe(false);
  });

  it('a lost connection ends the wait without counting as a miss or an arrival', async () => {
    const spinner = new Spinner({ windowMs: 2, gapMs: Infinity, minPauseMs: 60_000 });
    await miss(spinner, 'client');
    await miss(spinner, 'client');
    spinner.sent();
    spinner.sent();
    spinner.replied(2, false);
    await stopped(spinner);
    expect(spinner.paused).toBe(false);
    await miss(spinner, 'client');
    expect(spinner.paused).toBe(true);
  });

  it('a loop that loses its core in the middle of a spin stops spinning and counts a miss', async () => {
    const spinner = new Spinner({ windowMs: 60_000, minPauseMs: 60_000 });
    for (let i = 0; i < 3; i++) {
      spinner.sent();
      // Runs between two of the spinner's turns, touching nothing of it: as if the thread had been descheduled.
      setImmediate(() => busy(2));
      await stopped(spinner);
      // Still awaited; a fresh call restarts the spin.
      spinner.replied(1, false);
    }
    expect(spinner.paused).toBe(true);
  });
});
