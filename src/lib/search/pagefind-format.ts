/**
 * Pagefind's index files, encoded and decoded here only. No library covers this format: the
 * index writer (pagefind-writer.ts) writes it, and the search page reads the filter files
 * (facets.ts). Browser-safe: no Node modules (the gzip layer is the caller's: Node's zlib in
 * pagefind-writer.ts, the browser's fetch in search.ts).
 *
 * Supported: Pagefind 1.6 (SUPPORTED_PAGEFIND_VERSION; the index step refuses another installed
 * version, so an upgrade is checked against these notes and the writer's tests first).
 *
 * Format (Pagefind 1.6): every file is gzip of the signature "pagefind_dcd" then CBOR
 * (RFC 8949; fragments: JSON instead of CBOR).
 *   pf_meta   [version, [[page id, word count, …]…], [[from, to, chunk]…], [[filter, file]…], [[sort, [page…]]…], [meta field…]]
 *   pf_index  [[[word, [[page Δ, locs, meta locs]…], [[variant, [[page Δ, …]…]]…]]…]]
 *             (page numbers within a word are ascending and delta-encoded; locs are page-local and copied as they are)
 *   pf_filter [filter, [[value, [page…]]…]]
 *   entry     pagefind-entry.json: { version, languages: { <language>: { hash, wasm, page_count } } }
 *
 * CBOR: the subset Pagefind's encoder (minicbor) writes: unsigned and negative integers, text
 * and byte strings, arrays, maps, booleans, null and floats; definite lengths, shortest forms.
 */
import { pagefindPayload } from './pagefind-signature.ts';

export { PAGEFIND_SIGNATURE, pagefindPayload, withPagefindSignature } from './pagefind-signature.ts';

/** The Pagefind versions whose format these notes describe. */
export const SUPPORTED_PAGEFIND_VERSION = /^1\.6\./;

/** Throws unless `version` (from pagefind-entry.json) is one this module understands. */
export function checkPagefindVersion(version: string, where: string): void {
	if (!SUPPORTED_PAGEFIND_VERSION.test(version)) {
		throw new Error(
			`${where}: the index format is known for Pagefind 1.6, found version ${version}; check src/lib/search/pagefind-format.ts against the new format`,
		);
	}
}

/** Decodes a Pagefind file's content (after gunzip): the signature, then one CBOR item. */
export function decodePagefindPayload(bytes: Uint8Array): CborValue {
	return decodeCbor(pagefindPayload(bytes));
}

/** A decoded CBOR item; {@link RawCbor} stands for an item kept encoded. */
export type CborValue = number | string | Uint8Array | boolean | null | CborValue[] | { [key: string]: CborValue };

/** Decodes one CBOR item that fills `bytes` exactly. */
export function decodeCbor(bytes: Uint8Array): CborValue {
	const reader = new CborReader(bytes);
	const value = reader.value();
	if (!reader.done) throw new Error(`CBOR: ${reader.remaining} bytes left after the top-level item`);
	return value;
}

/** A growable byte buffer with CBOR heads in their shortest forms (as minicbor, Pagefind's encoder, writes them). */
export class CborWriter {
	bytes: Uint8Array;
	length = 0;
	constructor(size = 1024) {
		this.bytes = new Uint8Array(size);
	}
	private ensure(extra: number) {
		if (this.length + extra <= this.bytes.length) return;
		let size = Math.max(this.bytes.length * 2, 64);
		while (size < this.length + extra) size *= 2;
		const grown = new Uint8Array(size);
		grown.set(this.bytes.subarray(0, this.length));
		this.bytes = grown;
	}
	/** The head of an item: major type and argument (a length or an unsigned integer). */
	head(major: number, value: number) {
		this.ensure(9);
		const b = this.bytes;
		const m = major << 5;
		if (value < 24) b[this.length++] = m | value;
		else if (value < 0x100) {
			b[this.length++] = m | 24;
			b[this.length++] = value;
		} else if (value < 0x10000) {
			b[this.length++] = m | 25;
			b[this.length++] = value >> 8;
			b[this.length++] = value & 0xff;
		} else if (value < 0x100000000) {
			b[this.length++] = m | 26;
			new DataView(b.buffer).setUint32(this.length, value);
			this.length += 4;
		} else {
			b[this.length++] = m | 27;
			new DataView(b.buffer).setBigUint64(this.length, BigInt(value));
			this.length += 8;
		}
	}
	/** An integer, either sign. */
	int(value: number) {
		if (value >= 0) this.head(0, value);
		else this.head(1, -1 - value);
	}
	/** A text string. */
	text(value: string) {
		const bytes = encoder.encode(value);
		this.head(3, bytes.length);
		this.raw(bytes);
	}
	/** Bytes already encoded. */
	raw(bytes: Uint8Array) {
		this.ensure(bytes.length);
		this.bytes.set(bytes, this.length);
		this.length += bytes.length;
	}
	/** `source[start, end)`: a byte loop for the few bytes an index entry has, where a subarray would cost more than the copy. */
	copy(source: Uint8Array, start: number, end: number) {
		const length = end - start;
		this.ensure(length);
		if (length > 32) this.bytes.set(source.subarray(start, end), this.length);
		else for (let i = 0; i < length; i++) this.bytes[this.length + i] = source[start + i]!;
		this.length += length;
	}
	/** What has been written. */
	view(): Uint8Array {
		return this.bytes.subarray(0, this.length);
	}
}

