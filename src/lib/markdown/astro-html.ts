/**
 * Writes a body's hast tree (as the MDX compiler's rehype stage leaves it) to the HTML that
 * Astro would print for the compiled MDX module, byte for byte, for one script: text
 * escaped as Astro escapes it (& < > ' "), attributes as its JSX renderer writes them
 * (`true` bare, table cell `align` as `style="text-align:…"`), void elements closed with
 * `/>`, line breaks between table rows dropped and blank text at the ends of the body
 * trimmed as hast-util-to-estree does.
 *
 * Only what a safe body can hold is written: elements, text, the script-variant
 * expressions of rehype-script-variants.ts (and `{/* comments *\/}`), and JSX elements
 * named like HTML elements. Anything else (a component, an expression that computes,
 * ESM) throws {@link NotPlainHtml}: such a body stays an MDX module.
 */
import type { Element, ElementContent, Properties, Root, RootContent } from 'hast';
import type { MdxJsxAttribute, MdxJsxAttributeValueExpression, MdxJsxExpressionAttribute } from 'mdast-util-mdx-jsx';
import { find, html as htmlSchema } from 'property-information';
import type { Script } from '../../schemas/script.ts';

/** Thrown for a node only the MDX module path can render. */
export class NotPlainHtml extends Error {}

const VOID_ELEMENTS = /^(area|base|br|col|command|embed|hr|img|input|keygen|link|meta|param|source|track|wbr)$/i;
/** Attributes Astro writes bare when true and leaves out when false. */
const BOOLEAN_ATTRIBUTES =
	/^(?:allowfullscreen|async|autofocus|autoplay|checked|controls|default|defer|disabled|disablepictureinpicture|disableremoteplayback|formnovalidate|inert|loop|muted|nomodule|novalidate|open|playsinline|readonly|required|reversed|scoped|seamless|selected|itemscope)$/i;
const TABLE_ELEMENTS = new Set(['table', 'tbody', 'thead', 'tfoot', 'tr']);
const TABLE_CELLS = new Set(['td', 'th']);

const TEXT_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', "'": '&#39;', '"': '&quot;' };

