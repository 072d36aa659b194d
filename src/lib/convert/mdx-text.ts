/**
 * The prose of an MDX file as the build converts it: runs of text (a paragraph's text
 * through bold, italics and links, CJK line breaks joined as remark-join-cjk-lines
 * joins them), each character mapped back to its offset in the file so a warning can
 * name the file's line. Prose attributes of JSX elements (title, caption …) are runs of
 * their own; frontmatter, code, HTML, expressions, ESM and other attributes contribute
 * no text. <Zh> elements contribute none either (the conversion checks leave them alone:
 * their other form is given by hand) unless `inlineZh` asks for their text as the page
 * shows it, within the run, as the search index does.
 */
import type { Nodes, Root } from 'mdast';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { blankFrontmatter } from '../content/frontmatter.ts';
import { remarkPlugins } from '../markdown/plugins.ts';
import { joinCjkLines } from '../markdown/remark-join-cjk-lines.ts';
import { PROSE_ATTRIBUTES } from './prose-attributes.ts';

/** A stretch of prose converted as one piece, with each unit's place in the file. */
export interface TextRun {
	text: string;
	/** File offset (UTF-16) of each UTF-16 unit of `text`. */
	offsets: number[];
}

/** How to read a file's runs. */
export interface TextRunOptions {
	/** A <Zh> element's text (in the file's own script) stays in its run, as text within bold does; by default it has none and ends the run. */
	inlineZh?: boolean;
}

/** Phrasing containers a run continues through. */
const TRANSPARENT = new Set(['emphasis', 'strong', 'delete', 'link', 'linkReference']);

/** The build's own syntax (the shared plugin list); only parsing runs here, no transforms. */
const parser = unified().use(remarkParse).use(remarkMdx).use(remarkPlugins());

/**
 * Offsets of `value`'s units in `raw` (which starts at `base`): `value` is `raw` with
 * escapes and character references resolved, so its characters appear in `raw` in
 * order; one that does not (a reference such as &#x4e2d;) takes the current position.
 */
function alignInto(value: string, raw: string, base: number): number[] {
	const offsets: number[] = [];
	let position = 0;
	for (let i = 0; i < value.length; i++) {
		const found = raw.indexOf(value[i] ?? '', position);
		if (found === -1) offsets.push(base + Math.min(position, raw.length - 1));
		else {
			offsets.push(base + found);
			position = found + 1;
		}
	}
	return offsets;
}

/** Offsets for the text after joining CJK line breaks, which only removes characters. */
function joinLines(run: TextRun): TextRun {
	const joined = joinCjkLines(run.text);
	if (joined === run.text) return run;
	const offsets: number[] = [];
	let j = 0;
	for (let i = 0; i < run.text.length && j < joined.length; i++) {
		if (run.text[i] === joined[j]) {
			offsets.push(run.offsets[i] ?? 0);
			j++;
		}
	}
	return { text: joined, offsets };
}

/** The prose runs of an MDX file, in document order. */
export function textRunsOfMdx(fileText: string, options: TextRunOptions = {}): TextRun[] {
	// Blank the frontmatter out (keeping line breaks) so offsets stay the file's.
	const source = blankFrontmatter(fileText);
	const tree = parser.parse(source) as Root;
	const runs: TextRun[] = [];
	let current: TextRun = { text: '', offsets: [] };
	const flush = () => {
		if (current.text) runs.push(joinLines(current));
		current = { text: '', offsets: [] };
	};
	const visit = (node: Nodes) => {
		if (node.type === 'text') {
			const start = node.position?.start.offset;
			const end = node.position?.end.offset;
			if (start === undefined || end === undefined) return;
			current.text += node.value;
			current.offsets.push(...alignInto(node.value, source.slice(start, end), start));
			return;
		}
		const isZh = (node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement') && node.name === 'Zh';
		if ((TRANSPARENT.has(node.type) || (isZh && options.inlineZh)) && 'children' in node) {
			for (const child of node.children) visit(child);
			return;
		}
		flush();
		if (node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement') {
			if (isZh) return;
			for (const attribute of node.attributes) {
				const start = attribute.position?.start.offset;
				const end = attribute.position?.end.offset;
				if (attribute.type !== 'mdxJsxAttribute' || typeof attribute.value !== 'string') continue;
				if (!PROSE_ATTRIBUTES.has(attribute.name) || start === undefined || end === undefined) continue;
				const raw = source.slice(start, end);
				const valueStart = raw.indexOf('=') + 1;
				runs.push({ text: attribute.value, offsets: alignInto(attribute.value, raw.slice(valueStart), start + valueStart) });
			}
		}
		if ('children' in node) {
			for (const child of node.children) visit(child);
			flush();
		}
	};
	visit(tree);
	flush();
	return runs;
}
