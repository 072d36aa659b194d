import { describe, expect, it } from 'vitest';
import { decodeCbor, encodeCbor } from '../../../src/lib/search/pagefind-format.ts';

describe('CBOR', () => {
	it('encodes and decodes what Pagefind index files hold', () => {
		const value = [
			'1.6.0',
			[
				['0', 512, ''],
				['7ps', 70000, ''],
			],
			[[0, [-25, 735, 4_000_000_000], []]],
			{ a: true, b: null },
			new Uint8Array([1, 2]),
			-1,
			23,
			24,
			255,
			256,
			65536,
		];
		expect(decodeCbor(encodeCbor(value))).toEqual(value);
	});

	it('uses the shortest integer forms, as minicbor does', () => {
		expect([...encodeCbor(23)]).toEqual([23]);
		expect([...encodeCbor(24)]).toEqual([0x18, 24]);
		expect([...encodeCbor(-25)]).toEqual([0x38, 24]);
		expect([...encodeCbor('村')]).toEqual([0x63, 0xe6, 0x9d, 0x91]);
	});

	it('says where it found something it does not read', () => {
		expect(() => decodeCbor(new Uint8Array([0x1c]))).toThrow(/length encoding 28/);
		expect(() => decodeCbor(new Uint8Array([1, 2]))).toThrow(/1 bytes left/);
	});
});
