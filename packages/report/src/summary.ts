// Machine, options and section headings as label/value pairs, shared by the page and the Markdown.

import type { SectionId } from './charts/report-chart.js';
import { formatGiB } from './format.js';
import type { Lang, MessageKey } from './i18n.js';
import { t } from './i18n.js';
import type { MachineInfo, RunOptions } from './schema.js';

/** The machine as [label, value] rows. */
export function machineRows(machine: MachineInfo, lang: Lang): [string, string][] {
  return [
    [t(lang, 'cpu'), machine.cpuModel],
    [t(lang, 'cores'), String(machine.cores)],
    [t(lang, 'memory'), formatGiB(lang, machine.memoryBytes)],
    [t(lang, 'os'), machine.os],
    [t(lang, 'node'), machine.node],
    [t(lang, 'python'), machine.python ?? t(lang, 'pythonMissing')],
  ];
}

/** Run options as [name, value] rows; lists are joined, anything else is shown as JSON. */
export function optionRows(options: RunOptions): [string, string][] {
  return Object.entries(options).map(([key, value]) => {
    if (Array.isArray(value)) return [key, value.map((v) => (typeof v === 'string' ? v : JSON.stringify(v))).join(', ')];
    return [key, typeof value === 'string' ? value : JSON.stringify(value)];
  });
}

const SECTION_TEXT: Record<SectionId, { title: MessageKey; intro?: MessageKey }> = {
  workloads: { title: 'sectionWorkloads', intro: 'sectionWorkloadsIntro' },
  overview: { title: 'sectionOverview' },
  costs: { title: 'sectionCosts', intro: 'sectionCostsIntro' },
  peers: { title: 'sectionPeers', intro: 'sectionPeersIntro' },
  python: { title: 'sectionPython', intro: 'sectionPythonIntro' },
};

/** Heading and optional introduction of a chart section. */
export function sectionText(section: SectionId, lang: Lang): { title: string; intro: string | undefined } {
  const text = SECTION_TEXT[section];
  return { title: t(lang, text.title), intro: text.intro === undefined ? undefined : t(lang, text.intro) };
}
