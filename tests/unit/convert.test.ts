import { readFileSync } from 'node:fs';
import * as OpenCC from 'opencc-js/core';
import * as Locale from 'opencc-js/preset';
import { describe, expect, it } from 'vitest';
import { createConverter, getConverter, getPipeline } from '../../src/lib/convert/converter.ts';
import { distributeOutput } from '../../src/lib/convert/distribute.ts';
import { buildPipeline } from '../../src/lib/convert/opencc-pipeline.ts';
import { stPhrases } from '../../src/lib/convert/opencc-dictionaries.ts';
import { ANY_READING, COMMON_WORDS, segmentationGuards } from '../../src/lib/convert/segmentation-guards.ts';

const fixtures = new URL('../fixtures/convert/', import.meta.url);
/** Real web pages in both scripts (seeds 003 and 002), figures, URLs and ICP numbers included. */
function corpus(): string {
	return ['corpus-hans.txt', 'corpus-hant.txt'].map((name) => readFileSync(new URL(name, fixtures), 'utf8')).join('\n');
}

describe('createConverter', () => {
	const converter = createConverter({ traditional: 'tw' });

	it('is the identity when both scripts are the same', () => {
		expect(converter.convert('干部头发', 'hans', 'hans')).toBe('干部头发');
		expect(converter.convert('乾淨', 'hant', 'hant')).toBe('乾淨');
	});

	it('converts phrases, not characters', () => {
		expect(converter.convert('干部把头发洗干净', 'hans', 'hant')).toBe('幹部把頭髮洗乾淨');
		expect(converter.convert('乾淨的頭髮', 'hant', 'hans')).toBe('干净的头发');
	});

	it('uses the chosen character standard and never regional phrasing', () => {
		const sample = '项目通过网络软件打造着力群众';
		expect(createConverter({ traditional: 'tw' }).convert(sample, 'hans', 'hant')).toBe('項目通過網絡軟件打造著力群眾');
		expect(createConverter({ traditional: 'hk' }).convert(sample, 'hans', 'hant')).toBe('項目通過網絡軟件打造着力羣眾');
		expect(createConverter({ traditional: 't' }).convert(sample, 'hans', 'hant')).toBe('項目通過網絡軟件打造着力羣衆');
		expect(createConverter({ traditional: 'hk' }).convert('項目通過網絡着力羣眾', 'hant', 'hans')).toBe('项目通过网络着力群众');
	});

	it('never alters figures, Latin text, URLs or e-mail addresses', () => {
		const text = '共1.2万人次（58.3%），2.54亿元、１２３件；见https://example.gov.cn/干部/发展?a=1，或写信给ganbu@example.cn。ABC-xyz_09';
		const hant = converter.convert(text, 'hans', 'hant');
		expect(hant).toBe('共1.2萬人次（58.3%），2.54億元、１２３件；見https://example.gov.cn/干部/发展?a=1，或寫信給ganbu@example.cn。ABC-xyz_09');
		expect(converter.convert(hant, 'hant', 'hans')).toBe(text);
	});

	it('converts the corpus one code point to one code point, leaving every non-Han character as it is', () => {
		const text = corpus();
		expect(text.length).toBeGreaterThan(1000);
		for (const [from, to] of [
			['hans', 'hant'],
			['hant', 'hans'],
		] as const) {
			const source = Array.from(text);
			const output = Array.from(converter.convert(text, from, to));
			expect(output.length).toBe(source.length);
			const changedNonHan = source.filter((char, i) => char !== output[i] && !/\p{Script=Han}/u.test(char));
			expect(changedNonHan).toEqual([]);
		}
	});
});

describe('glossary protection', () => {
	const glossary = [{ hans: '钟山区', hant: '鍾山區' }, { hans: '钟山', hant: '鐘山' }, { hans: '余书记', hant: '余書記' }, { hans: '常山' }];
	const converter = createConverter({ traditional: 'tw', glossary });

	it('maps a term the fixed way in both directions', () => {
		expect(converter.convert('钟山区干部', 'hans', 'hant')).toBe('鍾山區幹部');
		expect(converter.convert('鍾山區幹部', 'hant', 'hans')).toBe('钟山区干部');
		expect(converter.convert('余书记说', 'hans', 'hant')).toBe('余書記說');
		expect(converter.convert('余書記說', 'hant', 'hans')).toBe('余书记说');
	});

	it('prefers the longest term at a position', () => {
		expect(converter.convert('钟山区和钟山', 'hans', 'hant')).toBe('鍾山區和鐘山');
	});

	it('leaves an entry without hant unchanged in both scripts', () => {
		expect(converter.convert('常山县', 'hans', 'hant')).toBe('常山縣');
		expect(converter.convert('常山縣', 'hant', 'hans')).toBe('常山县');
	});

	it('makes the term a word boundary for OpenCC on both sides', () => {
		// The neighbours of a term still convert by their own phrases.
		expect(converter.convert('头发钟山区头发', 'hans', 'hant')).toBe('頭髮鍾山區頭髮');
	});

	it('reports protected pieces separately', () => {
		const pieces = converter.convertPieces('在钟山区工作，见https://a.cn/钟', 'hans', 'hant');
		expect(pieces.map((piece) => [piece.kind, piece.source, piece.output])).toEqual([
			['text', '在', '在'],
			['glossary', '钟山区', '鍾山區'],
			['text', '工作，见', '工作，見'],
			['verbatim', 'https://a.cn/钟', 'https://a.cn/钟'],
		]);
	});
});

