import { describe, expect, it } from 'vitest';
import { candidateTables } from '../../src/lib/convert/ambiguity-candidates.ts';
import { findAmbiguities, findFileAmbiguities } from '../../src/lib/convert/ambiguity.ts';
import { setMessageLanguage } from '../../src/lib/i18n/messages/index.ts';

setMessageLanguage('zh');

describe('candidateTables', () => {
	it('recovers the several forms of a character from the phrase dictionary', () => {
		const { toHant } = candidateTables('tw');
		expect(toHant.get('干')).toEqual(expect.arrayContaining(['幹', '乾', '干']));
		expect(toHant.get('发')).toEqual(['發', '髮']);
		expect(toHant.get('后')).toEqual(['後', '后']);
		expect(toHant.get('里')).toEqual(['裡', '里']);
		expect(toHant.get('台')).toEqual(expect.arrayContaining(['臺', '檯']));
		expect(toHant.get('面')).toEqual(['面', '麵']);
		expect(toHant.get('余')).toEqual(['餘', '余']);
		expect(toHant.get('系')).toEqual(expect.arrayContaining(['系', '係', '繫']));
		expect(toHant.get('制')).toEqual(['制', '製']);
	});

	it("puts candidates in the site's character standard", () => {
		expect(candidateTables('hk').toHant.get('里')).toEqual(['裏', '里']);
		expect(candidateTables('hk').toHant.get('面')).toEqual(['面', '麪']);
	});

	it('ignores readings confined to a few fixed words', () => {
		const { toHant } = candidateTables('tw');
		for (const char of ['当', '家', '个', '党', '向']) expect(toHant.has(char), char).toBe(false);
	});

	it('knows the traditional characters with several simplified forms', () => {
		expect(candidateTables('tw').toHans.get('著')).toEqual(expect.arrayContaining(['着', '著']));
	});
});

describe('findAmbiguities', () => {
	it('reports a character no phrase decides, with the converter’s choice first', () => {
		expect(findAmbiguities('屋前门后环境', 'hans', [])).toEqual([
			{
				line: 1,
				column: 4,
				char: '后',
				candidates: ['後', '后'],
				chosen: '後',
				context: '屋前门【后】环境',
				message: expect.stringContaining('若“後”正确，把【】里的字写成 <Zh hant="後">后</Zh>（确认后不再提示）；否则写成 <Zh hant="后">后</Zh>'),
			},
		]);
	});

	it('says nothing where a phrase (or a segmentation guard) decides', () => {
		expect(findAmbiguities('头发和社会治理发展，干部、干净、干涉，皇后和后来', 'hans', [])).toEqual([]);
	});

	it('says nothing inside glossary terms', () => {
		expect(findAmbiguities('余家', 'hans', []).map((found) => found.char)).toEqual(['余']);
		expect(findAmbiguities('余家', 'hans', [{ hans: '余家', hant: '余家' }])).toEqual([]);
	});

	it('says nothing about the surname 余 before a title (the surname rule decides)', () => {
		expect(findAmbiguities('余先生和余建国书记', 'hans', [])).toEqual([]);
	});

	it('checks traditional text against the simplified forms', () => {
		const found = findAmbiguities('看著他的著作', 'hant', []);
		expect(found.map((a) => [a.column, a.char, a.chosen, a.candidates])).toEqual([[2, '著', '着', ['着', '著']]]);
		expect(found[0]?.message).toContain('<Zh hans="着">著</Zh>');
	});

	it('counts lines from lineOffset', () => {
		expect(findAmbiguities('第一行\n门后', 'hans', [], { lineOffset: 10 }).map((a) => [a.line, a.column])).toEqual([[12, 2]]);
	});
});

describe('findFileAmbiguities', () => {
	const file = [
		'---',
		'title: 门后',
		'script: hans',
		'---',
		'',
		'# 门后',
		'',
		'大家在`门后`，<Zh hant="後">后</Zh>边。',
		'他的头',
		'发很长，站在门后。',
		'',
		'import Box from "./box.astro"',
		'',
		'<Box title="门后" href="/门后">屋后</Box>',
	].join('\n');

	it("reports the file's lines and columns, skipping frontmatter, code, <Zh> and non-prose attributes", () => {
		const found = findFileAmbiguities(file, 'hans', []);
		expect(found.map((a) => [a.line, a.column, a.char, a.context])).toEqual([
			[6, 4, '后', '门【后】'],
			[10, 8, '后', '头发很长，站在门【后】。'],
			[14, 14, '后', '门【后】'],
			[14, 29, '后', '屋【后】'],
		]);
	});
});
