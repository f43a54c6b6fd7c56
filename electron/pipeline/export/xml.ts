/** Just enough XML writing for the FCPXML export: escaped attributes and indented elements, no text content. */

export type XmlAttributes = Readonly<Record<string, string | number>>;

export interface XmlElement {
  name: string;
  attributes: XmlAttributes;
  children: readonly XmlElement[];
}

export function element(name: string, attributes: XmlAttributes, children: readonly XmlElement[] = []): XmlElement {
  return { name, attributes, children };
}

/**
 * Escapes the five XML specials and drops characters XML 1.0 forbids outright (C0 controls other than tab,
 * LF, CR; U+FFFE/U+FFFF), which a title typed into the app could still carry. Tab, LF and CR are written as
 * character references so an attribute keeps them instead of normalising them to spaces.
 */
export function escapeXml(text: string): string {
  return (
    text
      // eslint-disable-next-line no-control-regex -- these are exactly the characters XML 1.0 forbids
      .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '')
      .replace(/&/g, '&amp;')
      .replace(/</g, '&lt;')
      .replace(/>/g, '&gt;')
      .replace(/"/g, '&quot;')
      .replace(/'/g, '&apos;')
      .replace(/\t/g, '&#9;')
      .replace(/\n/g, '&#10;')
      .replace(/\r/g, '&#13;')
  );
}

export function renderXml(root: XmlElement, doctype: string): string {
  return (
    ['<?xml version="1.0" encoding="UTF-8"?>', `<!DOCTYPE ${doctype}>`, ...renderElement(root, 0)].join('\n') + '\n'
  );
}

function renderElement(node: XmlElement, depth: number): string[] {
  const indent = '    '.repeat(depth);
  const attributes = Object.entries(node.attributes)
    .map(([key, value]) => ` ${key}="${escapeXml(String(value))}"`)
    .join('');
  if (node.children.length === 0) return [`${indent}<${node.name}${attributes}/>`];
  return [
    `${indent}<${node.name}${attributes}>`,
    ...node.children.flatMap((child) => renderElement(child, depth + 1)),
    `${indent}</${node.name}>`,
  ];
}
