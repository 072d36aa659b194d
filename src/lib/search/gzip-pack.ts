/**
 * Pagefind files as the previous build gzipped them: a memo of "payload → gzipped file",
 * kept in one file of the build's cache directory, so a rebuild writes an unchanged index
 * chunk, filter or pf_meta by copying its bytes instead of compressing it again (gzip is most
 * of what writing the index costs).
 *
 * Keyed by a digest of the payload (the bytes before the signature and gzip) and the
 * encoder, and kept only by the same zlib and Zopfli settings: gzip's output is a function
 * of its input, its encoder and the encoder's settings, so a hit is exactly what compressing
 * again would give, and the output stays byte for byte a clean build's. The pack is read
 * whole at the start and written whole at the end, with only the entries this build used:
 * one file read and one written instead of thousands.
 *
 * Two encoders: zlib (`LEVEL`) for the chunks and filters (thousands of files, a few of
 * which a query fetches), Zopfli (zopfli.ts) for the files every reader fetches before the
 * first result, pf_meta and the wasm, where its 100-fold time buys 5–21 % fewer bytes.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { promisify } from 'node:util';
import { gzip, gzipSync } from 'node:zlib';
import { writeFileAtomically } from '../files/write-atomically.ts';
import { withPagefindSignature } from './pagefind-format.ts';
import { ZOPFLI_SETTINGS, zopfliGzip } from './zopfli.ts';

const gzipAsync = promisify(gzip);

/**
 * zlib's level for the chunks and filters. Level 6 is zlib's default: on the 2,379 chunks of
 * a 10,000-case index (74 MB before gzip) it writes 0.34 % more bytes than level 9 (35.68
 * against 35.56 MB; about 0.13 KB more of a median query's 39.5 KB of chunks) in 57 % of
 * the CPU time (2.6 against 4.6 s), which a rebuild spends whenever the pages are renumbered.
 */
const LEVEL = 6;

/** How a Pagefind file is gzipped: zlib, or Zopfli for the files every search fetches first. */
export type Encoder = 'zlib' | 'zopfli';

/** A file's key in the pack: zlib's files by their payload's digest (what the kept index notes), Zopfli's marked. */
const packKey = (digest: string, encoder: Encoder) => (encoder === 'zlib' ? digest : `zopfli:${digest}`);

/** What a pack file's header says: the compressor it was made with and its entries in order. */
interface PackHeader {
	zlib: string;
	level: number;
	zopfli: string;
	/** [key (`packKey`), gzipped length], the bytes following the header in this order. */
	entries: [string, number][];
}

/** The digest a payload is known by: in the pack, and in the index writer's digest of what it wrote. */
export const payloadDigest = (payload: Uint8Array) => createHash('sha256').update(payload).digest('base64url');

/** A Pagefind file's bytes as written: signature and payload, gzipped. */
export function pagefindFileBytes(payload: Uint8Array): Buffer {
	return gzipSync(withPagefindSignature(payload), { level: LEVEL });
}

/** The memo: gzipped Pagefind files by payload, from the previous build and this one. */
export class GzipPack {
	private readonly previous = new Map<string, Buffer>();
	private readonly used = new Map<string, Buffer>();
	/** Files taken from the previous build, and files compressed anew. */
	readonly counts = { reused: 0, compressed: 0 };

	/** The pack kept in `file` (none yet, unreadable or from another zlib: an empty memo). */
	static open(file: string): GzipPack {
		const pack = new GzipPack();
		let bytes: Buffer;
		try {
			bytes = readFileSync(file);
		} catch {
			return pack;
		}
		try {
			const headerLength = bytes.readUInt32BE(0);
			const header = JSON.parse(bytes.subarray(4, 4 + headerLength).toString('utf8')) as PackHeader;
			if (header.zlib !== process.versions.zlib || header.level !== LEVEL || header.zopfli !== ZOPFLI_SETTINGS) return pack;
			let at = 4 + headerLength;
			for (const [digest, length] of header.entries) {
				if (at + length > bytes.length) throw new Error('truncated');
				pack.previous.set(digest, bytes.subarray(at, at + length));
				at += length;
			}
		} catch {
			// A damaged pack is no pack: everything is compressed again.
			pack.previous.clear();
		}
		return pack;
	}

	private hit(key: string): Buffer | undefined {
		const bytes = this.used.get(key) ?? this.previous.get(key);
		if (bytes) {
			this.counts.reused++;
			this.used.set(key, bytes);
		}
		return bytes;
	}

	/** The zlib-gzipped Pagefind file of a payload by its digest alone, if the pack has it (counted as reused). */
	known(digest: string): Buffer | undefined {
		return this.hit(digest);
	}

	/** The Pagefind file of `payload` (compressed on this thread when the pack lacks it). */
	fileSync(payload: Uint8Array, digest = payloadDigest(payload)): Buffer {
		const known = this.hit(digest);
		if (known) return known;
		const bytes = pagefindFileBytes(payload);
		this.counts.compressed++;
		this.used.set(digest, bytes);
		return bytes;
	}

	/**
	 * The Pagefind file of `payload`, gzipped by `encoder` when the pack lacks it: zlib in its
	 * thread pool, Zopfli on this thread.
	 */
	async file(payload: Uint8Array, digest = payloadDigest(payload), encoder: Encoder = 'zlib'): Promise<Buffer> {
		const key = packKey(digest, encoder);
		const known = this.hit(key);
		if (known) return known;
		this.counts.compressed++;
		const signed = withPagefindSignature(payload);
		const bytes = encoder === 'zlib' ? await gzipAsync(signed, { level: LEVEL }) : await zopfliGzip(signed);
		this.used.set(key, bytes);
		return bytes;
	}

	/** Writes the entries this build used into `file` (beside, then renamed: a reader never sees half a pack). */
	save(file: string): void {
		const entries = [...this.used];
		const header: PackHeader = {
			zlib: process.versions.zlib ?? '',
			level: LEVEL,
			zopfli: ZOPFLI_SETTINGS,
			entries: entries.map(([digest, bytes]) => [digest, bytes.length]),
		};
		const headerBytes = Buffer.from(JSON.stringify(header));
		const length = Buffer.alloc(4);
		length.writeUInt32BE(headerBytes.length);
		writeFileAtomically(file, Buffer.concat([length, headerBytes, ...entries.map(([, bytes]) => bytes)]));
	}
}
