import { describe, expect, it } from 'vitest';
import { FILLER, hanWords, indexWords, queryPhrases } from '../../../src/lib/search/tokens.ts';

/** Where the phrase's words stand at consecutive positions among `words`, as Pagefind's exact search checks. */
function phraseAt(words: readonly string[], phrase: readonly string[]): number[] {
	const found: number[] = [];
	for (let i = 0; i + phrase.length <= words.length; i++) {
		if (phrase.every((word, j) => words[i + j] === word)) found.push(i);
	}
	return found;
}

const SAMPLE = '常宁市洋泉镇创新“屋场党建+三长制”基层治理模式，将党小组建在屋场、集聚片组邻“三长”力量，截至2023年底建成积分超市12个，PDF版见附件。';

describe('index words', () => {
	it('cuts a Han run into overlapping bigrams and its last character', () => {
		expect(hanWords([...'村情报告会'])).toEqual(['村情', '情报', '报告', '告会', '会']);
		expect(hanWords(['县'])).toEqual(['县']);
		expect(indexWords('村情报告会')).toEqual(['村情', '情报', '报告', '告会', '会']);
	});

	it('keeps letters and digits as words, joined to Han text without a gap', () => {
		expect(indexWords('2023年底pdf版')).toEqual(['2023', '年底', '底', 'pdf', '版']);
	});

	it('puts a filler between separated runs unless both are Han', () => {
		expect(indexWords('县。2023')).toEqual(['县', FILLER, '2023']);
		expect(indexWords('2023，年底')).toEqual(['2023', FILLER, '年底', '底']);
		expect(indexWords('报告，会议')).toEqual(['报告', '告', '会议', '议']);
		expect(indexWords('a b')).toEqual(['a', FILLER, 'b']);
	});

	it('gives every character of a Han run exactly one word starting with it', () => {
		const words = indexWords(SAMPLE).filter((w) => w !== FILLER && /\p{Script=Han}/u.test(w));
		expect(words.map((w) => [...w][0]).join('')).toBe([...SAMPLE].filter((c) => /\p{Script=Han}/u.test(c)).join(''));
	});
});

describe('query phrases', () => {
	it('turns a Chinese query of 2–6 characters into the bigrams of a substring', () => {
		expect(queryPhrases('村情报告会')).toEqual([{ text: '村情报告会', words: ['村情', '情报', '报告', '告会'], prefix: false }]);
		expect(queryPhrases('胡柚')).toEqual([{ text: '胡柚', words: ['胡柚'], prefix: false }]);
	});

	it('matches one character, or a run of letters or digits, as a prefix', () => {
		expect(queryPhrases('会')).toEqual([{ text: '会', words: ['会'], prefix: true }]);
		expect(queryPhrases('2023')).toEqual([{ text: '2023', words: ['2023'], prefix: true }]);
	});

	it('splits at spaces and punctuation, and drops a lone last character after digits', () => {
		expect(queryPhrases('五面红旗 芮城').map((p) => p.words)).toEqual([['五面', '面红', '红旗'], ['芮城']]);
		expect(queryPhrases('“积分超市”、').map((p) => p.words)).toEqual([['积分', '分超', '超市']]);
		expect(queryPhrases('2023年').map((p) => p.words)).toEqual([['2023']]);
		expect(queryPhrases('2023年底').map((p) => p.words)).toEqual([['2023', '年底']]);
		expect(queryPhrases('，。 ')).toEqual([]);
	});

	it('finds every substring of 2–6 characters inside longer words, at the right place', () => {
		const words = indexWords(SAMPLE);
		const chars = [...SAMPLE];
		let checked = 0;
		for (let length = 2; length <= 6; length++) {
			for (let start = 0; start + length <= chars.length; start++) {
				const query = chars.slice(start, start + length).join('');
				const phrases = queryPhrases(query);
				if (phrases.length !== 1 || /[^\p{Script=Han}]/u.test(query)) continue;
				expect(phraseAt(words, phrases[0]!.words).length, query).toBeGreaterThan(0);
				checked++;
			}
		}
		expect(checked).toBeGreaterThan(100);
	});

	it('does not match across punctuation', () => {
		const words = indexWords('报告，会议。县。2023');
		expect(phraseAt(words, queryPhrases('告会')[0]!.words)).toEqual([]);
		expect(phraseAt(words, queryPhrases('报告会议')[0]!.words)).toEqual([]);
		expect(phraseAt(words, queryPhrases('县2023')[0]!.words)).toEqual([]);
	});
});
