/**
 * The rehype plugin, run where it runs in the build: MDX compiled by @mdx-js/mdx with
 * Astro's heading-id plugin after it, then executed and rendered to HTML with each
 * `script` prop through a minimal JSX runtime (the project has no React).
 */
import { evaluate } from '@mdx-js/mdx';
import { rehypeHeadingIds } from '@astrojs/markdown-remark';
import remarkGfm from 'remark-gfm';
import { VFile } from 'vfile';
import { describe, expect, it } from 'vitest';
import { createConverter } from '../../src/lib/convert/converter.ts';
import rehypeScriptVariants from '../../src/lib/convert/rehype-script-variants.ts';

/** Already-rendered HTML, so children are escaped exactly once. */
class Html {
	readonly value: string;
	constructor(value: string) {
		this.value = value;
	}
}
const Fragment = Symbol('Fragment');
const escape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
function renderChildren(children: unknown): string {
	if (children === undefined || children === null || typeof children === 'boolean') return '';
	if (Array.isArray(children)) return children.map(renderChildren).join('');
	if (children instanceof Html) return children.value;
	return escape(String(children));
}
function jsx(type: unknown, props: Record<string, unknown>): Html {
	const { children, ...attributes } = props;
	if (type === Fragment) return new Html(renderChildren(children));
	if (typeof type === 'function') return (type as (props: Record<string, unknown>) => Html)(props);
	const attrs = Object.entries(attributes)
		.map(([name, value]) => ` ${name}="${escape(String(value))}"`)
		.join('');
	return new Html(`<${String(type)}${attrs}>${renderChildren(children)}</${String(type)}>`);
}
const runtime = { Fragment, jsx, jsxs: jsx };

interface Compiled {
	render(props?: Record<string, unknown>): string;
	file: VFile;
}

async function compileCase(
	source: string,
	frontmatter: Record<string, unknown> | undefined,
	options: Parameters<typeof rehypeScriptVariants>[0] = {
		converter: createConverter({ traditional: 'tw', glossary: [{ hans: '钟山区', hant: '鍾山區' }] }),
	},
	path = '/content/cases/sample.mdx',
): Promise<Compiled> {
	const file = new VFile({ value: source, path, data: frontmatter ? { astro: { frontmatter } } : {} });
	const module = await evaluate(file, { ...runtime, remarkPlugins: [remarkGfm], rehypePlugins: [[rehypeScriptVariants, options], rehypeHeadingIds] });
	const Content = module.default as unknown as (props: Record<string, unknown>) => Html;
	return { render: (props = {}) => Content(props).value, file };
}

const sample = `## 社会治理发展：头**发**

他说：<Zh hant="鍾山區">钟山区</Zh>的干部群众吃面条，共1.2万人次（58.3%）。\`干部\` <Zh>干</Zh>部。

| 指标 | 数量 |
| --- | --- |
| 剩余 | 1000余人 |

<Box title="社会治理" href="https://a.cn/发展">后来发展</Box>
`;
const Box = (props: Record<string, unknown>) =>
	new Html(`<div class="box" title="${String(props.title)}" data-href="${String(props.href)}">${renderChildren(props.children)}</div>`);

