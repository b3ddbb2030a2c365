// Writes a document's blocks as Markdown (the README.md beside the PNGs).

import type { Block, ChartSlot } from './document.js';

/** Escapes the characters that would break a Markdown table cell. */
export function mdCell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
}

/** A Markdown table. */
export function mdTable(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const line = (cells: readonly string[]): string => `| ${cells.map(mdCell).join(' | ')} |`;
  return [line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n');
}

const image = (slot: ChartSlot): string => `![${slot.chart.title}](${slot.pngHref})`;

function block(b: Block): string[] {
  switch (b.kind) {
    case 'title':
      return [`# ${b.text}`, '', b.meta];
    case 'heading':
      return [`## ${b.text}`];
    case 'subheading':
      return [`### ${b.text}`];
    case 'paragraph':
      return [b.text];
    case 'banner': {
      const head = b.banner.title === '' ? b.banner.intro : `**${b.banner.title}.** ${b.banner.intro}`;
      return [`> ${b.banner.kind === 'warning' ? '⚠ ' : ''}${head}`, ...(b.banner.items.length === 0 ? [] : ['>', ...b.banner.items.map((i) => `> - ${i}`)])];
    }
    case 'cards':
      return b.cards.flatMap((c, i) => [...(i === 0 ? [] : ['']), `**${c.title}**`, '', mdTable(['', ''], c.rows)]);
    case 'table':
      return [mdTable(b.header, b.rows)];
    case 'chart':
      return [`### ${b.slot.chart.title}`, '', image(b.slot), '', b.slot.chart.explanation];
    case 'pair':
      return [`### ${b.title}`, '', mdTable(b.headers, [b.slots.map((s) => (s === undefined ? b.missing : image(s)))])];
    case 'contents':
      return [];
    case 'links':
      return b.items.map(([href, text]) => `- [${text}](${href})`);
  }
}

/** The whole Markdown document. */
export function renderMarkdown(blocks: readonly Block[]): string {
  const parts = blocks.map(block).filter((lines) => lines.length > 0);
  return `${parts.map((lines) => lines.join('\n')).join('\n\n')}\n`;
}
