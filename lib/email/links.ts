const ENTITIES: Record<string, string> = { "&amp;": "&", "&quot;": '"', "&#x27;": "'", "&#39;": "'", "&lt;": "<", "&gt;": ">" };

/** The http(s) links of a rendered email, in order, without repeats. */
export function linksIn(html: string): string[] {
  const links = new Set<string>();
  for (const [, raw] of html.matchAll(/\bhref="([^"]*)"/g)) {
    const href = raw.replace(/&(?:amp|quot|#x27|#39|lt|gt);/g, (entity) => ENTITIES[entity]);
    if (/^https?:\/\//i.test(href)) links.add(href);
  }
  return [...links];
}
