// How well two runs agree: the share of ratio points whose intervals overlap, wall times normalised by host speed, and the verdicts.

import { overlaps } from '@parlab/bench-kit';
import { formatInteger, formatList, formatShare } from './format.js';
import type { Lang } from './i18n.js';
import { t } from './i18n.js';
import type { RatioKind, RatioPoint } from './ratio-points.js';
import { code } from './inline.js';
import { RATIO_KINDS, ratioPoints } from './ratio-points.js';
import { okPoints, pointKey } from './results-query.js';
import type { OkPoint, ResultsFile } from './schema.js';
import type { WinnerKind } from './verdicts.js';
import { workloadVerdicts } from './verdicts.js';

/** Of `total` pairs, how many have overlapping intervals; `share` is null when there is none. */
export interface OverlapCount {
  total: number;
  overlapping: number;
  share: number | null;
}

/** One ratio point in both runs. */
export interface RatioPointPair {
  key: string;
  kind: RatioKind;
  a: RatioPoint;
  b: RatioPoint;
}

export interface ReproducibilitySummary {
  /** Speedups and parlab against peers, raw code and Python, present in both runs. */
  ratioPoints: OverlapCount & { byKind: Record<RatioKind, OverlapCount>; apart: RatioPointPair[] };
  /** Wall-time points in both runs: as measured, and divided by each run's host speed when both have a host record. */
  wallTimes: { raw: OverlapCount; normalised: OverlapCount | undefined };
  /** Workloads where both runs name one winner (serial, processes or threads): how many name the same. */
  verdicts: { compared: number; agreeing: number; disagreeing: string[] };
}

function count(pairs: readonly { a: { low: number; high: number }; b: { low: number; high: number } }[]): OverlapCount {
  const overlapping = pairs.filter((p) => overlaps(p.a, p.b)).length;
  return { total: pairs.length, overlapping, share: pairs.length === 0 ? null : overlapping / pairs.length };
}

/**
 * The host's speed as one number per run: the reference loop's time at the start divided by the
 * run's median speed index, i.e. how long the loop took on this host through the run. Dividing a
 * wall time by it puts two runs on one scale even when the host itself ran faster in one.
 */
function hostLoopMs(results: ResultsFile): number | undefined {
  const host = results.host;
  return host === undefined || host.speedIndex.median <= 0 ? undefined : host.referenceMs / host.speedIndex.median;
}

const SINGLE_WINNERS: ReadonlySet<WinnerKind> = new Set(['serial', 'process', 'thread']);

/** Compares two runs of the same bench (e.g. back to back on one machine). */
export function reproducibility(a: ResultsFile, b: ResultsFile): ReproducibilitySummary {
  const inB = new Map(ratioPoints(b).map((r) => [r.key, r]));
  const pairs = ratioPoints(a).flatMap((ra): RatioPointPair[] => {
    const rb = inB.get(ra.key);
    return rb === undefined ? [] : [{ key: ra.key, kind: ra.kind, a: ra, b: rb }];
  });
  const byKind = Object.fromEntries(RATIO_KINDS.map((kind) => [kind, count(pairs.filter((p) => p.kind === kind))])) as Record<RatioKind, OverlapCount>;

  const wallB = new Map(okPoints(b, { metric: 'wall_ms' }).map((p) => [pointKey(p), p]));
  const walls = okPoints(a, { metric: 'wall_ms' }).flatMap((pa): { a: OkPoint; b: OkPoint }[] => {
    const pb = wallB.get(pointKey(pa));
    return pb === undefined ? [] : [{ a: pa, b: pb }];
  });
  const interval = (p: OkPoint, scale: number): { low: number; high: number } => ({ low: p.ciLow / scale, high: p.ciHigh / scale });
  const loopA = hostLoopMs(a);
  const loopB = hostLoopMs(b);
  const normalised =
    loopA === undefined || loopB === undefined ? undefined : count(walls.map((w) => ({ a: interval(w.a, loopA), b: interval(w.b, loopB) })));

  const verdictsB = new Map(workloadVerdicts(b).map((v) => [v.subject, v.winner]));
  const both = workloadVerdicts(a).filter((v) => SINGLE_WINNERS.has(v.winner) && SINGLE_WINNERS.has(verdictsB.get(v.subject) ?? 'tie'));
  const disagreeing = both.filter((v) => verdictsB.get(v.subject) !== v.winner).map((v) => v.subject);

  return {
    ratioPoints: { ...count(pairs), byKind, apart: pairs.filter((p) => !overlaps(p.a, p.b)) },
    wallTimes: { raw: count(walls.map((w) => ({ a: interval(w.a, 1), b: interval(w.b, 1) }))), normalised },
    verdicts: { compared: both.length, agreeing: both.length - disagreeing.length, disagreeing },
  };
}

