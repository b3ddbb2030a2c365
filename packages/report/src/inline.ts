// The report's one piece of markup in plain text: a name or a tool's own message written as `code` (backticks), set as code in HTML and Markdown alike.

/** Text as inline code: backticks inside would end it early, so they become quotes. */
export function code(text: string): string {
  return `\`${text.replaceAll('`', "'")}\``;
}
