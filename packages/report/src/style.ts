// The one visual style every chart shares: colours per strategy and library, font, image size.

import type { Strategy } from './schema.js';

/** A font fontconfig finds on Debian (fonts-dejavu-core), so PNG text renders the same everywhere. */
export const FONT_FAMILY = "'DejaVu Sans', 'Helvetica Neue', Arial, sans-serif";

/** Size of every PNG chart, in pixels (16:9 reads well on slides and in a README). */
export const PNG_WIDTH = 960;
export const PNG_HEIGHT = 540;

/** Process is always blue, thread always orange, serial always grey, in every chart. */
export const STRATEGY_COLOURS: Record<Strategy, string> = {
  process: '#1f6fb4',
  thread: '#e8710a',
  serial: '#7a7a7a',
};

/** A workload's variant (another parallel version), e.g. processes with shared memory: a colour of its own, drawn dashed. */
export const VARIANT_COLOURS: Record<string, string> = {
  'parlab-shared-memory': '#00897b',
};
const VARIANT_FALLBACK = '#6a1b9a';

/** Colour of a workload variant's line or bars. */
export function variantColour(implementation: string): string {
  return VARIANT_COLOURS[implementation] ?? VARIANT_FALLBACK;
}

/** Reference lines (ideal speedup, ratio 1). */
export const REFERENCE_COLOUR = '#333333';

/** A measurement fault (a speedup above the physical ceiling): outlined in this red everywhere. */
export const FAULT_COLOUR = '#c62828';

/** A tie within noise: neither strategy's colour. */
export const TIE_COLOUR = '#9e9e9e';

const PEER_COLOURS: Record<string, string> = {
  raw: '#2e9d4a',
  piscina: '#8e5cc7',
  tinypool: '#8c564b',
  poolifier: '#d6549f',
  'worker-farm': '#a5a51b',
  workerpool: '#17a5b8',
};
const FALLBACK_COLOURS = ['#5c6bc0', '#26a69a', '#ab47bc', '#8d6e63', '#78909c'];

/** Colour of one implementation's bars; parlab takes its strategy's colour. */
export function implementationColour(implementation: string, strategy: Strategy): string {
  if (implementation === 'parlab') return STRATEGY_COLOURS[strategy];
  const known = PEER_COLOURS[implementation];
  if (known !== undefined) return known;
  // Hash the name so an unknown library keeps the same colour from run to run.
  let hash = 0;
  for (const ch of implementation) hash = (hash * 31 + ch.charCodeAt(0)) >>> 0;
  return FALLBACK_COLOURS[hash % FALLBACK_COLOURS.length] ?? REFERENCE_COLOUR;
}

/** A `#rrggbb` colour with an alpha channel, for fills under a line or a bar. */
export function withAlpha(hex: string, alpha: number): string {
  const a = Math.round(Math.min(1, Math.max(0, alpha)) * 255)
    .toString(16)
    .padStart(2, '0');
  return `${hex}${a}`;
}
