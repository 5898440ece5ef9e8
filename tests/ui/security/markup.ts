// Renders a view to static HTML (there is no DOM in these tests) and reads its text back.
import { createElement, type FunctionComponent } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';

export function render<P extends object>(component: FunctionComponent<P>, props: P): string {
  return renderToStaticMarkup(createElement(component, props));
}

const ENTITIES: Record<string, string> = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#x27;': "'" };

/** The text a reader sees: tags dropped, entities decoded. */
export function textOf(html: string): string {
  return html.replace(/<[^>]*>/g, '').replace(/&(?:amp|lt|gt|quot|#x27);/g, (e) => ENTITIES[e]);
}

/** Text of every element carrying `className`, in document order. */
export function textsByClass(html: string, className: string): string[] {
  const open = new RegExp(`<(\\w+)[^>]*\\bclass="(?:[^"]*\\s)?${className}(?:\\s[^"]*)?"[^>]*>`, 'g');
  return [...html.matchAll(open)].map((m) => textOf(innerHtml(html, m[1], m.index + m[0].length)));
}

/** The markup from `from` up to the close of the `tag` element opened just before it, nesting counted. */
function innerHtml(html: string, tag: string, from: number): string {
  const tags = new RegExp(`<(/?)${tag}\\b[^>]*>`, 'g');
  tags.lastIndex = from;
  let depth = 1;
  for (let m = tags.exec(html); m; m = tags.exec(html)) {
    depth += m[1] ? -1 : 1;
    if (depth === 0) return html.slice(from, m.index);
  }
  throw new Error(`<${tag}> at ${from} is never closed`);
}
