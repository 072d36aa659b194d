/**
 * A body rendered to HTML in the content layer (render-body.ts) must print exactly what
 * its MDX module prints. The oracle is the module path itself: the same body compiled by
 * the MDX compiler Astro uses (with the project's plugins, plugins.ts), run with Astro's
 * JSX runtime and rendered by Astro's own JSX renderer, for each script.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import * as astroJsx from 'astro/jsx-runtime';
import { renderJSX } from 'astro/runtime/server/index.js';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../../src/lib/content/paths.ts';
import { SCRIPTS, type Script } from '../../../src/schemas/script.ts';
import { markdownProcessor } from '../../../src/lib/markdown/plugins.ts';
import { renderBody } from '../../../src/lib/markdown/render-body.ts';
import { escapeText } from '../../../src/lib/markdown/astro-html.ts';

const FILE = '/site/content/cases/example.mdx';
const modules = path.join(PROJECT_ROOT, '.tmp', 'render-body-test');
let count = 0;

/** What `<Content script={script} />` prints for this body: compiled as the build compiles .mdx, rendered by Astro. */
async function moduleHtml(body: string, frontmatter: Record<string, unknown>, script: Script): Promise<string> {
	const renderer = await markdownProcessor().createMdxRenderer!(
		{ syntaxHighlight: false },
		{ optimize: false, srcDir: pathToFileURL(path.join(PROJECT_ROOT, 'src/')) },
	);
	const { code } = await renderer.process(body, FILE, frontmatter);
	mkdirSync(modules, { recursive: true });
	const file = path.join(modules, `body-${process.pid}-${count++}.mjs`);
	writeFileSync(file, code);
	const module = (await import(pathToFileURL(file).href)) as { default: (props: Record<string, unknown>) => unknown };
	const vnode = module.default({ script, components: { Fragment: astroJsx.Fragment } });
	return String(await renderJSX({} as never, vnode));
}

const hans = { script: 'hans' };

async function expectSameAsModule(body: string, frontmatter: Record<string, unknown> = hans) {
	const rendered = await renderBody(body, frontmatter, FILE);
	expect(rendered).toBeDefined();
	for (const script of SCRIPTS) expect(rendered!.html[script]).toBe(await moduleHtml(body, frontmatter, script));
	return rendered!;
}

describe('renderBody', () => {
	it('prints headings, emphasis, quotes and ampersands as the MDX module does, in both scripts', async () => {
		const rendered = await expectSameAsModule(
			'## 一、发展历程\n\n头**发**理得整齐，后来在这里干活。"引号" & \'single\' a > b\n\n### 二、做法 & 成效\n',
		);
		expect(rendered.html.hant).toContain('頭<strong>髮</strong>理得整齊，後來在這裡幹活。&quot;引號&quot; &amp; &#39;single&#39; a &gt; b');
		expect(rendered.headings).toEqual([
			{ depth: 2, slug: '一发展历程', text: '一、发展历程' },
			{ depth: 3, slug: '二做法--成效', text: '二、做法 & 成效' },
		]);
	});

	it('prints aligned tables, footnotes, lists, quotes and rules as the MDX module does', async () => {
		await expectSameAsModule(
			[
				'| 指标 | 数值 | 备注 |',
				'| :--- | ---: | :---: |',
				'| 群众满意率 | 99.5% | 台风后 |',
				'',
				'脚注在这里[^1]，还有一个[^note]。',
				'',
				'- 第一条',
				'- 第二条',
				'  1. 嵌套的发展',
				'',
				'> 引用的后台说明',
				'',
				'---',
				'',
				'[链接](https://example.com/a?b=1&c=2 "标题里的发") ![图](https://example.com/x.png "说明")',
				'',
				'[^1]: 第一个脚注。',
				'[^note]: 第二个脚注。',
			].join('\n'),
		);
	});

	it('prints <Zh> overrides, allowed inline HTML and comments as the MDX module does', async () => {
		const rendered = await expectSameAsModule(
			'<Zh hant="鍾山區">钟山区</Zh>与<Zh>乾坤</Zh>，H<sub>2</sub>O<br/>，<abbr title="中华人民共和国">中国</abbr>\n\n<Zh hant="鍾山區">钟山区</Zh>\n\n{/* 注释 */}\n',
		);
		expect(rendered.html.hant).toContain('鍾山區與乾坤');
		expect(rendered.html.hant).toContain('<abbr title="中華人民共和國">中國</abbr>');
	});

	it('renders a body in 繁體 to 简体 and a body without a script unchanged in both', async () => {
		const hant = await expectSameAsModule('後來的發展\n', { script: 'hant' });
		expect(hant.html.hans).toBe('<p>后来的发展</p>');
		const plain = await expectSameAsModule('编者按：发展\n', {});
		expect(plain.html.hans).toBe(plain.html.hant);
	});

	it('leaves highlighted code and local images to the module path', async () => {
		expect(await renderBody('```\n代码\n```\n', hans, FILE)).toBeUndefined();
		expect(await renderBody('![图](./photo.png)\n', hans, FILE)).toBeUndefined();
	});

	it('refuses what the safety scan refuses, with the file and line', async () => {
		await expect(renderBody('正文\n\n{1 + 1}\n', hans, FILE)).rejects.toThrow(/example\.mdx.*3|3.*example\.mdx/s);
	});

	it('escapes text as Astro does', () => {
		expect(escapeText(`<a href="x">'&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;');
	});
});
