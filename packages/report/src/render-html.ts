// Writes a document's blocks as the offline HTML page, drawing every chart block into a canvas.

import type { Block, ChartSlot } from './document.js';
import type { PageChart } from './html-document.js';
import { escapeHtml, htmlDocument } from './html-document.js';
import { bannerHtml, card, figure, htmlTable, inlineHtml } from './html-parts.js';
import type { Lang } from './i18n.js';

function block(b: Block, lang: Lang, charts: PageChart[], open: { section: boolean }): string {
  const place = (slot: ChartSlot): string => {
    charts.push({ canvasId: slot.canvasId, config: slot.chart.config });
    return figure(slot.chart, slot.canvasId, slot.pngHref, lang);
  };
  switch (b.kind) {
    case 'title':
      return `<h1>${escapeHtml(b.text)}</h1>\n<p class="meta">${inlineHtml(b.meta)}</p>`;
    case 'heading': {
      // Each heading opens a section that runs to the next one, so links to #id land on it.
      const close = open.section ? '</section>\n' : '';
      open.section = true;
      return `${close}<section id="${escapeHtml(b.id)}"><h2>${escapeHtml(b.text)}</h2>`;
    }
    case 'subheading':
      return `<h3>${escapeHtml(b.text)}</h3>`;
    case 'paragraph':
      return `<p>${inlineHtml(b.text)}</p>`;
    case 'banner':
      return bannerHtml(b.banner);
    case 'cards':
      return `<div class="cards">${b.cards.map((c) => card(c.title, c.rows)).join('')}</div>`;
    case 'table':
      return htmlTable(b.header, b.rows, { ...(b.id === undefined ? {} : { id: b.id }), ...(b.numeric === undefined ? {} : { numeric: b.numeric }), rowClass: (i) => b.rowClasses?.[i] ?? '' });
    case 'chart':
      return place(b.slot);
    case 'pair': {
      const side = (slot: ChartSlot | undefined): string => (slot === undefined ? `<figure><p class="missing">${escapeHtml(b.missing)}</p></figure>` : place(slot));
      return `<h3>${escapeHtml(b.title)}</h3><div class="pair">${side(b.slots[0])}${side(b.slots[1])}</div>`;
    }
    case 'contents':
      return `<nav><h3>${escapeHtml(b.title)}</h3><ul>${b.items.map(([id, text]) => `<li><a href="#${escapeHtml(id)}">${escapeHtml(text)}</a></li>`).join('')}</ul></nav>`;
    case 'links':
      return `<ul>${b.items.map(([href, text]) => `<li><a href="${escapeHtml(href)}">${inlineHtml(text)}</a></li>`).join('')}</ul>`;
  }
}

/** The whole page. */
export async function renderHtml(blocks: readonly Block[], lang: Lang, title: string): Promise<string> {
  const charts: PageChart[] = [];
  const open = { section: false };
  const body = blocks.map((b) => block(b, lang, charts, open)).join('\n');
  return htmlDocument({ lang, title, body: `${body}${open.section ? '\n</section>' : ''}`, charts });
}
