// What makes two runs not like for like: profiles, options, machines, Node or Python versions — each a warning when comparing.

import { formatList } from './format.js';
import type { Lang } from './i18n.js';
import { t, tCount } from './i18n.js';
import { code } from './inline.js';
import type { MachineInfo, ResultsFile } from './schema.js';

/** One way the runs differ; `a` and `b` are the two values. */
export type RunDifference =
  | { code: 'profile' | 'node' | 'python'; a: string; b: string }
  | { code: 'machine'; a: MachineInfo; b: MachineInfo }
  | { code: 'options'; keys: string[] };

/** Options that say how a run went rather than what it measured. */
const NOT_COMPARED = new Set(['profile', 'durationMs', 'interrupted', 'lang']);

const sameMachine = (a: MachineInfo, b: MachineInfo): boolean => a.cpuModel === b.cpuModel && a.cores === b.cores && a.availableCores === b.availableCores;

/** The differences that make absolute figures of the two runs hard to compare, most serious first. */
export function runDifferences(a: ResultsFile, b: ResultsFile): RunDifference[] {
  const out: RunDifference[] = [];
  const profileA = String(a.options.profile ?? '—');
  const profileB = String(b.options.profile ?? '—');
  if (profileA !== profileB) out.push({ code: 'profile', a: profileA, b: profileB });
  const keys = [...new Set([...Object.keys(a.options), ...Object.keys(b.options)])].filter(
    (key) => !NOT_COMPARED.has(key) && JSON.stringify(a.options[key]) !== JSON.stringify(b.options[key]),
  );
  if (keys.length > 0) out.push({ code: 'options', keys });
  if (!sameMachine(a.machine, b.machine)) out.push({ code: 'machine', a: a.machine, b: b.machine });
  if (a.machine.node !== b.machine.node) out.push({ code: 'node', a: a.machine.node, b: b.machine.node });
  if (a.machine.python !== b.machine.python) out.push({ code: 'python', a: String(a.machine.python), b: String(b.machine.python) });
  return out;
}

/** A difference in the report's language (code in backticks). */
export function differenceText(lang: Lang, d: RunDifference): string {
  switch (d.code) {
    case 'options':
      return t(lang, 'diff_options', { keys: formatList(lang, d.keys.map(code)) });
    case 'machine': {
      const word = (m: MachineInfo): string => t(lang, 'machineSummary', { cpu: code(m.cpuModel), cores: tCount(lang, 'coresCount', m.availableCores) });
      return t(lang, 'diff_machine', { a: word(d.a), b: word(d.b) });
    }
    default:
      return t(lang, `diff_${d.code}`, { a: code(d.a), b: code(d.b) });
  }
}
