/**
 * Drafts → MDX text. The body is built as a Markdown syntax tree and serialised by
 * remark-stringify with remark-mdx, so `{ } < >`, `import`/`export` lines and the like in
 * the text are escaped (see inert.ts) and can never run or render as markup;
 * remark-cjk-friendly keeps **bold leads** followed by Chinese readable. Frontmatter is
 * written by `yaml` from inert strings, with comments telling the editor where each guess
 * came from. The body is parsed again as MDX and must hold nothing but text structure.
 */
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkStringify from 'remark-stringify';
import remarkMdx from 'remark-mdx';
import remarkGfm from 'remark-gfm';
import remarkCjkFriendly from 'remark-cjk-friendly';
import { Document, isMap, isScalar, type Pair } from 'yaml';
import type { Root, RootContent, PhrasingContent, ListItem } from 'mdast';
import type { BodyNode } from './points.ts';
import { INERT_UNSAFE, inertFrontmatter, mdxHazards } from './inert.ts';

/** Comments to put above top-level frontmatter keys, by key. */
export type FrontmatterComments = Partial<Record<string, string>>;

/** YAML frontmatter of inert strings (see inert.ts), with `comments` above their keys. */
export function frontmatterYaml(data: Record<string, unknown>, comments: FrontmatterComments = {}, header?: string): string {
	const doc = new Document(inertFrontmatter(data));
	if (header)
		doc.commentBefore = header
			.split('\n')
			.map((l) => ` ${l}`)
			.join('\n');
	if (isMap(doc.contents)) {
		for (const pair of doc.contents.items as Pair[]) {
			const key = isScalar(pair.key) ? String(pair.key.value) : undefined;
			const comment = key ? comments[key] : undefined;
			if (comment && isScalar(pair.key))
				pair.key.commentBefore = comment
					.split('\n')
					.map((l) => ` ${l}`)
					.join('\n');
		}
	}
	return doc.toString({ lineWidth: 0, indent: 2 });
}

function text(value: string): PhrasingContent {
	return { type: 'text', value };
}

function phrasing(body: string, lead?: string): PhrasingContent[] {
	const children: PhrasingContent[] = [];
	if (lead) children.push({ type: 'strong', children: [text(lead)] });
	if (body) children.push(text(body));
	return children;
}

/** Turns a body's nodes into an mdast tree for `mdastToMdx`; a point's lead is bold. */
export function bodyToMdast(nodes: BodyNode[]): Root {
	const children: RootContent[] = nodes.map((node): RootContent => {
		if (node.type === 'heading') {
			return { type: 'heading', depth: Math.min(6, Math.max(1, node.depth)) as 1 | 2 | 3 | 4 | 5 | 6, children: [text(node.text)] };
		}
		if (node.type === 'table') {
			const width = Math.max(...node.rows.map((r) => r.length));
			return {
				type: 'table',
				align: Array.from({ length: width }, () => null),
				children: node.rows.map((row) => ({
					type: 'tableRow',
					children: Array.from({ length: width }, (_, i) => ({ type: 'tableCell', children: row[i] ? [text(row[i])] : [] })),
				})),
			};
		}
		if (node.type === 'list') {
			return {
				type: 'list',
				ordered: false,
				spread: false,
				children: node.items.map((item): ListItem => ({
					type: 'listItem',
					spread: false,
					children: [{ type: 'paragraph', children: phrasing(item.text, item.lead) }],
				})),
			};
		}
		return { type: 'paragraph', children: phrasing(node.text, node.lead) };
	});
	return { type: 'root', children };
}

const stringifier = unified()
	.use(remarkMdx)
	.use(remarkGfm)
	.use(remarkCjkFriendly)
	.use(remarkStringify, { bullet: '-', emphasis: '*', strong: '*', listItemIndent: 'one', rule: '-', unsafe: INERT_UNSAFE });
const mdxParser = unified().use(remarkParse).use(remarkMdx).use(remarkGfm);

/** Serialises a body tree to MDX, and checks that it parses back as inert MDX. */
export function mdastToMdx(tree: Root): string {
	const out = stringifier.stringify(tree);
	let hazards;
	try {
		hazards = mdxHazards(out);
	} catch (error) {
		throw new Error(
			`internal error: the importer produced MDX that does not parse (${(error as Error).message}); please report this with the source document`,
			{ cause: error },
		);
	}
	if (hazards.length > 0) {
		const list = hazards.map((h) => `${h.type} at ${h.line}:${h.column}`).join(', ');
		throw new Error(`internal error: the importer produced MDX with code or markup in it (${list}); please report this with the source document`);
	}
	return out;
}

/** A complete .mdx file: frontmatter and body. */
export function mdxDocument(frontmatter: string, body: string): string {
	const trimmedBody = body.trim();
	return `---\n${frontmatter.trimEnd()}\n---\n${trimmedBody ? `\n${trimmedBody}\n` : ''}`;
}

/** Throws when `mdx` does not parse as MDX (used for bodies written by hand, not from a tree). */
export function assertMdxParses(mdx: string): void {
	mdxParser.parse(mdx);
}
