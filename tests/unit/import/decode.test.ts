/** Encoding detection and the refusal of inputs that are not text documents. */
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { decodeText, MAX_INPUT_BYTES } from '../../../src/lib/import/decode.ts';
import { ImportInputError } from '../../../src/lib/import/types.ts';
import { importBytes } from './support.ts';

const SIMPLIFIED = '今年以来，某某县把党小组建在网格上，收集群众诉求1560件，办结率达98.6%，群众满意度明显提升。';
const TRADITIONAL = '今年以來，某某縣把黨小組建在網格上，收集群眾訴求1560件，辦結率達98.6%，群眾滿意度明顯提升。';

function refusal(bytes: Uint8Array, forced?: string): ImportInputError {
	try {
		decodeText(bytes, forced);
	} catch (error) {
		if (error instanceof ImportInputError) return error;
		throw error;
	}
	throw new Error('expected the input to be refused');
}

describe('decodeText', () => {
	it('reads UTF-8, with or without a BOM', () => {
		expect(decodeText(Buffer.from(SIMPLIFIED))).toEqual({ text: SIMPLIFIED, encoding: 'UTF-8' });
		expect(decodeText(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(SIMPLIFIED)])).text).toBe(SIMPLIFIED);
	});

	it('detects GB18030/GBK without a declaration', () => {
		const decoded = decodeText(iconv.encode(SIMPLIFIED, 'gbk'));
		expect(decoded).toEqual({ text: SIMPLIFIED, encoding: 'GB18030' });
	});

	it('detects Big5, which GBK would also decode without errors', () => {
		const bytes = iconv.encode(TRADITIONAL, 'big5');
		expect(iconv.decode(bytes, 'gb18030')).not.toBe(TRADITIONAL);
		expect(decodeText(bytes)).toEqual({ text: TRADITIONAL, encoding: 'Big5' });
	});

	it('tells GBK from Big5 on short traditional text written in GBK too', () => {
		expect(decodeText(iconv.encode(TRADITIONAL, 'gb18030')).text).toBe(TRADITIONAL);
	});

	it('reads UTF-16 with a BOM, and without one', () => {
		const le = iconv.encode(SIMPLIFIED, 'utf-16le');
		expect(decodeText(Buffer.concat([Buffer.from([0xff, 0xfe]), le])).text).toBe(SIMPLIFIED);
		const mixed = iconv.encode(`Report 2024: ${SIMPLIFIED} (draft) ok`, 'utf-16le');
		expect(decodeText(mixed).encoding).toBe('UTF-16LE');
	});

	it('honours a forced encoding, and rejects an unknown one', () => {
		expect(decodeText(iconv.encode(TRADITIONAL, 'big5'), 'big5').text).toBe(TRADITIONAL);
		expect(refusal(Buffer.from(SIMPLIFIED), 'klingon').message).toMatch(
			/expected an encoding name such as utf-8, gb18030, gbk or big5; found --encoding "klingon"/,
		);
	});

	it('refuses empty files', () => {
		expect(refusal(new Uint8Array()).message).toBe('expected a document with text; found an empty file (0 bytes)');
	});

	it('refuses binary data and names what it is when it can', () => {
		expect(refusal(Buffer.from([0x25, 0x50, 0x44, 0x46, 0x2d, 0x31])).found).toBe('a PDF file');
		expect(refusal(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1])).suggestion).toMatch(/save as \.docx/);
		const random = Buffer.from(Array.from({ length: 512 }, (_, i) => (i * 37 + 11) % 256));
		expect(refusal(random).found).toMatch(/^binary data/);
	});

	it('refuses a UTF-8 file cut in the middle of a character', () => {
		const bytes = Buffer.from(SIMPLIFIED);
		const error = refusal(bytes.subarray(0, bytes.length - 2));
		expect(error.found).toMatch(/ends in the middle of a character .* truncated/);
	});

	it('refuses a GBK file cut in the middle of a character', () => {
		const bytes = iconv.encode(SIMPLIFIED.replace(/%，/u, '%，提升'), 'gbk');
		const cut = bytes.subarray(0, bytes.length - 1);
		// The last complete byte before the cut is a lead byte of a two-byte character.
		expect(cut[cut.length - 1]).toBeGreaterThanOrEqual(0x81);
		expect(refusal(cut).found).toMatch(/GB18030 file that ends in the middle of a character/);
	});

	it('refuses files over 10 MB', () => {
		const error = refusal(new Uint8Array(MAX_INPUT_BYTES + 1).fill(0x41));
		expect(error.message).toBe('expected a document of at most 10 MB; found 10.0 MB (split the document, or remove embedded images)');
	});

	it('refuses bytes no Chinese encoding makes sense of', () => {
		const bytes = Buffer.from(Array.from({ length: 400 }, (_, i) => 0xa1 + ((i * 7919) % 90)));
		expect(refusal(bytes).message).toMatch(/^expected text in UTF-8, GB18030\/GBK or Big5; found (an unknown encoding|bytes that are neither)/);
	});
});

describe('importing legacy-encoded text files', () => {
	const doc = `某某县委组织部\n\n${SIMPLIFIED}\n\n一是划细网格。街道将辖区划分为128个网格，配备专兼职网格员300余名，做到有事找网格。\n\n二是积分激励。全年兑换物品价值约12万元，群众参与热情高涨。`;

	it('imports a GBK .txt fixture to the same draft as its UTF-8 original', async () => {
		const fromUtf8 = await importBytes(Buffer.from(doc), 'case.txt');
		const fromGbk = await importBytes(iconv.encode(doc, 'gbk'), 'case.txt');
		expect(fromGbk.encoding).toBe('GB18030');
		expect(fromGbk.cases.map((c) => c.mdx)).toEqual(fromUtf8.cases.map((c) => c.mdx));
	});

	it('imports a Big5 .txt fixture as 繁體', async () => {
		const traditional = `某某縣委組織部\n\n${TRADITIONAL}\n\n一是劃細網格。街道將轄區劃分為128個網格，配備專兼職網格員300餘名，做到有事找網格。`;
		const result = await importBytes(iconv.encode(traditional, 'big5'), 'case.txt');
		expect(result.encoding).toBe('Big5');
		expect(result.script).toBe('hant');
		expect(result.cases[0]!.mdx).toContain('配備專兼職網格員300餘名');
	});

	it('refuses a document without Chinese text', async () => {
		await expect(importBytes(Buffer.from('Quarterly report\n\nNothing but English text here, 2024.\n'), 'report.txt')).rejects.toThrow(
			'expected a document in Chinese; found no Chinese characters',
		);
	});
});
