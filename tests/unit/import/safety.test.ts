/**
 * Imported text is inert: hostile .txt, .html and .docx documents (ESM lines, expressions,
 * script tags, event handlers, entities, javascript: links) give drafts that @mdx-js/mdx
 * compiles to nothing but text structure, with inert frontmatter.
 */
import { compile } from '@mdx-js/mdx';
import { Document, Packer, Paragraph, TextRun } from 'docx';
import type { Node } from 'unist';
import { describe, expect, it } from 'vitest';
import { inertString, mdxHazards } from '../../../src/lib/import/inert.ts';
import type { DocumentImport } from '../../../src/lib/import/import.ts';
import { importBytes, importText, splitMdx } from './support.ts';

const PROSE = '某某县坚持党建引领基层治理，组织党员干部深入群众，全县共有120个村参与积分评比，群众满意度达到98%。';
/** Lines a hostile document carries, each on its own line or inside prose. */
const HOSTILE = [
	'import fs from "node:fs"',
	'export const leak = fs.readFileSync("/etc/hostname", "utf8")',
	'   import os from "node:os"',
	`${PROSE}{fs.readFileSync("/etc/hostname","utf8")}{process.env.HOME}`,
	`<script>alert(1)</script>${PROSE}`,
	`<img src=x onerror=alert(1)>${PROSE}<Zh>干</Zh>`,
	`${PROSE}[点我](javascript:alert(document.domain)) <javascript:alert(1)> ![图](javascript:x)`,
	`${PROSE}&lt;b&gt;加粗&lt;/b&gt; &#x3C;script&#x3E; 满意度<90%，x<5且y>3，《办法{试行}》`,
	'export default function Layout() { return null }',
	`${PROSE}<!-- comment --> \`code\` $$x$$`,
];

/** Every mdast node type of a compiled body, read inside @mdx-js/mdx's own pipeline. */
async function compiledNodeTypes(body: string): Promise<Array<{ type: string; name?: string; url?: string }>> {
	const seen: Array<{ type: string; name?: string; url?: string }> = [];
	const collect = () => (tree: Node) => {
		const walk = (node: Node & { children?: Node[]; name?: string; url?: string }) => {
			seen.push({ type: node.type, ...(node.name ? { name: node.name } : {}), ...(node.url ? { url: node.url } : {}) });
			for (const child of node.children ?? []) walk(child);
		};
		walk(tree);
	};
	await compile(body, { remarkPlugins: [collect] });
	return seen;
}

const CODE_OR_MARKUP = new Set([
	'mdxjsEsm',
	'mdxFlowExpression',
	'mdxTextExpression',
	'mdxJsxFlowElement',
	'mdxJsxTextElement',
	'html',
	'code',
	'inlineCode',
	'image',
]);

/** Every string value in parsed frontmatter. */
function strings(value: unknown): string[] {
	if (typeof value === 'string') return [value];
	if (Array.isArray(value)) return value.flatMap(strings);
	if (value && typeof value === 'object') return Object.values(value).flatMap(strings);
	return [];
}

async function expectInert(doc: DocumentImport) {
	expect(doc.cases.length).toBeGreaterThan(0);
	for (const draft of [...doc.cases.map((c) => c.mdx), ...(doc.issue ? [doc.issue.mdx] : [])]) {
		const { data, body } = splitMdx(draft);
		const nodes = await compiledNodeTypes(body);
		expect(nodes.length).toBeGreaterThan(1);
		expect(nodes.filter((n) => CODE_OR_MARKUP.has(n.type))).toEqual([]);
		expect(nodes.filter((n) => n.type === 'link' && !/^https?:/.test(n.url ?? ''))).toEqual([]);
		expect(mdxHazards(body)).toEqual([]);
		// The compiled module imports nothing but the JSX runtime.
		const js = String(await compile(body));
		expect((js.match(/^import .*$/gmu) ?? []).filter((line) => !line.includes('react/jsx-runtime'))).toEqual([]);
		expect(strings(data).filter((value) => /[<>{}]|javascript:/u.test(value))).toEqual([]);
	}
	// The hostile words are still there, as text, for the editor to see.
	const bodies = doc.cases.map((c) => splitMdx(c.mdx).body).join('\n');
	expect(bodies).toContain('&#x69;mport fs from "node:fs"');
	expect(bodies).toContain('\\{fs.readFileSync');
}

describe('hostile input becomes inert drafts', () => {
	it('.txt', async () => {
		const doc = await importText(['某某县：恶意标题{process.env.HOME}<b>粗</b>', ...HOSTILE].join('\n'));
		await expectInert(doc);
		expect(doc.cases[0]!.data.title).not.toMatch(/[<>{}]/u);
	});

	it('.html', async () => {
		const html = `<!doctype html><html><head><title>某某县：恶意标题{x}</title><meta property="og:url" content="javascript:alert(1)"></head><body><article>
<h1>某某县：恶意标题{process.env.HOME}</h1>
${HOSTILE.map((line) => `<p>${line.replace(/&/g, '&amp;').replace(/</g, '&lt;')}</p>`).join('\n')}
<p><a href="javascript:alert(1)">${PROSE}</a><script>fetch("/x")</script><img src=x onerror="alert(1)"></p>
<p onclick="alert(1)">${PROSE}<iframe src="javascript:alert(1)"></iframe></p>
</article></body></html>`;
		const doc = await importBytes(Buffer.from(html), 'page.html');
		await expectInert(doc);
		expect(strings(splitMdx(doc.cases[0]!.mdx).data).join('')).not.toContain('javascript');
	});

	it('.docx', async () => {
		const paragraphs = ['某某县：恶意标题{process.env.HOME}', ...HOSTILE].map((line) => new Paragraph({ children: [new TextRun(line)] }));
		const bytes = await Packer.toBuffer(new Document({ sections: [{ children: paragraphs }] }));
		await expectInert(await importBytes(bytes, 'hostile.docx'));
	});
});

describe('inertString', () => {
	it('writes < > { } full-width and drops control characters', () => {
		expect(inertString('满意度<90%{试行}\u0007')).toBe('满意度＜90%｛试行｝');
	});
});