const encoder = new TextEncoder();
/** One decoder for every reader: making one per reader cost more than the reading. */
const textDecoder = new TextDecoder();

/** Encodes with definite lengths and the shortest integer forms, as minicbor (Pagefind's encoder) does. */
export function encodeCbor(value: CborValue): Uint8Array {
	const out = new CborWriter();
	const write = (item: CborValue): void => {
		if (typeof item === 'number') {
			if (!Number.isInteger(item)) {
				const float = new Uint8Array(9);
				float[0] = 0xfb;
				new DataView(float.buffer).setFloat64(1, item);
				out.raw(float);
			} else out.int(item);
		} else if (typeof item === 'string') {
			out.text(item);
		} else if (item instanceof Uint8Array) {
			out.head(2, item.length);
			out.raw(item);
		} else if (item === null || typeof item === 'boolean') {
			out.raw(Uint8Array.of(item === null ? 0xf6 : item ? 0xf5 : 0xf4));
		} else if (Array.isArray(item)) {
			out.head(4, item.length);
			for (const element of item) write(element);
		} else {
			const entries = Object.entries(item);
			out.head(5, entries.length);
			for (const [key, element] of entries) {
				write(key);
				write(element);
			}
		}
	};
	write(value);
	return out.bytes.slice(0, out.length);
}

/** Reads CBOR item by item. */
class CborReader {
	private offset = 0;
	private readonly bytes: Uint8Array;
	private readonly view: DataView;
	private readonly decoder = textDecoder;

	constructor(bytes: Uint8Array) {
		this.bytes = bytes;
		this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
	}

	/** Whether every byte has been read. */
	get done(): boolean {
		return this.offset >= this.bytes.length;
	}

	/** Bytes not read yet. */
	get remaining(): number {
		return this.bytes.length - this.offset;
	}

	private argument(info: number): number {
		if (info < 24) return info;
		let value: number;
		if (info === 24) value = this.view.getUint8(this.offset);
		else if (info === 25) value = this.view.getUint16(this.offset);
		else if (info === 26) value = this.view.getUint32(this.offset);
		else if (info === 27) value = Number(this.view.getBigUint64(this.offset));
		else throw new Error(`CBOR: unsupported length encoding ${info} at byte ${this.offset}`);
		this.offset += info === 24 ? 1 : info === 25 ? 2 : info === 26 ? 4 : 8;
		return value;
	}

	/** Decodes the next item, whatever its type. */
	value(): CborValue {
		const initial = this.view.getUint8(this.offset++);
		const major = initial >> 5;
		const info = initial & 31;
		switch (major) {
			case 0:
				return this.argument(info);
			case 1:
				return -1 - this.argument(info);
			case 2: {
				const length = this.argument(info);
				const value = this.bytes.slice(this.offset, this.offset + length);
				this.offset += length;
				return value;
			}
			case 3: {
				const length = this.argument(info);
				const value = this.decoder.decode(this.bytes.subarray(this.offset, this.offset + length));
				this.offset += length;
				return value;
			}
			case 4: {
				const items: CborValue[] = [];
				if (info === 31) {
					while (this.view.getUint8(this.offset) !== 0xff) items.push(this.value());
					this.offset++;
				} else {
					const length = this.argument(info);
					for (let i = 0; i < length; i++) items.push(this.value());
				}
				return items;
			}
			case 5: {
				const map: { [key: string]: CborValue } = {};
				const length = this.argument(info);
				for (let i = 0; i < length; i++) {
					const key = this.value();
					map[String(key)] = this.value();
				}
				return map;
			}
			case 7:
				if (info === 20) return false;
				if (info === 21) return true;
				if (info === 22) return null;
				if (info === 26) {
					const value = this.view.getFloat32(this.offset);
					this.offset += 4;
					return value;
				}
				if (info === 27) {
					const value = this.view.getFloat64(this.offset);
					this.offset += 8;
					return value;
				}
		}
		throw new Error(`CBOR: unsupported item (major type ${major}, info ${info}) at byte ${this.offset - 1}`);
	}
}
