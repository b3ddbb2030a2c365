// How a point's flags look in a chart: doubtful points hollow (lines) or hatched (bars), faults outlined in red; and the caption that says so.

import type { Lang } from '../i18n.js';
import { tCount } from '../i18n.js';
import { flagsText, isDoubtful, isFault } from '../point-flags.js';
import type { OkPoint } from '../schema.js';
import type { BarMark } from '../plugins/bar-marks.js';
import { FAULT_COLOUR } from '../style.js';

type Marked = Pick<OkPoint, 'flags'> | undefined;

/** Per-point marker styles of a line dataset in `colour`. */
export function lineMarks(colour: string, points: readonly Marked[], radius = 5) {
  return {
    pointStyle: points.map((p) => (p !== undefined && isFault(p) ? 'rectRot' : 'circle')),
    pointRadius: points.map((p) => (p !== undefined && isFault(p) ? radius + 3 : radius)),
    pointBorderWidth: points.map((p) => (p !== undefined && (isFault(p) || isDoubtful(p)) ? 2.5 : 1)),
    pointBorderColor: points.map((p) => (p !== undefined && isFault(p) ? FAULT_COLOUR : colour)),
    pointBackgroundColor: points.map((p) => (p !== undefined && (isFault(p) || isDoubtful(p)) ? '#ffffff' : colour)),
  };
}

/** How a bar of this point is marked, if at all (drawn by the bar-marks plugin). */
export function barMark(point: Marked): { mark?: BarMark } {
  if (point === undefined) return {};
  if (isFault(point)) return { mark: 'fault' };
  return isDoubtful(point) ? { mark: 'flagged' } : {};
}

/** Sentences for a caption about the flagged points a chart draws; empty when none is flagged. */
export function marksCaption(lang: Lang, points: readonly OkPoint[]): string {
  const doubtful = points.filter(isDoubtful);
  const faults = points.filter(isFault);
  const parts: string[] = [];
  if (doubtful.length > 0) parts.push(tCount(lang, 'marksFlagged', doubtful.length, { flags: flagsText(lang, doubtful) }));
  if (faults.length > 0) parts.push(tCount(lang, 'marksFault', faults.length));
  return parts.join(' ');
}
