/**
 * pf_meta's chunk list (chunk-bounds.ts): a chunk's range starts right after the previous
 * chunk's last word, except after a word that is not Han, and where a beginning of the
 * chunk's first word that falls between the chunks also begins the next chunk. The search
 * results of both layouts are compared in pagefind-wasm.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { metaChunkList } from '../../../src/lib/search/chunk-bounds.ts';

describe('the chunk list of pf_meta', () => {
	it('starts a range after the previous chunk’s last word where no search can tell', () => {
		// In word order, as the writer makes them.
		const chunks = [
			{ from: '2023', to: 'cafe' },
			{ from: '三长', to: '五面' },
			{ from: '井冈', to: '村情' },
			{ from: '枫叶', to: '枫林' },
			{ from: '枫树', to: '爱心' },
		];
		expect(metaChunkList(chunks)).toEqual([
			// The first chunk, and the one after a word of letters: their own first words.
			['2023', 'cafe', '0'],
			['三长', '五面', '1'],
			// Right after 五面.
			['五面\0', '村情', '2'],
			// 枫, between 村情 and 枫叶, begins words of the next chunk too (枫树): Pagefind's range.
			['枫叶', '枫林', '3'],
			// Nothing between 枫林 and 枫树 begins a word of the chunk after.
			['枫林\0', '爱心', '4'],
		]);
	});
});
