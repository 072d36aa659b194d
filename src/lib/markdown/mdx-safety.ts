/**
 * What a case or issue body may contain: Markdown, GFM tables and the project's own
 * components, nothing that runs code at build time or publishes live markup. Content is
 * untrusted (it comes from imported documents and many editors), so the build and
 * `npm run check` both run this scan through the one remark plugin
 * ({@link remarkSafeMdx}) in the shared plugin list.
 *
 * Refused unless the site sets `trustedMdx: true`: `import`/`export` lines, `{expressions}`
 * (anywhere, attributes too; a `{/* comment *\/}` is fine), JSX/HTML elements outside the
 * allow-list and attributes outside theirs. Always refused: links, images and definitions
 * whose URL scheme is not http, https, mailto or tel (javascript:, data:, vbscript: …).
 */
import type { Nodes, Root } from 'mdast';
import type { VFile } from 'vfile';
import { checkMessages } from '../i18n/messages/index.ts';

/** The project's own components and the attributes each takes. */
export const COMPONENTS: ReadonlyMap<string, ReadonlySet<string>> = new Map([['Zh', new Set(['hans', 'hant'])]]);

/** Harmless inline HTML an editor may write (no attributes but these). */
const HTML_ELEMENTS = new Set(['br', 'sub', 'sup', 'u', 'mark', 'small', 'abbr', 'ruby', 'rt', 'rp', 'del', 'ins', 'b', 'i', 'em', 'strong']);
const HTML_ATTRIBUTES = new Set(['title', 'lang']);

/** URL schemes a link or image may use; a URL without a scheme (relative, #anchor) is fine. */
const SAFE_SCHEMES = new Set(['http', 'https', 'mailto', 'tel']);

/** One refused construct, at its place in the file. */
export interface SafetyFinding {
	line: number;
	column: number;
	/** What was found, as the editor wrote it (shortened). */
	found: string;
	/** How to write it instead. */
	advice: string;
}

/** The scheme of a URL as a browser reads it (control characters and blanks ignored), lower-case. */
export function urlScheme(url: string): string | undefined {
	// eslint-disable-next-line no-control-regex
	const cleaned = url.replace(/[\u0000-\u0020\u007f]/g, '').toLowerCase();
	return /^([a-z][a-z0-9+.-]*):/.exec(cleaned)?.[1];
}

/** True for URLs a published page may link to: http(s), mailto, tel, or no scheme. */
export function isSafeUrl(url: string): boolean {
	const scheme = urlScheme(url);
	return scheme === undefined || SAFE_SCHEMES.has(scheme);
}

function shorten(text: string, max = 40): string {
	const flat = text.replace(/\s+/g, ' ').trim();
	return flat.length > max ? `${flat.slice(0, max)}…` : flat;
}

/** True for `{/* … *\/}`: an expression holding only comments runs nothing. */
function isCommentOnly(node: { value: string; data?: { estree?: { body: unknown[] } | null } }): boolean {
	const estree = node.data?.estree;
	if (estree) return estree.body.length === 0;
	return /^\s*\/\*[\s\S]*\*\/\s*$/.test(node.value);
}

type JsxNode = Extract<Nodes, { type: 'mdxJsxFlowElement' | 'mdxJsxTextElement' }>;

function jsxFindings(node: JsxNode, at: (n: { position?: Nodes['position'] }) => { line: number; column: number }): SafetyFinding[] {
	const findings: SafetyFinding[] = [];
	const name = node.name;
	const component = name ? COMPONENTS.get(name) : undefined;
	const allowedAttributes = component ?? (name && HTML_ELEMENTS.has(name) ? HTML_ATTRIBUTES : undefined);
	if (!allowedAttributes) {
		findings.push({ ...at(node), found: `<${name ?? ''}>`, advice: checkMessages.adviceElement(name ?? '', [...COMPONENTS.keys()]) });
		return findings;
	}
	for (const attribute of node.attributes) {
		if (attribute.type === 'mdxJsxExpressionAttribute') {
			findings.push({ ...at(attribute), found: `<${name} {${shorten(attribute.value)}}>`, advice: checkMessages.adviceExpression() });
			continue;
		}
		if (!allowedAttributes.has(attribute.name)) {
			findings.push({
				...at(attribute),
				found: `<${name} ${attribute.name}=…>`,
				advice: checkMessages.adviceAttribute(name!, [...allowedAttributes]),
			});
		} else if (attribute.value && typeof attribute.value === 'object') {
			findings.push({
				...at(attribute),
				found: `<${name} ${attribute.name}={${shorten(attribute.value.value)}}>`,
				advice: checkMessages.adviceAttributeExpression(attribute.name),
			});
		}
	}
	return findings;
}

/** Every refused construct of a parsed MDX tree, in document order. */
export function findUnsafeMdx(tree: Root, options: { trusted?: boolean } = {}): SafetyFinding[] {
	const findings: SafetyFinding[] = [];
	const at = (node: { position?: Nodes['position'] }) => ({ line: node.position?.start.line ?? 1, column: node.position?.start.column ?? 1 });
	const visit = (node: Nodes) => {
		switch (node.type) {
			case 'mdxjsEsm':
				if (!options.trusted) findings.push({ ...at(node), found: shorten(node.value), advice: checkMessages.adviceEsm() });
				break;
			case 'mdxFlowExpression':
			case 'mdxTextExpression':
				if (!options.trusted && !isCommentOnly(node)) {
					findings.push({ ...at(node), found: `{${shorten(node.value)}}`, advice: checkMessages.adviceExpression() });
				}
				break;
			case 'mdxJsxFlowElement':
			case 'mdxJsxTextElement':
				if (!options.trusted) findings.push(...jsxFindings(node, at));
				break;
			case 'html':
				if (!options.trusted)
					findings.push({ ...at(node), found: shorten(node.value), advice: checkMessages.adviceElement('', [...COMPONENTS.keys()]) });
				break;
			case 'link':
			case 'image':
			case 'definition':
				if (!isSafeUrl(node.url)) findings.push({ ...at(node), found: shorten(node.url), advice: checkMessages.adviceUrl() });
				break;
		}
		if ('children' in node) for (const child of node.children) visit(child);
	};
	visit(tree);
	return findings;
}

/**
 * The error a build or check raises for a body with refused constructs: its message names
 * every place; `line`/`column` (the first place) are what Astro's MDX plugin reports, and
 * `findings` lists them all for `npm run check`.
 */
export class UnsafeMdxError extends Error {
	readonly findings: SafetyFinding[];
	readonly line: number;
	readonly column: number;
	constructor(file: string, findings: SafetyFinding[]) {
		const first = findings[0]!;
		const lines = findings.map((f) => `${file}:${f.line}:${f.column} ${checkMessages.unsafeFound(f.found)} ${f.advice}`);
		super(`${checkMessages.unsafeHeading(findings.length)}\n${lines.join('\n')}`);
		this.name = 'UnsafeMdxError';
		this.line = first.line;
		this.column = first.column;
		this.findings = findings;
	}
}

/**
 * remark plugin: refuses a body holding anything {@link findUnsafeMdx} reports, with one
 * error naming every place (file:line:column, what was found, how to write it instead).
 */
export default function remarkSafeMdx(options: { trusted?: boolean } = {}) {
	return (tree: Root, file: VFile) => {
		const findings = findUnsafeMdx(tree, options);
		if (findings.length) throw new UnsafeMdxError(file.path || 'MDX', findings);
	};
}