const shareText = (lang: Lang, c: OverlapCount): string => (c.share === null ? '—' : formatShare(lang, c.share));

/** The summary as sentences (code in backticks), for the compare page and Markdown. */
export function reproducibilityText(lang: Lang, s: ReproducibilitySummary): string[] {
  const r = s.ratioPoints;
  const out: string[] = [];
  if (r.total === 0) out.push(t(lang, 'reproNone'));
  else {
    const kinds = RATIO_KINDS.filter((k) => r.byKind[k].total > 0).map((k) =>
      t(lang, 'reproKind', { kind: t(lang, `kind_${k}`), overlapping: formatInteger(lang, r.byKind[k].overlapping), total: formatInteger(lang, r.byKind[k].total) }),
    );
    out.push(t(lang, 'reproRatios', { overlapping: formatInteger(lang, r.overlapping), total: formatInteger(lang, r.total), share: shareText(lang, r), kinds: formatList(lang, kinds) }));
  }
  const raw = s.wallTimes.raw;
  const norm = s.wallTimes.normalised;
  if (raw.total > 0) {
    out.push(
      norm === undefined
        ? t(lang, 'reproWallRaw', { overlapping: formatInteger(lang, raw.overlapping), total: formatInteger(lang, raw.total), share: shareText(lang, raw) })
        : t(lang, 'reproWallNormalised', {
            overlapping: formatInteger(lang, norm.overlapping),
            total: formatInteger(lang, norm.total),
            share: shareText(lang, norm),
            rawOverlapping: formatInteger(lang, raw.overlapping),
            rawShare: shareText(lang, raw),
          }),
    );
  }
  const v = s.verdicts;
  const verdicts = t(lang, 'reproVerdicts', { agreeing: formatInteger(lang, v.agreeing), compared: formatInteger(lang, v.compared) });
  out.push(v.disagreeing.length === 0 ? verdicts : `${verdicts} ${t(lang, 'reproDisagree', { subjects: formatList(lang, v.disagreeing.map(code)) })}`);
  return out;
}

/** The summary on one line, for the command line: shares and counts only. */
export function reproducibilityLine(s: ReproducibilitySummary, lang: Lang = 'en'): string {
  const r = s.ratioPoints;
  const wall = s.wallTimes.normalised ?? s.wallTimes.raw;
  const kinds = RATIO_KINDS.filter((k) => r.byKind[k].total > 0).map((k) => `${k} ${formatInteger(lang, r.byKind[k].overlapping)}/${formatInteger(lang, r.byKind[k].total)}`);
  const v = s.verdicts;
  return t(lang, 'reproLine', {
    share: shareText(lang, r),
    total: formatInteger(lang, r.total),
    kinds: kinds.join(', '),
    normalised: s.wallTimes.normalised === undefined ? '' : t(lang, 'reproLineNormalised'),
    wallShare: shareText(lang, wall),
    wallTotal: formatInteger(lang, wall.total),
    agreeing: formatInteger(lang, v.agreeing),
    compared: formatInteger(lang, v.compared),
    disagree: v.disagreeing.length === 0 ? '' : t(lang, 'reproLineDisagree', { subjects: v.disagreeing.join(', ') }),
  });
}
