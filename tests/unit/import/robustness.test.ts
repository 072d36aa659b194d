/**
 * A generated set of garbled, truncated and adversarial inputs: the importer either
 * refuses them with a one-line ImportInputError or writes drafts whose frontmatter
 * passes the schemas and whose MDX compiles. It never crashes.
 */
import { readFileSync } from 'node:fs';
import iconv from 'iconv-lite';
import { Document, Packer, Paragraph, TextRun } from 'docx';
import { describe, expect, it } from 'vitest';
import { CaseSchema } from '../../../src/schemas/case.ts';
import { IssueSchema } from '../../../src/schemas/issue.ts';
import { ImportInputError } from '../../../src/lib/import/types.ts';
import { compileMdx, importBytes, seedPath, splitMdx } from './support.ts';

/** Deterministic pseudo-random numbers (mulberry32), so a failure can be replayed. */
function random(seed: number): () => number {
	let a = seed;
	return () => {
		a = (a + 0x6d2b79f5) | 0;
		let t = Math.imul(a ^ (a >>> 15), 1 | a);
		t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

const SPECIALS = [
	'{',
	'}',
	'<',
	'>',
	'{x}',
	'<div>',
	'</p>',
	'<script>alert(1)</script>',
	'<Foo bar={1} />',
	'{/* c */}',
	'export const a = 1',
	'import x from "y"',
	'`code`',
	'```',
	'~~~',
	'*',
	'**',
	'_',
	'#',
	'# ',
	'- ',
	'1. ',
	'> ',
	'| a | b |',
	'\\',
	'$$',
	'&amp;',
	'&#123;',
	'<!--',
	'-->',
	'---',
	'[x](y)',
	'![i](j)',
	'\u0000',
	'\ufffd',
	'??',
	'?',
	'\u200b',
	'\ue000',
	'𠀀',
	'😀',
	'\t',
	'  ',
	'\r',
	'ｃｏｄｅ',
	'（',
	'）',
	'“',
	'”',
];
const seeds = ['000', '001', '002', '003', '004'].map((p) => readFileSync(seedPath(p), 'utf8'));

function adversarialTexts(): Array<[string, string]> {
	const rand = random(20260301);
	const pick = <T>(list: readonly T[]) => list[Math.floor(rand() * list.length)] as T;
	const cases: Array<[string, string]> = [];
	for (let n = 0; n < 60; n++) {
		const source = pick(seeds);
		const start = Math.floor(rand() * source.length * 0.5);
		let text = source.slice(start, start + 400 + Math.floor(rand() * 3000));
		const chars = [...text];
		for (let k = 0; k < 5 + Math.floor(rand() * 40); k++) chars.splice(Math.floor(rand() * chars.length), 0, pick(SPECIALS));
		text = chars.join('');
		cases.push([`specials #${n}`, text]);
	}
	const base = seeds[3] as string;
	cases.push(['no punctuation', base.replace(/[\p{P}\s]/gu, '')]);
	cases.push(['no line breaks', base.replace(/\n+/g, '')]);
	cases.push(['one very long line', `某某县委组织部\n${'今年以来，某某县坚持党建引领，收集群众诉求1560件，办结率达98.6%，'.repeat(3000)}`]);
	cases.push([
		'every line a heading',
		base
			.split('\n')
			.map((l) => (l ? `# ${l}` : l))
			.join('\n'),
	]);
	cases.push(['mixed scripts', `${seeds[0]!.slice(0, 1500)}\n\n${seeds[3]!.slice(200, 1800)}`]);
	cases.push([
		'only MDX specials around Chinese',
		'县委组织部\n\n{今年以来}，<某某>县{{坚持}}党建引领</div>，收集群众诉求{1560}件，办结率达<98.6%>，群众满意度明显{提升}。<script>document.write("x")</script>\n',
	]);
	cases.push(['only units', '盐湖区\n夏县\n芮城县\n县委组织部\n']);
	cases.push([
		'markdown look-alikes',
		'1. 今年以来，某某县坚持党建引领，收集群众诉求1560件，办结率达98.6%，群众满意度明显提升。\n- 二是积分激励，全年兑换物品价值约12万元。\n> 引用：群众说好。\n    缩进的代码块里也是中文内容，共计300余人参加。\n| 表头 | 数量 |\n|---|---|\n| 网格 | 128个 |\n',
	]);
	cases.push(['pinyin everywhere', base.replace(/\p{Script=Han}/gu, (c) => `${c}(xiāng)`).slice(0, 4000)]);
	cases.push(['garbled everywhere', base.replace(/[的是在]/gu, '??').replace(/[和了]/gu, '\ufffd')]);
	cases.push(['HTML-looking text file', `<html><body><p>${base.slice(0, 2000).replace(/\n+/g, '</p><p>')}</p></body></html>`]);
	return cases;
}

/** Runs the importer; a refusal must be an ImportInputError with a one-line message. */
async function importOrRefuse(bytes: Uint8Array, name: string) {
	try {
		return await importBytes(bytes, name);
	} catch (error) {
		expect(error, `${name}: ${(error as Error).stack}`).toBeInstanceOf(ImportInputError);
		expect((error as Error).message).not.toContain('\n');
		expect((error as Error).message).toMatch(/^expected .+; found .+/);
		return undefined;
	}
}

async function expectSound(bytes: Uint8Array, name: string) {
	const doc = await importOrRefuse(bytes, name);
	if (!doc) return 'refused';
	for (const draft of doc.cases) {
		const { data } = splitMdx(draft.mdx);
		const parsed = CaseSchema.safeParse(data);
		expect(parsed.success, `${name}: ${JSON.stringify(parsed.error?.issues)}`).toBe(true);
		await compileMdx(draft.mdx).catch((error: Error) => {
			throw new Error(`${name}: MDX does not compile: ${error.message}\n${draft.mdx.slice(0, 500)}`);
		});
	}
	if (doc.issue) {
		expect(IssueSchema.safeParse(splitMdx(doc.issue.mdx).data).success, name).toBe(true);
		await compileMdx(doc.issue.mdx);
	}
	return doc.cases.length > 0 ? 'imported' : 'no cases';
}

describe('adversarial inputs', () => {
	it('never crash and never produce invalid drafts (text)', async () => {
		const outcomes = new Map<string, number>();
		for (const [name, text] of adversarialTexts()) {
			const outcome = await expectSound(Buffer.from(text, 'utf8'), `${name}.txt`);
			outcomes.set(outcome, (outcomes.get(outcome) ?? 0) + 1);
		}
		// The set is meant to exercise both paths: most inputs import, some are refused.
		expect(outcomes.get('imported')).toBeGreaterThan(50);
	}, 120_000);

	it('refuse truncated and random bytes cleanly, or import what is left', async () => {
		const rand = random(7);
		const samples: Array<[string, Uint8Array]> = [];
		for (const [i, seed] of seeds.entries()) {
			const bytes = Buffer.from(seed);
			for (let k = 0; k < 6; k++) samples.push([`seed${i}-cut${k}.txt`, bytes.subarray(0, 1 + Math.floor(rand() * bytes.length))]);
			const gbk = iconv.encode(seed, 'gb18030');
			samples.push([`seed${i}-gbk-cut.txt`, gbk.subarray(0, Math.floor(gbk.length * rand()))]);
		}
		for (let k = 0; k < 10; k++)
			samples.push([`random${k}.bin`, Buffer.from(Array.from({ length: 50 + Math.floor(rand() * 5000) }, () => Math.floor(rand() * 256)))]);
		for (let k = 0; k < 5; k++)
			samples.push([`high-bytes${k}.txt`, Buffer.from(Array.from({ length: 2000 }, () => 0x81 + Math.floor(rand() * 126)))]);
		samples.push(['empty.txt', new Uint8Array()]);
		samples.push(['blank.txt', Buffer.from('\n\n   \n\u3000\n')]);
		samples.push(['latin1.txt', iconv.encode('Café, naïve résumé — ñandú', 'latin1')]);
		const refused: string[] = [];
		for (const [name, bytes] of samples) if ((await expectSound(bytes, name)) === 'refused') refused.push(name);
		expect(refused).toEqual(expect.arrayContaining(['empty.txt', 'blank.txt', 'latin1.txt', 'random0.bin', 'high-bytes0.txt']));
	}, 120_000);

	it('handle adversarial HTML and Word documents', async () => {
		const html = `<!doctype html><html><head><title>{x}</title><script>alert("<p>x</p>")</script></head><body><nav>首页 | 关于</nav><article><h1>某某县：{创新}&lt;机制&gt;</h1><p>今年以来，某某县坚持党建引领，<b>{1560}</b>件诉求<i>全部</i>办结，办结率达98.6%。</p><p>&lt;script&gt;alert(1)&lt;/script&gt; 群众满意度明显提升，共有300余人参加{培训}。</p><table><tr><td>网格</td><td>128个</td></tr></table></article></body></html>`;
		expect(await expectSound(Buffer.from(html), 'page.html')).toBe('imported');
		const docx = await Packer.toBuffer(
			new Document({
				sections: [
					{
						children: [
							new Paragraph({ children: [new TextRun({ text: '{标题} <b>', bold: true })] }),
							new Paragraph({ text: '今年以来，某某县坚持党建引领，{1560}件诉求全部办结，<办结率>达98.6%，export const x = 1，共有300余人参加。' }),
							new Paragraph({ text: '# 不是标题 ``` * _ [x](y)' }),
						],
					},
				],
			}),
		);
		expect(await expectSound(docx, 'doc.docx')).toBe('imported');
	});
});
