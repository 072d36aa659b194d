/**
 * rehype plugin: makes an MDX case render in either script from one source. Every
 * text whose conversion differs becomes the MDX expression
 * `{props.script === '<other script>' ? '<converted>' : '<source>'}`, so
 * `<Content script="hant" />` renders 繁體 and `<Content script="hans" />` (or no
 * prop) 简体, and readers never download a conversion dictionary.
 *
 * Which script a file is written in comes from its frontmatter `script`, which Astro's
 * MDX processor passes to plugins as `file.data.astro.frontmatter`; files without one
 * (pages, notes) are left alone. Text inside code, pre, kbd, samp, script and style is
 * never converted. Prose attributes of JSX elements (title, alt, caption, label …) are
 * converted like text; URLs and other attributes never are.
 *
 * `<Zh hant="鍾山區">钟山区</Zh>` fixes one occurrence: the children are the text in
 * the file's script, the attribute the other script's form; `<Zh>…</Zh>` with no
 * attribute keeps the text unconverted in both. The plugin replaces these elements,
 * so no Zh component exists at run time.
 *
 * The expression node's `value` holds the source text rather than JavaScript: the MDX
 * compiler only reads `data.estree`, while Astro's heading-id plugin reads `value` as
 * the heading's text, so headings get their id (and TOC text) from the source script
 * in both variants: the same anchor in 简体 and 繁體.
 */
import type { Program } from 'estree';
import type { Element, ElementContent, Root, RootContent, Text } from 'hast';
import type { MdxJsxFlowElementHast, MdxJsxTextElementHast } from 'mdast-util-mdx-jsx';
import type { MdxTextExpressionHast } from 'mdast-util-mdx-expression';
import type { VFile } from 'vfile';
import { SCRIPTS, type Script } from '../../schemas/script.ts';
import type { ScriptConverter } from './converter.ts';
import { distributeOutput } from './distribute.ts';
import { PROSE_ATTRIBUTES } from './prose-attributes.ts';
import { siteConverter } from './site-converter.ts';

/** Options of the plugin; tests pass a converter with a glossary of their own. */
export interface ScriptVariantsOptions {
	/** Defaults to the site's: content/site.yaml `traditional` and content/glossary.yaml. */
	converter?: ScriptConverter | (() => ScriptConverter);
}

/** Elements whose text is code or machine-readable. */
const VERBATIM_ELEMENTS = new Set(['code', 'pre', 'kbd', 'samp', 'script', 'style', 'math', 'svg']);
/** Inline elements a phrase may run through (头**发** is still one word). */
const PHRASING_ELEMENTS = new Set([
	'a',
	'abbr',
	'b',
	'bdi',
	'bdo',
	'cite',
	'data',
	'del',
	'dfn',
	'em',
	'i',
	'ins',
	'mark',
	'q',
	's',
	'small',
	'span',
	'strong',
	'sub',
	'sup',
	'time',
	'u',
]);

type MdxJsxElement = MdxJsxFlowElementHast | MdxJsxTextElementHast;
type Parent = Root | Element | MdxJsxElement;
type Child = RootContent | ElementContent;

/** The estree of `props.script === '<other>' ? '<converted>' : '<source>'`. */
function variantProgram(source: string, converted: string, sourceScript: Script): Program {
	const other: Script = sourceScript === 'hans' ? 'hant' : 'hans';
	const literal = (value: string) => ({ type: 'Literal' as const, value, raw: JSON.stringify(value) });
	return {
		type: 'Program',
		sourceType: 'module',
		comments: [],
		body: [
			{
				type: 'ExpressionStatement',
				expression: {
					type: 'ConditionalExpression',
					test: {
						type: 'BinaryExpression',
						operator: '===',
						left: {
							type: 'MemberExpression',
							object: { type: 'Identifier', name: 'props' },
							property: { type: 'Identifier', name: 'script' },
							computed: false,
							optional: false,
						},
						right: literal(other),
					},
					consequent: literal(converted),
					alternate: literal(source),
				},
			},
		],
	};
}

/** `{props.script === '<other>' ? '<converted>' : '<source>'}` as an MDX hast node. */
export function variantExpression(source: string, converted: string, sourceScript: Script, position?: Text['position']): MdxTextExpressionHast {
	return {
		type: 'mdxTextExpression',
		value: source,
		...(position ? { position } : {}),
		data: { estree: variantProgram(source, converted, sourceScript) },
	};
}

/** Converts the prose attributes of a JSX element (<Figure caption="…">) the same way. */
function convertAttributes(element: MdxJsxElement, script: Script, converter: ScriptConverter): void {
	const other: Script = script === 'hans' ? 'hant' : 'hans';
	for (const attribute of element.attributes) {
		if (attribute.type !== 'mdxJsxAttribute' || typeof attribute.value !== 'string') continue;
		if (!PROSE_ATTRIBUTES.has(attribute.name)) continue;
		const converted = converter.convert(attribute.value, script, other);
		if (converted === attribute.value) continue;
		attribute.value = {
			type: 'mdxJsxAttributeValueExpression',
			value: attribute.value,
			data: { estree: variantProgram(attribute.value, converted, script) },
		};
	}
}

function where(file: VFile, node: { position?: Text['position'] }): string {
	const line = node.position?.start.line;
	return `${file.path ?? 'MDX file'}${line ? `:${line}` : ''}`;
}