describe('rehypeScriptVariants', () => {
	it('renders a simplified case in either script from one compiled module', async () => {
		const { render } = await compileCase(sample, { script: 'hans' });
		const components = { Box };
		expect(render({ script: 'hant', components })).toBe(
			'<h2 id="社会治理发展头发">社會治理發展：頭<strong>髮</strong></h2>\n' +
				'<p>他說：鍾山區的幹部群眾吃麵條，共1.2萬人次（58.3%）。<code>干部</code> 干部。</p>\n' +
				'<table><thead><tr><th>指標</th><th>數量</th></tr></thead><tbody><tr><td>剩餘</td><td>1000餘人</td></tr></tbody></table>\n' +
				'<div class="box" title="社會治理" data-href="https://a.cn/发展">後來發展</div>',
		);
		expect(render({ script: 'hans', components })).toBe(
			'<h2 id="社会治理发展头发">社会治理发展：头<strong>发</strong></h2>\n' +
				'<p>他说：钟山区的干部群众吃面条，共1.2万人次（58.3%）。<code>干部</code> 干部。</p>\n' +
				'<table><thead><tr><th>指标</th><th>数量</th></tr></thead><tbody><tr><td>剩余</td><td>1000余人</td></tr></tbody></table>\n' +
				'<div class="box" title="社会治理" data-href="https://a.cn/发展">后来发展</div>',
		);
	});

	it('renders the source script when no script is asked for', async () => {
		const { render } = await compileCase(sample, { script: 'hans' });
		expect(render({ components: { Box } })).toBe(render({ script: 'hans', components: { Box } }));
	});

	it('gives headings the same id and text in both scripts, from the source text', async () => {
		const { file } = await compileCase(sample, { script: 'hans' });
		expect((file.data as { astro?: { headings?: unknown } }).astro?.headings).toEqual([
			{ depth: 2, slug: '社会治理发展头发', text: '社会治理发展：头发' },
		]);
	});

	it('renders a traditional case in either script', async () => {
		const source = '## 乾淨的頭髮\n\n後來，這裡的幹部到了<Zh hans="钟山区">鍾山區</Zh>。\n';
		const { render } = await compileCase(source, { script: 'hant' });
		expect(render({ script: 'hans' })).toBe('<h2 id="乾淨的頭髮">干净的头发</h2>\n<p>后来，这里的干部到了钟山区。</p>');
		expect(render({ script: 'hant' })).toBe('<h2 id="乾淨的頭髮">乾淨的頭髮</h2>\n<p>後來，這裡的幹部到了鍾山區。</p>');
		expect(render()).toBe(render({ script: 'hant' }));
	});

	it('accepts <Zh> on its own line', async () => {
		const { render } = await compileCase('<Zh hant="鍾山區">\n钟山区\n</Zh>\n', { script: 'hans' });
		expect(render({ script: 'hant' })).toBe('<p>鍾山區</p>');
		expect(render({ script: 'hans' })).toBe('<p>钟山区</p>');
	});

	it('leaves files without a script alone, unwrapping <Zh>', async () => {
		const { render } = await compileCase('头发 <Zh hant="鍾山區">钟山区</Zh>\n', { title: '关于' });
		expect(render({ script: 'hant' })).toBe('<p>头发 钟山区</p>');
		const bare = await compileCase('头发\n', undefined);
		expect(bare.render({ script: 'hant' })).toBe('<p>头发</p>');
	});

	it('converts nothing in a Markdown file (expressions need MDX) and says so', async () => {
		const { render, file } = await compileCase('头发\n', { script: 'hans' }, undefined, '/content/cases/sample.md');
		expect(render({ script: 'hant' })).toBe('<p>头发</p>');
		expect(file.messages.map(String)).toEqual([expect.stringContaining('only .mdx files get a converted variant')]);
	});

	it.each([
		[
			'<Zh hans="钟山区">钟山区</Zh>',
			'this file is written in hans, so <Zh>\'s text is already the hans form; give the hant form instead: <Zh hant="…">钟山区</Zh>',
		],
		['<Zh tw="鍾山區">钟山区</Zh>', '<Zh> accepts only hans="…" or hant="…", found tw'],
		['<Zh hant={"鍾山區"}>钟山区</Zh>', '<Zh hant=…> needs a quoted string, found an expression; write hant="…"'],
		['<Zh hant="鍾山區">**钟山区**</Zh>', '<Zh> takes plain text only, found <strong> inside it'],
	])('rejects %s with the file and line', async (markup, message) => {
		await expect(compileCase(`第一行\n\n${markup}\n`, { script: 'hans' })).rejects.toThrow(`/content/cases/sample.mdx:3: ${message}`);
	});

	it('rejects an unknown script', async () => {
		await expect(compileCase('头发\n', { script: 'zh-tw' })).rejects.toThrow(
			'frontmatter script must be "hans" (简体) or "hant" (繁體), found "zh-tw"',
		);
	});

	it("uses the site's traditional standard and glossary by default", async () => {
		process.env.COMPENDIUM_CONTENT = new URL('../fixtures/convert/content/', import.meta.url).pathname;
		try {
			const { render } = await compileCase('着力钟山区群众\n', { script: 'hans' }, {});
			// content/site.yaml there says traditional: hk (着, 羣) and its glossary fixes 鍾山區.
			expect(render({ script: 'hant' })).toBe('<p>着力鍾山區羣眾</p>');
		} finally {
			delete process.env.COMPENDIUM_CONTENT;
		}
	});
});
