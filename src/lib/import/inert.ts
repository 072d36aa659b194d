/**
 * Imported text is untrusted: nothing a document says may become code or markup in the
 * MDX the importer writes. The body is built as a syntax tree of text nodes and written by
 * remark-stringify, which escapes `{ } < > [ ] & \`` and the rest; {@link INERT_UNSAFE}
 * adds what it does not know about (`import`/`export` at a line start would be ESM in
 * MDX). {@link mdxHazards} then parses the written MDX again, exactly as MDX reads it, and
 * lists anything that is not plain Markdown — the importer refuses to write such a draft.
 * Frontmatter strings are made inert by {@link inertString}.
 */
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkMdx from 'remark-mdx';
import remarkGfm from 'remark-gfm';
import type { Node } from 'unist';

/** remark-stringify `unsafe` patterns: a line starting `import`/`export` is written `&#x69;mport`. */
export const INERT_UNSAFE = [
	{ atBreak: true, character: 'i', after: 'mport\\b' },
	{ atBreak: true, character: 'e', after: 'xport\\b' },
];

/** Markdown nodes an imported draft may hold: text structure only, no code, no markup. */
const ALLOWED_NODES = new Set([
	'root',
	'paragraph',
	'text',
	'strong',
	'emphasis',
	'heading',
	'list',
	'listItem',
	'table',
	'tableRow',
	'tableCell',
	'thematicBreak',
	'break',
	'link',
]);

/** One thing in written MDX that is not inert text, with where it is. */
export interface MdxHazard {
	type: string;
	line: number;
	column: number;
}

const parser = unified().use(remarkParse).use(remarkMdx).use(remarkGfm);

/**
 * What in `body` (MDX without frontmatter) MDX would treat as code or markup: ESM,
 * `{expressions}`, JSX elements not in `allowedComponents`, raw HTML, code, images, and
 * links to anything but http(s). Empty for an inert draft.
 */
export function mdxHazards(body: string, allowedComponents: readonly string[] = []): MdxHazard[] {
	const hazards: MdxHazard[] = [];
	const walk = (node: Node & { children?: Node[]; name?: string | null; url?: string }) => {
		const allowed =
			ALLOWED_NODES.has(node.type) ||
			((node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement') && !!node.name && allowedComponents.includes(node.name));
		const badUrl = node.type === 'link' && !/^https?:\/\//i.test(node.url ?? '');
		if (!allowed || badUrl) {
			hazards.push({
				type: badUrl ? `link to ${node.url ?? ''}` : node.type,
				line: node.position?.start.line ?? 0,
				column: node.position?.start.column ?? 0,
			});
		}
		for (const child of node.children ?? []) walk(child);
	};
	walk(parser.parse(body) as Node);
	return hazards;
}

const FULLWIDTH: Record<string, string> = { '<': '＜', '>': '＞', '{': '｛', '}': '｝' };

/**
 * A frontmatter string with nothing a template could mistake for markup or an expression:
 * `< > { }` become their full-width forms (as Chinese text writes them), control
 * characters go.
 */
export function inertString(value: string): string {
	// eslint-disable-next-line no-control-regex
	return value.replace(/[<>{}]/g, (c) => FULLWIDTH[c] as string).replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, '');
}

/** True for a URL the draft may keep: http or https only (no `javascript:`, `data:` …). */
export function isSafeUrl(url: string): boolean {
	return /^https?:\/\/[^\s<>"']+$/i.test(url.trim());
}

/** Applies {@link inertString} to every string in frontmatter data; drops unsafe `url` values. */
export function inertFrontmatter<T>(value: T): T {
	if (typeof value === 'string') return inertString(value) as T;
	if (Array.isArray(value)) return value.map((v) => inertFrontmatter(v)) as T;
	if (value && typeof value === 'object' && !(value instanceof Date)) {
		const out: Record<string, unknown> = {};
		for (const [key, v] of Object.entries(value)) {
			if (key === 'url' && typeof v === 'string' && !isSafeUrl(v)) continue;
			out[key] = inertFrontmatter(v);
		}
		return out as T;
	}
	return value;
}
