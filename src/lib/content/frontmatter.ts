/**
 * Splits an MDX file into YAML frontmatter and body, keeping what is needed to point
 * an editor at the exact line of a problem (YAML syntax errors and field paths).
 */
import { LineCounter, parseDocument, isNode, type Document } from 'yaml';

export interface SplitFile {
	/** YAML text between the --- fences ('' when the file has none). */
	yaml: string;
	body: string;
	/** 1-based line of the first YAML line in the file. */
	yamlStartLine: number;
	/** 1-based line of the first body line in the file. */
	bodyStartLine: number;
	hasFrontmatter: boolean;
}

const FENCE = /^---[ \t]*\r?\n([\s\S]*?)\r?\n?---[ \t]*(?:\r?\n|$)/;

export function splitFrontmatter(text: string): SplitFile {
	const source = text.replace(/^\uFEFF/, '');
	const match = FENCE.exec(source);
	if (!match) return { yaml: '', body: source, yamlStartLine: 1, bodyStartLine: 1, hasFrontmatter: false };
	const yaml = match[1] ?? '';
	const fenceLines = match[0].split('\n').length - (match[0].endsWith('\n') ? 1 : 0);
	return {
		yaml,
		body: source.slice(match[0].length),
		yamlStartLine: 2,
		bodyStartLine: fenceLines + 1,
		hasFrontmatter: true,
	};
}

export interface ParsedYaml {
	data: unknown;
	/** Syntax errors with 1-based file lines. */
	errors: Array<{ line: number; message: string }>;
	/** 1-based file line of the value at a field path, if it exists. */
	lineOf(path: ReadonlyArray<PropertyKey>): number | undefined;
}

/** Parses YAML text that starts at `startLine` of its file. */
export function parseYaml(yaml: string, startLine = 1): ParsedYaml {
	const lineCounter = new LineCounter();
	const doc: Document = parseDocument(yaml, { lineCounter, prettyErrors: false, uniqueKeys: true });
	const errors = doc.errors.map((error) => {
		const line = lineCounter.linePos(error.pos[0]).line;
		return {
			line: line + startLine - 1,
			message: error.message.split('\n')[0] ?? error.message,
		};
	});
	return {
		data: errors.length ? undefined : doc.toJS(),
		errors,
		lineOf(path) {
			for (let depth = path.length; depth >= 0; depth--) {
				const node = depth === 0 ? doc.contents : doc.getIn(path.slice(0, depth) as unknown[], true);
				if (isNode(node) && node.range) return lineCounter.linePos(node.range[0]).line + startLine - 1;
			}
			return undefined;
		},
	};
}
