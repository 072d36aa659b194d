/**
 * Every case converts to the other script and back unchanged. Where it does not, one
 * direction picked the wrong form, so the generated page is probably wrong there: fix
 * the text (a 繁體 case containing 干部 should say 幹部), add a glossary entry to
 * content/glossary.yaml, or mark the word with <Zh>.
 */
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { splitFrontmatter } from '../../src/lib/content/frontmatter.ts';
import { contentPaths } from '../../src/lib/content/paths.ts';
import { createConverter } from '../../src/lib/convert/converter.ts';
import { roundTrip, roundTripMdx } from '../../src/lib/convert/round-trip.ts';
import { siteConverter } from '../../src/lib/convert/site-converter.ts';
import { ScriptSchema } from '../../src/schemas/script.ts';

describe('roundTrip', () => {
	const converter = createConverter({ traditional: 'tw', glossary: [{ hans: '钟山区', hant: '鍾山區' }] });

	it('returns the text unchanged where both directions agree', () => {
		const result = roundTrip('钟山区干部把头发洗干净，1.2万人次。', 'hans', converter);
		expect(result.converted).toBe('鍾山區幹部把頭髮洗乾淨，1.2萬人次。');
		expect(result.back).toBe('钟山区干部把头发洗干净，1.2万人次。');
		expect(result.differences).toEqual([]);
	});

	it('reports where the way back differs, with line and column', () => {
		// A 繁體 text with a simplified leftover (干 for 幹) comes back corrected.
		const result = roundTrip('第一行\n培訓村干部400余人次', 'hant', converter);
		expect(result.differences).toEqual([
			{ line: 2, column: 4, source: '干', converted: '干', back: '幹', context: '培訓村【干】部400余人次' },
			{ line: 2, column: 9, source: '余', converted: '余', back: '餘', context: '培訓村干部400【余】人次' },
		]);
	});

	it("maps an MDX file's differences to its own lines, ignoring frontmatter and code", () => {
		const file = '---\ntitle: 村干部\nscript: hant\n---\n\n`干部`\n\n**培訓**村干部\n';
		expect(roundTripMdx(file, 'hant', converter).map((d) => [d.line, d.column, d.source, d.back])).toEqual([[8, 8, '干', '幹']]);
	});
});

const casesDir = contentPaths.cases();
const caseFiles = (() => {
	try {
		return readdirSync(casesDir, { recursive: true, encoding: 'utf8' })
			.filter((name) => name.endsWith('.mdx'))
			.sort();
	} catch {
		return [];
	}
})();

describe('round trip of every case in content/cases', () => {
	it('finds cases to check', () => {
		expect(caseFiles.length, `no .mdx files in ${casesDir}`).toBeGreaterThan(0);
	});

	it.each(caseFiles)('%s', (name) => {
		const file = path.join(casesDir, name);
		const text = readFileSync(file, 'utf8');
		const frontmatter = parse(splitFrontmatter(text).yaml) as { script?: unknown } | null;
		const script = ScriptSchema.parse(frontmatter?.script);
		const report = roundTripMdx(text, script, siteConverter()).map(
			(d) => `${path.relative(process.cwd(), file)}:${d.line}:${d.column}: ${d.source} → ${d.converted} → ${d.back} (${d.context})`,
		);
		expect(report, `${name} does not survive ${script} → ${script === 'hans' ? 'hant' : 'hans'} → ${script}`).toEqual([]);
	});
});
