/**
 * The plain-prose reading of a body (plain-text.ts) gives the search index the same text
 * as the MDX parse: on every sample case, on a generated corpus, and on thousands of bodies
 * made of the characters and constructs that mean something to Markdown, GFM or MDX —
 * where it is not sure, it must leave the body to the parse.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { generateCorpus } from '../../../src/lib/bench/corpus.ts';
import { splitFrontmatter } from '../../../src/lib/content/frontmatter.ts';
import { contentDir } from '../../../src/lib/content/paths.ts';
import { mdxPlainBody } from '../../../src/lib/search/document.ts';
import { plainProse } from '../../../src/lib/search/plain-text.ts';

const work = mkdtempSync(path.join(tmpdir(), 'plain-text-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function bodies(dir: string): [string, string][] {
	return readdirSync(dir)
		.filter((name) => name.endsWith('.mdx'))
		.map((name) => [name, splitFrontmatter(readFileSync(path.join(dir, name), 'utf8')).body]);
}

/** The parse's text, or undefined when the parse rejects the body. */
function parsed(body: string): string | undefined {
	try {
		return mdxPlainBody(body);
	} catch {
		return undefined;
	}
}

describe('plain prose without the MDX parse', () => {
	it('reads the sample cases and a generated corpus as the parse does, most of them without it', () => {
		generateCorpus({ from: contentDir(), to: work, cases: 300 });
		const all = [...bodies(path.join(contentDir(), 'cases')), ...bodies(path.join(work, 'cases'))];
		let fast = 0;
		for (const [name, body] of all) {
			const text = plainProse(body);
			if (text === undefined) continue;
			fast++;
			expect(text, name).toBe(mdxPlainBody(body));
		}
		expect(all.length).toBeGreaterThan(300);
		expect(fast / all.length).toBeGreaterThan(0.9);
	});

	it('reads headings, strong lead-ins and <Zh> elements as the parse does', () => {
		const body = [
			'',
			'## 一是锚定目标。',
			'',
			'**一是书记公开讲。**结合支部主题党日活动，',
			'每月中旬召集<Zh hant="並">并</Zh>全体党员。',
			'',
			'村民代表<Zh hans="余" />参加。',
			'',
		].join('\n');
		const text = plainProse(body);
		expect(text).toBe('一是锚定目标。\n一是书记公开讲。结合支部主题党日活动，每月中旬召集并全体党员。\n村民代表参加。');
		expect(text).toBe(mdxPlainBody(body));
	});

	it('gives the parse’s text or leaves the body to the parse, for any mix of syntax', () => {
		// Mostly prose the fast path reads, with syntax of every kind mixed in.
		const prose = ['中文', '党建', '。', '，', '“', '”', '**', '\n', '\n\n', '<Zh hant="並">并</Zh>', '12', '58.3%', 'a', ' '];
		const pieces = [
			'*',
			'_',
			'<Zh hant="並">并</Zh>',
			'<Zh hans="余" />',
			'<Zh hant="並"> 并 </Zh>',
			'<Zh hant="並"></Zh>',
			'<Zh hant="並">www.a.cn</Zh>',
			'<Zh hant="並">a:b@a.cn</Zh>',
			'<Zh hant="並">\t</Zh>',
			'<b>',
			'\n',
			'\n\n',
			' ',
			'  \n',
			'#',
			'## ',
			'####### ',
			'- ',
			'1. ',
			'2) ',
			'> ',
			'[链接](http://a.cn)',
			'[',
			']',
			'`',
			'~~',
			'|',
			'---',
			'===',
			'&amp;',
			'&#x4e2d;',
			'{1}',
			'\\',
			'a',
			'12',
			'.',
			':',
			'www.a.cn',
			'\u3000',
			'\t',
			'import ',
			'export ',
			'!',
			'\r\n',
		];
		let seed = Number(process.env.PLAIN_TEXT_SEED ?? 12);
		const next = () => {
			seed = (seed * 1103515245 + 12345) % 2147483648;
			return seed / 2147483648;
		};
		let checked = 0;
		for (let n = 0; n < 5000; n++) {
			const length = 1 + Math.floor(next() * 16);
			const pick = () => (next() < 0.8 ? prose[Math.floor(next() * prose.length)]! : pieces[Math.floor(next() * pieces.length)]!);
			const body = Array.from({ length }, pick).join('');
			const text = plainProse(body);
			if (text === undefined) continue;
			checked++;
			expect(text, JSON.stringify(body)).toBe(parsed(body));
		}
		expect(checked).toBeGreaterThan(500);
	});
});
