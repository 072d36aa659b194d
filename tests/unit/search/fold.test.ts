import * as OpenCC from 'opencc-js';
import { describe, expect, it } from 'vitest';
import { foldChar, foldText, parseFoldMap, serializeFoldMap } from '../../../src/lib/search/fold.ts';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { browserFoldMap, fullFoldMap, storedFoldMap } from '../../../src/lib/search/fold-table.ts';
import { ISSUE_QUERIES } from './queries.ts';

const map = fullFoldMap();
const toTw = OpenCC.Converter({ from: 'cn', to: 'tw' });
const toHk = OpenCC.Converter({ from: 'cn', to: 'hk' });

describe('folding', () => {
	it('folds each traditional query of the issue to its simplified form', () => {
		for (const [hans, hant] of ISSUE_QUERIES) {
			expect(foldText(hant, map)).toBe(foldText(hans, map));
			expect(foldText(hant, map)).toBe(hans);
		}
	});

	it('folds Taiwan and Hong Kong variant forms alike', () => {
		for (const text of ['群眾着裡為', '羣衆著裏爲']) expect(foldText(text, map)).toBe(foldText('群众着里为', map));
		expect(foldText('台臺', map)).toBe('台台');
	});

	it('makes a text and its 繁體 twin fold alike, for every character the site converts', () => {
		const simplified = [
			...new Set('打好屋场党建三长制组合拳凝聚基层治理新合力创新探索村情报告会制度精准解决群众急难愁盼头发余干后里面复系着么馀锺缐谘'.split('')),
		].join('');
		expect(foldText(toTw(simplified), map)).toBe(foldText(simplified, map));
		expect(foldText(toHk(simplified), map)).toBe(foldText(simplified, map));
	});

	it('is idempotent and keeps the length of the text', () => {
		for (const [from, to] of map) {
			expect(map.get(to) ?? to, `${from} → ${to}`).toBe(to);
			expect([...to]).toHaveLength(1);
		}
		const text = 'ＡＢＣ１２３村情報告會 PDF，2023年';
		expect([...foldText(text, map)]).toHaveLength([...text].length);
	});

	it('lower-cases letters and turns full-width forms into plain ones', () => {
		expect(foldText('ＡＢｃ１２３PDF', map)).toBe('abc123pdf');
		expect(foldChar('Ａ', map)).toBe('a');
		expect(foldChar('，', map)).toBe(',');
		// A compatibility ideograph is its unified ideograph.
		expect(foldChar('\uF907', map)).toBe(foldChar('龜', map));
	});

	it('ships the browser only entries whose target is in the index, in a form that reads back', () => {
		const indexed = new Set(foldText('村情报告会', map));
		const small = browserFoldMap(map, indexed);
		expect(small.get('會')).toBe('会');
		expect(small.get('報')).toBe('报');
		expect(small.has('鷹')).toBe(false);
		for (const to of small.values()) expect(indexed.has(to)).toBe(true);
		expect(parseFoldMap(serializeFoldMap(small))).toEqual(small);
		// Pairs without distances (the earlier form, in a kept fold table) are refused, not misread.
		expect(() => parseFoldMap('會会報报')).toThrow(/distance/);
		expect(() => parseFoldMap('ftd们1dm')).toThrow(/distance/);
		expect(
			serializeFoldMap(
				new Map([
					['們', '们'],
					['國', '国'],
				]),
			),
		).toBe('ftd们1dm国');
		expect(parseFoldMap(serializeFoldMap(map))).toEqual(map);
	});

	it('leaves out of the browser’s map only entries folding never looks up: every character folds as with them', () => {
		const targets = new Set(map.values());
		const small = browserFoldMap(map, targets);
		const everyEntry = new Map([...map].filter(([, to]) => targets.has(to)));
		// Compatibility ideographs are looked up by their unified form.
		expect(small.size).toBeLessThan(everyEntry.size * 0.9);
		expect(small.has('\uF907')).toBe(false);
		for (let code = 0x80; code <= 0x3ffff; code++) {
			if (code >= 0xd800 && code <= 0xdfff) continue;
			const char = String.fromCodePoint(code);
			if (foldChar(char, small) !== foldChar(char, everyEntry)) expect.fail(`U+${code.toString(16)} folds differently`);
		}
	});

	it('keeps the full map for the next build under the code’s key, and builds it again for another key or a damaged file', () => {
		const dir = mkdtempSync(path.join(tmpdir(), 'fold-'));
		try {
			const file = path.join(dir, 'cache', 'fold.txt');
			expect(storedFoldMap(file, 'code-1')).toEqual(map);
			expect(readFileSync(file, 'utf8').startsWith('code-1\n')).toBe(true);
			// A kept map is what is read back: a planted entry shows it was not rebuilt.
			writeFileSync(file, `code-1\n${serializeFoldMap(new Map([['會', '会']]))}`);
			expect(storedFoldMap(file, 'code-1')).toEqual(new Map([['會', '会']]));
			expect(storedFoldMap(file, 'code-2')).toEqual(map);
			writeFileSync(file, 'code-2\n會会報');
			expect(storedFoldMap(file, 'code-2')).toEqual(map);
		} finally {
			rmSync(dir, { recursive: true, force: true });
		}
	});
});
