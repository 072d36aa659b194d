/**
 * Attributes of JSX elements in MDX that hold prose (<Figure caption="…">) and are
 * converted like text. Every other attribute (href, src, id, class …) is left alone.
 */
export const PROSE_ATTRIBUTES: ReadonlySet<string> = new Set([
	'title',
	'alt',
	'caption',
	'label',
	'summary',
	'description',
	'aria-label',
	'placeholder',
]);