describe('getConverter', () => {
	it('returns the same converter for the same options, and a new one when the glossary changes', () => {
		const a = getConverter({ traditional: 'tw', glossary: [{ hans: '钟山区', hant: '鍾山區' }] });
		const b = getConverter({ traditional: 'tw', glossary: [{ hans: '钟山区', hant: '鍾山區' }] });
		const c = getConverter({ traditional: 'tw', glossary: [{ hans: '钟山区', hant: '鍾山区' }] });
		const d = getConverter({ traditional: 'hk', glossary: [{ hans: '钟山区', hant: '鍾山區' }] });
		expect(b).toBe(a);
		expect(c).not.toBe(a);
		expect(d).not.toBe(a);
		expect(c.convert('钟山区', 'hans', 'hant')).toBe('鍾山区');
	});

	it('builds each OpenCC pipeline once per process', () => {
		getConverter({ traditional: 'hk' }).convert('头发', 'hans', 'hant');
		const pipeline = getPipeline('s2hk');
		createConverter({ traditional: 'hk', glossary: [{ hans: '常山' }] }).convert('头发', 'hans', 'hant');
		expect(getPipeline('s2hk')).toBe(pipeline);
	});
});

describe('OpenCC pipeline', () => {
	it.each(['s2tw', 's2hk', 's2t', 'tw2s', 'hk2s', 't2s'] as const)('%s without guards converts exactly like opencc-js', (name) => {
		const text = corpus();
		const [from, to] = name.startsWith('s2') ? ['cn', name.slice(2)] : [name.slice(0, -2), 'cn'];
		const reference = OpenCC.ConverterBuilder(Locale)({ from: from!, to: to! });
		// The reverse configurations get the corpus in their own traditional standard.
		const source = name.startsWith('s2') ? text : OpenCC.ConverterBuilder(Locale)({ from: 'cn', to: from! })(text);
		expect(buildPipeline(name).convert(source)).toBe(reference(source));
	});
});

describe('segmentation guards', () => {
	const pipeline = buildPipeline('s2t');
	const firstStep = pipeline.chain[0]!;
	const guards = new Map(segmentationGuards(stPhrases(), firstStep));

	it('guards every 发-word after every phrase that reads 发 as 髮', () => {
		expect(guards.get('理发展')).toBe('理發展');
		expect(guards.get('长发育')).toBe('長發育');
		expect(guards.get('头发挥')).toBe('頭發揮');
		expect(guards.size).toBeGreaterThan(COMMON_WORDS['发']!.length * 100);
	});

	it('changes nothing but 髮 → 發 compared with plain OpenCC', () => {
		const text = corpus() + '社会治理发展，经济增长发展，带头发挥作用，理发店，头发，白发，发展。';
		const plain = Array.from(OpenCC.ConverterBuilder(Locale)({ from: 'cn', to: 'tw' })(text));
		const guarded = Array.from(createConverter({ traditional: 'tw' }).convert(text, 'hans', 'hant'));
		const changes = new Set(plain.flatMap((char, i) => (char === guarded[i] ? [] : [`${char}→${guarded[i]}`])));
		expect([...changes]).toEqual(['髮→發']);
	});

	it('lists only words whose 发 reads 發 on its own, and no duplicates', () => {
		for (const [char, words] of Object.entries(COMMON_WORDS)) {
			expect(new Set(words).size).toBe(words.length);
			for (const word of words) {
				expect(word.startsWith(char)).toBe(true);
				if (!ANY_READING.has(char)) expect(Array.from(firstStep.convert(word))[0]).toBe(firstStep.convert(char));
			}
		}
	});

	it('does not override a phrase OpenCC already has', () => {
		for (const [source] of stPhrases()) expect(guards.has(source)).toBe(false);
	});
});

describe('distributeOutput', () => {
	it('splits a conversion across the text nodes it came from', () => {
		const converter = createConverter({ traditional: 'tw' });
		const parts = ['头', '发', '很长，社会治理', '发展'];
		const outputs = distributeOutput(converter.convertPieces(parts.join(''), 'hans', 'hant'), parts);
		expect(outputs).toEqual(['頭', '髮', '很長，社會治理', '發展']);
	});

	it('gives a glossary term that changes length to the part where it starts', () => {
		const converter = createConverter({ traditional: 'tw', glossary: [{ hans: 'U盘', hant: '隨身碟' }] });
		const parts = ['插入U', '盘后'];
		expect(distributeOutput(converter.convertPieces(parts.join(''), 'hans', 'hant'), parts)).toEqual(['插入隨身碟', '後']);
	});

	it('refuses pieces that do not cover the parts', () => {
		expect(() => distributeOutput([{ kind: 'text', source: 'ab', output: 'ab' }], ['abc'])).toThrow(/cover 2 characters, the parts 3/);
	});
});
