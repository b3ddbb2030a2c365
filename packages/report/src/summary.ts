// Machine rows and section headings as label/value pairs, shared by the page and the Markdown.

import type { SectionId } from './charts/report-chart.js';
import { formatGiB, formatInteger, formatNumber } from './format.js';
import type { Lang, MessageKey } from './i18n.js';
import { t } from './i18n.js';
import { code } from './inline.js';
import type { MachineInfo } from './schema.js';

/** The machine as [label, value] rows; cells write code in backticks. */
export function machineRows(machine: MachineInfo, lang: Lang): [string, string][] {
  return [
    [t(lang, 'cpu'), code(machine.cpuModel)],
    [t(lang, 'cores'), formatInteger(lang, machine.cores)],
    [t(lang, 'availableCores'), formatInteger(lang, machine.availableCores)],
    [t(lang, 'cpuQuota'), machine.cpuQuota === null ? t(lang, 'noQuota') : formatNumber(lang, machine.cpuQuota)],
    [t(lang, 'memory'), formatGiB(lang, machine.memoryBytes)],
    [t(lang, 'os'), code(machine.os)],
    [t(lang, 'node'), code(machine.node)],
    [t(lang, 'python'), machine.python === null ? t(lang, 'pythonMissing') : code(machine.python)],
    ...(machine.sharedMemory === undefined
      ? []
      : [[t(lang, 'sharedMemory'), t(lang, machine.sharedMemory.backend === 'native' ? 'sharedMemoryNative' : 'sharedMemoryCoordinator')] as [string, string]]),
  ];
}

const SECTION_TEXT: Record<SectionId, { title: MessageKey; intro?: MessageKey }> = {
  host: { title: 'sectionHost', intro: 'sectionHostIntro' },
  workloads: { title: 'sectionWorkloads', intro: 'sectionWorkloadsIntro' },
  overview: { title: 'sectionOverview', intro: 'sectionOverviewIntro' },
  costs: { title: 'sectionCosts', intro: 'sectionCostsIntro' },
  peers: { title: 'sectionPeers', intro: 'sectionPeersIntro' },
  python: { title: 'sectionPython', intro: 'sectionPythonIntro' },
  other: { title: 'sectionOther', intro: 'sectionOtherIntro' },
};

/** Heading and optional introduction of a chart section. */
export function sectionText(section: SectionId, lang: Lang): { title: string; intro: string | undefined } {
  const text = SECTION_TEXT[section];
  return { title: t(lang, text.title), intro: text.intro === undefined ? undefined : t(lang, text.intro) };
}
