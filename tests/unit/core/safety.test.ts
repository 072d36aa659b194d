/**
 * Hostile and careless bodies: `npm run check` compiles each body exactly as the build
 * does and reports every hazard (code that would run at build time, live markup, unsafe
 * links) and every compile failure with file:line:column, in Chinese, never crashing.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkContent } from '../../../src/lib/content/check.ts';
import { PROJECT_ROOT } from '../../../src/lib/content/paths.ts';
import { findUnsafeMdx, isSafeUrl } from '../../../src/lib/markdown/mdx-safety.ts';
import type { Problem } from '../../../src/lib/content/problem.ts';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkMdx from 'remark-mdx';
import type { Root } from 'mdast';
import { setMessageLanguage } from '../../../src/lib/i18n/messages/index.ts';

setMessageLanguage('zh');

const SAMPLE = path.join(PROJECT_ROOT, 'content');
const BASE = readFileSync(path.join(SAMPLE, 'cases/changning-yangquan.mdx'), 'utf8');
const FRONTMATTER = BASE.slice(0, BASE.indexOf('\n---\n') + 5);
const BODY_LINE = FRONTMATTER.split('\n').length; // the first body line's number
const HOSTILE_SOURCE = FRONTMATTER.replace(/^ {2}url: .*$/m, '  url: javascript:alert(document.domain)');

/** Hostile or careless bodies, each with the text check must find at the given body line. */
const HAZARDS: Array<{ name: string; body: string; line: number; expect: RegExp }> = [
	{ name: 'import statement', body: 'import fs from "node:fs"\n\n正文。', line: 0, expect: /import\/export/ },
	{ name: 'readFileSync expression', body: '主机：{fs.readFileSync("/etc/hostname","utf8")}', line: 0, expect: /readFileSync.*\\\{试行\\\}/ },
	{ name: 'process.env expression', body: '家目录 {process.env.HOME}', line: 0, expect: /process\.env\.HOME.*（试行）/ },
	{ name: 'export statement', body: '正文。\n\nexport const x = 1', line: 2, expect: /import\/export/ },
	{ name: 'script element', body: '<script>alert(1)</script>', line: 0, expect: /<script>.*&lt;/ },
	{ name: 'img onerror', body: '图：<img src="x" onerror="alert(1)" />', line: 0, expect: /<img>/ },
	{ name: 'iframe', body: '<iframe src="https://evil.example"></iframe>', line: 0, expect: /<iframe>/ },
	{ name: 'style', body: '<style>{"body{display:none}"}</style>', line: 0, expect: /<style>/ },
	{ name: 'on* attribute on an allowed element', body: '上标<sup onclick="alert(1)">1</sup>', line: 0, expect: /<sup onclick=…>/ },
	{ name: 'expression attribute on Zh', body: '<Zh hant={globalThis.x}>钟山区</Zh>', line: 0, expect: /hant=\{globalThis\.x\}/ },
	{ name: 'spread attribute', body: '<Zh {...props}>钟山区</Zh>', line: 0, expect: /\{\.\.\.props\}/ },
	{ name: 'unknown component', body: '<Chart data="x" />', line: 0, expect: /<Chart>/ },
	{ name: 'fragment', body: '<>文字</>', line: 0, expect: /<>/ },
	{ name: 'javascript: link', body: '[点我](javascript:alert(1))', line: 0, expect: /javascript:alert/ },
	{ name: 'mixed-case scheme', body: '[点我](JaVaScRiPt:alert(1))', line: 0, expect: /http:\/\// },
	{ name: 'scheme behind a character reference', body: '[点我](javascript&#58;alert(1))', line: 0, expect: /javascript:alert/ },
	{ name: 'reference-style link', body: '见[这里][a]。\n\n[a]: javascript:alert(1)', line: 2, expect: /javascript:/ },
	{ name: 'data: image', body: '![图](data:text/html;base64,PHNjcmlwdD4=)', line: 0, expect: /data:text\/html/ },
	{ name: 'vbscript: definition', body: '[点我][x]\n\n[x]: vbscript:msgbox(1)', line: 2, expect: /vbscript:/ },
	{ name: 'less-than before a digit', body: '满意度<90%', line: 0, expect: /&lt;.*＜/ },
	{ name: 'less-than in a comparison', body: '当x<5且y>3时', line: 0, expect: /&lt;/ },
	{ name: 'braces around a word', body: '《办法{试行}》', line: 0, expect: /\{试行\}/ },
	{ name: 'unclosed brace', body: '文字{没有闭合', line: 0, expect: /花括号/ },
	{ name: 'unclosed tag', body: '<Zh hant="鍾山區">钟山区', line: 0, expect: /\S/ },
	{ name: 'Zh with formatting inside', body: '<Zh hant="鍾山區">**钟山区**</Zh>', line: 0, expect: /<Zh>/ },
];

let dir: string;
let problems: Problem[] = [];

beforeAll(async () => {
	dir = mkdtempSync(path.join(tmpdir(), 'compendium-safety-'));
	cpSync(SAMPLE, dir, { recursive: true });
	HAZARDS.forEach((hazard, i) => writeFileSync(path.join(dir, `cases/zz-hazard-${i}.mdx`), `${FRONTMATTER}${hazard.body}\n`));
	writeFileSync(path.join(dir, 'cases/zz-source-url.mdx'), `${HOSTILE_SOURCE}正文。\n`);
	process.env.COMPENDIUM_CONTENT = dir;
	problems = (await checkContent()).problems.filter((p) => p.severity === 'error');
	delete process.env.COMPENDIUM_CONTENT;
}, 60_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('npm run check refuses unsafe or uncompilable bodies', () => {
	it.each(HAZARDS.map((hazard, i) => [hazard.name, hazard, i] as const))('%s', (_name, hazard, i) => {
		const found = problems.filter((p) => p.file.endsWith(`zz-hazard-${i}.mdx`));
		expect(found.length, JSON.stringify(problems.filter((p) => p.file.includes('zz-'))).slice(0, 2000)).toBeGreaterThan(0);
		expect(found[0]!.line).toBe(BODY_LINE + hazard.line);
		expect(found[0]!.column).toBeGreaterThan(0);
		expect(found.map((p) => p.message).join('\n')).toMatch(hazard.expect);
		// Chinese by default, and never a stack trace.
		expect(found[0]!.message).toMatch(/\p{Script=Han}/u);
		expect(found.map((p) => p.message).join('\n')).not.toMatch(/\n\s+at /);
	});

	it('a javascript: source.url is refused at its line', () => {
		const found = problems.filter((p) => p.file.endsWith('zz-source-url.mdx'));
		const line = HOSTILE_SOURCE.split('\n').findIndex((l) => l.includes('javascript:')) + 1;
		expect(found).toHaveLength(1);
		expect(found[0]).toMatchObject({ field: 'source.url', line });
	});

	it('a data: site url is refused, and check does not crash on it', async () => {
		const copy = mkdtempSync(path.join(tmpdir(), 'compendium-safety-site-'));
		cpSync(SAMPLE, copy, { recursive: true });
		writeFileSync(path.join(copy, 'site.yaml'), readFileSync(path.join(copy, 'site.yaml'), 'utf8').replace(/^url: .*$/m, 'url: data:text/html,x'));
		process.env.COMPENDIUM_CONTENT = copy;
		try {
			const errors = (await checkContent()).problems.filter((p) => p.severity === 'error');
			expect(errors.map((p) => `${p.file.split('/').pop()} ${p.field}`)).toEqual(['site.yaml url']);
		} finally {
			delete process.env.COMPENDIUM_CONTENT;
			rmSync(copy, { recursive: true, force: true });
		}
	});

	it('the sample bodies have no errors', () => {
		expect(problems.filter((p) => !p.file.includes('zz-'))).toEqual([]);
	});
});

function parse(body: string): Root {
	return unified().use(remarkParse).use(remarkMdx).parse(body) as Root;
}

describe('findUnsafeMdx', () => {
	it('allows Markdown, <Zh>, harmless inline HTML and comments', () => {
		const body =
			'**粗体**、[链接](https://example.org)、[站内](/zh-hans/)、<Zh hant="鍾山區">钟山区</Zh>、H<sub>2</sub>O、<br />\n\n{/* 编辑注 */}\n\n[邮件](mailto:a@b.cn)';
		expect(findUnsafeMdx(parse(body))).toEqual([]);
	});
	it('in trusted mode allows code and components, never unsafe links', () => {
		const body = 'import X from "./x.ts"\n\n<X a={1} />{1 + 1}\n\n[x](javascript:alert(1))';
		expect(findUnsafeMdx(parse(body), { trusted: true }).map((f) => f.found)).toEqual(['javascript:alert(1)']);
	});
	it('reads URL schemes as a browser does', () => {
		for (const url of ['javascript:x', ' JAVASCRIPT:x', 'java\nscript:x', 'data:text/html,x', 'vbscript:x', 'file:///etc/passwd']) {
			expect(isSafeUrl(url), url).toBe(false);
		}
		for (const url of ['https://a.cn', 'http://a.cn', '/x/', '#top', 'mailto:a@b.cn', 'tel:010-1234', 'x.html'])
			expect(isSafeUrl(url), url).toBe(true);
	});
});
