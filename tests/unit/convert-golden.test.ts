/**
 * Golden conversions (tests/fixtures/convert/golden.tsv), in the style of OpenCC's own
 * test cases: each row is converted hans → hant with the Taiwan and the Hong Kong
 * character standards and, where the row says so, back again.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createConverter } from '../../src/lib/convert/converter.ts';
import { loadGlossary } from '../../src/lib/convert/glossary.ts';

const fixtures = new URL('../fixtures/convert/', import.meta.url);
const glossary = loadGlossary(new URL('glossary.yaml', fixtures).pathname);

interface Row {
	line: number;
	hans: string;
	tw: string;
	hk: string;
	reversible: boolean;
}

const rows: Row[] = readFileSync(new URL('golden.tsv', fixtures), 'utf8')
	.split('\n')
	.map((text, index) => ({ text, line: index + 1 }))
	.filter(({ text }) => text.trim() && !text.startsWith('#'))
	.map(({ text, line }) => {
		const [hans, tw, hk, direction] = text.split('\t');
		if (!hans || !tw || !hk || (direction !== '<>' && direction !== '>')) {
			throw new Error(`golden.tsv line ${line}: expected hans<TAB>tw<TAB>hk<TAB><> or >, found ${JSON.stringify(text)}`);
		}
		return { line, hans, tw, hk, reversible: direction === '<>' };
	});

const converters = {
	tw: createConverter({ traditional: 'tw', glossary }),
	hk: createConverter({ traditional: 'hk', glossary }),
};

describe('golden conversions', () => {
	it('has the cases the module promises', () => {
		const hans = new Set(rows.map((row) => row.hans));
		for (const required of ['干部', '干净', '干涉', '头发', '理发', '社会治理发展', '余书记', '剩余', '钟山区', '1.2万人次', '项目']) {
			expect(hans, required).toContain(required);
		}
	});

	for (const standard of ['tw', 'hk'] as const) {
		describe(`traditional: ${standard}`, () => {
			it.each(rows)(`line $line: $hans`, (row) => {
				const converter = converters[standard];
				const expected = row[standard];
				expect(converter.convert(row.hans, 'hans', 'hant')).toBe(expected);
				if (row.reversible) expect(converter.convert(expected, 'hant', 'hans')).toBe(row.hans);
			});
		});
	}
});