/** The plain text inside a <Zh> element; anything but text (one paragraph wrapper allowed) is an error. */
function zhText(element: MdxJsxElement, file: VFile): { text: string; wrapper?: Element } {
	let children: readonly Child[] = element.children;
	let wrapper: Element | undefined;
	const only = children.length === 1 ? children[0] : undefined;
	if (only?.type === 'element' && only.tagName === 'p') {
		wrapper = only;
		children = only.children;
	}
	let text = '';
	for (const child of children) {
		if (child.type !== 'text') {
			const found = child.type === 'element' ? `<${child.tagName}>` : child.type;
			file.fail(
				`${where(file, element)}: <Zh> takes plain text only, found ${found} inside it; ` + 'put the formatting outside: **<Zh hant="…">…</Zh>**',
				element,
			);
		}
		text += child.value;
	}
	return wrapper ? { text, wrapper } : { text };
}

/** What a <Zh> element becomes: its text, fixed in both scripts or with the given other form. */
function replaceZh(element: MdxJsxElement, script: Script | undefined, file: VFile): Child {
	const forms: Partial<Record<Script, string>> = {};
	for (const attribute of element.attributes) {
		const name = attribute.type === 'mdxJsxAttribute' ? attribute.name : '{…}';
		if (attribute.type !== 'mdxJsxAttribute' || (name !== 'hans' && name !== 'hant')) {
			file.fail(
				`${where(file, element)}: <Zh> accepts only hans="…" or hant="…", found ${name}; ` +
					'write the other script\'s form, e.g. <Zh hant="鍾山區">钟山区</Zh>',
				element,
			);
		}
		if (typeof attribute.value !== 'string') {
			file.fail(`${where(file, element)}: <Zh ${name}=…> needs a quoted string, found an expression; write ${name}="…"`, element);
		}
		forms[name] = attribute.value;
	}
	const { text, wrapper } = zhText(element, file);
	let replacement: ElementContent = { type: 'text', value: text, ...(element.position ? { position: element.position } : {}) };
	if (script && forms[script] !== undefined) {
		const other = script === 'hans' ? 'hant' : 'hans';
		file.fail(
			`${where(file, element)}: this file is written in ${script}, so <Zh>'s text is already the ${script} form; ` +
				`give the ${other} form instead: <Zh ${other}="…">${text}</Zh>`,
			element,
		);
	}
	const otherForm = script ? forms[script === 'hans' ? 'hant' : 'hans'] : undefined;
	if (script && otherForm !== undefined && otherForm !== text) {
		replacement = variantExpression(text, otherForm, script, element.position);
	}
	return wrapper ? { ...wrapper, children: [replacement] } : replacement;
}

/**
 * Converts every text node of the tree (run by run) to expressions that pick the
 * script at render time, and replaces <Zh> elements. `script` undefined only unwraps
 * <Zh> elements.
 */
export function applyScriptVariants(tree: Root, file: VFile, script: Script | undefined, converter?: ScriptConverter): void {
	const other: Script = script === 'hant' ? 'hans' : 'hant';
	let run: Array<{ parent: Parent; index: number; node: Text }> = [];

	const flush = () => {
		if (!run.length || !script || !converter) {
			run = [];
			return;
		}
		const parts = run.map((slot) => slot.node.value);
		const pieces = converter.convertPieces(parts.join(''), script, other);
		const outputs = distributeOutput(pieces, parts);
		run.forEach((slot, i) => {
			const output = outputs[i] ?? slot.node.value;
			if (output === slot.node.value) return;
			slot.parent.children[slot.index] = variantExpression(slot.node.value, output, script, slot.node.position);
		});
		run = [];
	};

	const visit = (parent: Parent) => {
		const children = parent.children as Child[];
		for (let index = 0; index < children.length; index++) {
			const child = children[index];
			if (!child) continue;
			if (child.type === 'text') {
				run.push({ parent, index, node: child });
			} else if (child.type === 'element') {
				if (VERBATIM_ELEMENTS.has(child.tagName)) flush();
				else if (PHRASING_ELEMENTS.has(child.tagName)) visit(child);
				else {
					flush();
					visit(child);
					flush();
				}
			} else if (child.type === 'mdxJsxTextElement' || child.type === 'mdxJsxFlowElement') {
				flush();
				if (child.name === 'Zh') children[index] = replaceZh(child, script, file);
				else {
					if (script && converter) convertAttributes(child, script, converter);
					visit(child);
					flush();
				}
			} else {
				// Expressions, ESM, comments, doctype: not text, and a boundary for phrases.
				flush();
			}
		}
	};

	visit(tree);
	flush();
}

/** The plugin: a file with a frontmatter `script` gets both variants; one without has only its <Zh> elements unwrapped. */
export default function rehypeScriptVariants(options: ScriptVariantsOptions = {}) {
	return (tree: Root, file: VFile) => {
		const frontmatter = (file.data as { astro?: { frontmatter?: Record<string, unknown> } }).astro?.frontmatter;
		const declared = frontmatter?.script;
		if (declared === undefined) {
			applyScriptVariants(tree, file, undefined);
			return;
		}
		if (!SCRIPTS.includes(declared as Script)) {
			file.fail(`${file.path ?? 'MDX file'}: frontmatter script must be "hans" (简体) or "hant" (繁體), found ${JSON.stringify(declared)}`);
		}
		// Expressions exist only in MDX; a Markdown file with a script cannot get a second variant.
		if (file.path && !file.path.endsWith('.mdx')) {
			file.message(`${file.path}: only .mdx files get a converted variant; rename it to .mdx`);
			return;
		}
		const converter = typeof options.converter === 'function' ? options.converter() : (options.converter ?? siteConverter());
		applyScriptVariants(tree, file, declared as Script, converter);
	};
}