/** Text as Astro's escapeHTML writes it. */
export function escapeText(value: string): string {
	return value.replace(/[&<>'"]/g, (c) => TEXT_ESCAPES[c]!);
}

function escapeAttribute(value: string): string {
	return value.replace(/&/g, '&amp;').replace(/"/g, '&quot;');
}

/** One attribute as Astro's addAttribute writes it. */
function attribute(name: string, value: string | true): string {
	if (value === true) return ` ${name}`;
	if (BOOLEAN_ATTRIBUTES.test(name)) return value ? ` ${name}` : '';
	if (value === '') return ` ${name}`;
	return ` ${name}="${escapeAttribute(value)}"`;
}

type ExpressionLike = { value?: string; data?: { estree?: { body: unknown[] } | null | undefined } | undefined };

/** The string a script-variant expression (or a comment, '') gives in `script`. */
function expressionText(node: ExpressionLike, script: Script): string {
	const body = node.data?.estree?.body;
	if (!body) throw new NotPlainHtml('expression without a syntax tree');
	if (body.length === 0) return '';
	const statement = body[0] as { type: string; expression?: Record<string, unknown> };
	const test = statement.expression?.test as
		{ left?: { object?: { name?: string }; property?: { name?: string } }; right?: { value?: unknown } } | undefined;
	const consequent = statement.expression?.consequent as { type?: string; value?: unknown } | undefined;
	const alternate = statement.expression?.alternate as { type?: string; value?: unknown } | undefined;
	if (
		body.length !== 1 ||
		statement.type !== 'ExpressionStatement' ||
		statement.expression?.type !== 'ConditionalExpression' ||
		test?.left?.object?.name !== 'props' ||
		test.left.property?.name !== 'script' ||
		typeof test.right?.value !== 'string' ||
		consequent?.type !== 'Literal' ||
		typeof consequent.value !== 'string' ||
		alternate?.type !== 'Literal' ||
		typeof alternate.value !== 'string'
	) {
		throw new NotPlainHtml('an expression that is not a script variant');
	}
	return script === test.right.value ? consequent.value : alternate.value;
}

function elementAttributes(tagName: string, properties: Properties): string {
	let out = '';
	let align: string | undefined;
	for (const [key, raw] of Object.entries(properties)) {
		const info = find(htmlSchema, key);
		if (raw === null || raw === undefined || raw === false || (typeof raw === 'number' && Number.isNaN(raw)) || (!raw && info.boolean)) continue;
		const value: string | true = raw === true ? true : Array.isArray(raw) ? raw.join(info.commaSeparated ? ', ' : ' ') : String(raw);
		if (info.attribute === 'style') throw new NotPlainHtml('a style attribute');
		if (TABLE_CELLS.has(tagName) && info.attribute === 'align' && value !== true) {
			align = value;
			continue;
		}
		out += attribute(info.attribute, value);
	}
	if (align !== undefined) out += ` style="${escapeAttribute(`text-align:${align}`)}"`;
	return out;
}

function jsxAttributes(attributes: ReadonlyArray<MdxJsxAttribute | MdxJsxExpressionAttribute>, script: Script): string {
	let out = '';
	for (const a of attributes) {
		if (a.type !== 'mdxJsxAttribute') throw new NotPlainHtml('a spread attribute');
		const value = a.value;
		if (value === null || value === undefined) out += attribute(a.name, true);
		else if (typeof value === 'string') out += attribute(a.name, value);
		else out += attribute(a.name, expressionText(value as MdxJsxAttributeValueExpression & ExpressionLike, script));
	}
	return out;
}

function tag(name: string, attributes: string, children: string, empty: boolean): string {
	if (empty && VOID_ELEMENTS.test(name)) return `<${name}${attributes}/>`;
	return `<${name}${attributes}>${children}</${name}>`;
}

function children(nodes: readonly (RootContent | ElementContent)[], script: Script, inTable: boolean): string {
	let out = '';
	for (const node of nodes) {
		if (inTable && node.type === 'text' && node.value === '\n') continue;
		out += write(node, script);
	}
	return out;
}

function write(node: RootContent | ElementContent, script: Script): string {
	switch (node.type) {
		case 'text':
			return escapeText(node.value);
		case 'element': {
			const element = node as Element;
			return tag(
				element.tagName,
				elementAttributes(element.tagName, element.properties),
				children(element.children, script, TABLE_ELEMENTS.has(element.tagName.toLowerCase())),
				element.children.length === 0,
			);
		}
		case 'comment':
			return '';
		case 'mdxTextExpression':
		case 'mdxFlowExpression':
			return escapeText(expressionText(node as ExpressionLike, script));
		case 'mdxJsxTextElement':
		case 'mdxJsxFlowElement': {
			const name = node.name;
			if (!name || !/^[a-z][a-z0-9]*$/.test(name)) throw new NotPlainHtml(`the component <${name ?? ''}>`);
			return tag(name, jsxAttributes(node.attributes, script), children(node.children, script, TABLE_ELEMENTS.has(name)), node.children.length === 0);
		}
		default:
			throw new NotPlainHtml(`a ${node.type} node`);
	}
}

function isBlank(node: RootContent): boolean {
	return node.type === 'text' && /^[ \t\n\f\r]*$/.test(node.value);
}

/** The HTML Astro prints for this body tree in `script`; throws {@link NotPlainHtml} for what only MDX can render. */
export function astroHtml(tree: Root, script: Script): string {
	let start = 0;
	let end = tree.children.length;
	while (start < end && isBlank(tree.children[start]!)) start++;
	while (end > start && isBlank(tree.children[end - 1]!)) end--;
	return children(tree.children.slice(start, end), script, false);
}
