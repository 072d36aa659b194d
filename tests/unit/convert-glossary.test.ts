import { describe, expect, it } from 'vitest';
import { createGlossaryMatcher, loadGlossary, validateGlossary } from '../../src/lib/convert/glossary.ts';
import { glossaryWarnings } from '../../src/lib/convert/glossary-check.ts';
import { setMessageLanguage } from '../../src/lib/i18n/messages/index.ts';

setMessageLanguage('zh');

const fixture = (name: string) => new URL(`../fixtures/convert/${name}`, import.meta.url).pathname;

describe('loadGlossary', () => {
	it('reads a valid glossary', () => {
		expect(loadGlossary(fixture('glossary.yaml'))).toEqual([
			expect.objectContaining({ hans: '钟山区', hant: '鍾山區' }),
			expect.objectContaining({ hans: '余书记', hant: '余書記' }),
		]);
	});

	it('treats a missing file as an empty glossary', () => {
		expect(loadGlossary(fixture('does-not-exist.yaml'))).toEqual([]);
	});

	it('names the file, the entry, its line and the field of every problem', () => {
		const file = fixture('invalid/fields.yaml');
		let message = '';
		try {
			loadGlossary(file);
		} catch (error) {
			message = (error as Error).message;
		}
		const lines = message.split('\n');
		expect(lines[0]).toBe(`Invalid glossary ${file}:`);
		expect(lines).toContain(`${file}: entry 2 at line 3, field hans: required field is missing; write the simplified form, e.g. "hans: 钟山区"`);
		expect(lines).toContain(
			`${file}: entry 3 (余书记) at line 6, field hant: expected a non-empty string; delete the field if the term is written the same in both scripts`,
		);
		expect(lines.find((line) => line.includes('entry 4'))).toBe(
			`${file}: entry 4 (盐湖区) at line 7: unknown field "hantt"; did you mean "hant" or "hans"?`,
		);
		expect(lines).toHaveLength(4);
	});

	it('rejects duplicates and terms that would convert two ways', () => {
		const file = fixture('invalid/duplicates.yaml');
		expect(() => loadGlossary(file)).toThrow(`${file}: entry 2 (钟山区) at line 3, field hans: duplicates entry 1; delete one of them`);
		expect(() => loadGlossary(file)).toThrow(
			`${file}: entry 3 (锺山区) at line 5, field hant: "鍾山區" is already mapped by entry 1 (钟山区 ↔ 鍾山區)`,
		);
	});

	it('reports YAML syntax errors with their line', () => {
		const file = fixture('invalid/syntax.yaml');
		expect(() => loadGlossary(file)).toThrow(new RegExp(`${file}: line \\d+: YAML syntax error`));
	});

	it('expects a list', () => {
		const file = fixture('invalid/not-a-list.yaml');
		expect(() => loadGlossary(file)).toThrow(`${file}: expected a YAML list of entries`);
	});

	it('accepts an empty file', () => {
		expect(validateGlossary(null, 'empty.yaml')).toEqual({ entries: [], problems: [] });
	});
});

describe('createGlossaryMatcher', () => {
	const entries = [{ hans: '钟山', hant: '鐘山' }, { hans: '钟山区', hant: '鍾山區' }, { hans: '山区' }];

	it('finds terms leftmost first, longest at each position', () => {
		const matcher = createGlossaryMatcher(entries, 'hans');
		expect(matcher.findAll('钟山区山区和钟山').map((match) => [match.start, match.end, match.entry.hans])).toEqual([
			[0, 3, '钟山区'],
			[3, 5, '山区'],
			[6, 8, '钟山'],
		]);
	});

	it('matches traditional text by the hant form (or hans when hant is left out)', () => {
		const matcher = createGlossaryMatcher(entries, 'hant');
		expect(matcher.findAll('鍾山區、山区').map((match) => match.entry.hans)).toEqual(['钟山区', '山区']);
	});
});

describe('glossaryWarnings', () => {
	it('warns about an entry without hant whose characters would convert', () => {
		const warnings = glossaryWarnings([{ hans: '常山' }, { hans: '余书记' }, { hans: '钟山区', hant: '鍾山區' }], 'tw');
		expect(warnings).toEqual([
			{
				index: 1,
				message: expect.stringContaining('第 2 条（余书记）没有写 hant，繁體页面会原样印出简体的“余书记”'),
			},
		]);
		expect(warnings[0]?.message).toContain('加一行 hant: 余書記');
	});
});
