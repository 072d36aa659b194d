/**
 * The one YAML frontmatter splitter (check, validation, script conversion, importer,
 * scaffolding and tests all use it), keeping what is needed to point an editor at the
 * exact line of a problem (YAML syntax errors and field paths).
 *
 * Only a line that is exactly `---` (trailing blanks allowed) closes the frontmatter, so
 * `title: 标题---` and an indented `---` inside a block scalar stay YAML.
 */
import { LineCounter, parseDocument, isNode, type Document } from 'yaml';

/** A file split into frontmatter and body, with where each starts so problems can be located. */
export interface SplitFile {
	/** YAML text between the --- fences ('' when the file has none). */
	yaml: string;
	body: string;
	/** 1-based line of the first YAML line in the file. */
	yamlStartLine: number;
	/** 1-based line of the first body line in the file. */
	bodyStartLine: number;
	hasFrontmatter: boolean;
	/** UTF-16 offset in the file (after a BOM) where the body starts. */
	bodyOffset: number;
	/**
	 * 1-based lines inside the frontmatter that begin with `---` without being a fence
	 * (`---abc`): Astro's own splitter would end the frontmatter there, so they are errors.
	 */
	ambiguousFenceLines: number[];
}

const FENCE_LINE = /^---[ \t]*$/;

function withoutBreak(line: string): string {
	return line.replace(/\r?\n$/, '');
}

/** The offset just past the line that starts at `start` (its line break included). */
function lineEnd(source: string, start: number): number {
	const newline = source.indexOf('\n', start);
	return newline < 0 ? source.length : newline + 1;
}

/**
 * Splits `text` into frontmatter and body; see the module comment for what closes it.
 * Reads line by line up to the closing fence only: the body is never scanned.
 */
export function splitFrontmatter(text: string): SplitFile {
	const source = text.replace(/^\uFEFF/, '');
	const none: SplitFile = {
		yaml: '',
		body: source,
		yamlStartLine: 1,
		bodyStartLine: 1,
		hasFrontmatter: false,
		bodyOffset: 0,
		ambiguousFenceLines: [],
	};
	const yamlStart = lineEnd(source, 0);
	if (!FENCE_LINE.test(withoutBreak(source.slice(0, yamlStart)))) return none;
	const ambiguousFenceLines: number[] = [];
	// `index` is the 0-based number of the line starting at `offset`.
	for (let offset = yamlStart, index = 1; offset < source.length; index++) {
		const next = lineEnd(source, offset);
		const line = withoutBreak(source.slice(offset, next));
		if (FENCE_LINE.test(line)) {
			return {
				yaml: source.slice(yamlStart, offset).replace(/\r?\n$/, ''),
				body: source.slice(next),
				yamlStartLine: 2,
				bodyStartLine: index + 2,
				hasFrontmatter: true,
				bodyOffset: next,
				ambiguousFenceLines,
			};
		}
		if (line.startsWith('---')) ambiguousFenceLines.push(index + 1);
		offset = next;
	}
	return none;
}

/**
 * The file with its frontmatter blanked out (every character but line breaks becomes a
 * space), so a Markdown parser's lines, columns and offsets are the file's own. This is
 * what Astro's MDX plugin compiles.
 */
export function blankFrontmatter(text: string): string {
	const source = text.replace(/^\uFEFF/, '');
	const split = splitFrontmatter(source);
	if (!split.hasFrontmatter) return source;
	return source.slice(0, split.bodyOffset).replace(/[^\r\n]/g, ' ') + split.body;
}

/** Parsed YAML with its syntax errors and a way to find the file line of any field. */
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
