/**
 * Bytes → text. Editors receive files in UTF-8, GB18030/GBK (mainland Windows) and Big5
 * (Taiwan, Hong Kong); the encoding is rarely declared. Detection: BOM, then strict
 * UTF-8, then the legacy Chinese encodings scored by how common their Han characters are
 * (chardet alone confuses GBK and Big5 on short texts, and both decode without errors).
 * Every refusal is an ImportInputError naming what was expected and what was found.
 */
import chardet from 'chardet';
import iconv from 'iconv-lite';
import { countHan } from './cjk.ts';
import { commonCharacters } from './common-chars.ts';
import { importMessages as m } from '../i18n/messages/index.ts';
import { ImportInputError } from './types.ts';

/** The largest document accepted (10 MB); a larger one is to be split, or its embedded images removed. */
export const MAX_INPUT_BYTES = 10 * 1024 * 1024;

/** A document's text and the encoding it was read in (shown in the report). */
export interface DecodedText {
	text: string;
	/** Canonical name: UTF-8, UTF-16LE, GB18030, Big5 … */
	encoding: string;
}

/** Binary formats editors mistake for documents, with what to do instead. */
const MAGIC: Array<{ bytes: number[]; found: () => string; suggestion?: () => string }> = [
	{ bytes: [0x25, 0x50, 0x44, 0x46], found: m.foundPdf, suggestion: m.suggestPdf },
	{ bytes: [0xd0, 0xcf, 0x11, 0xe0], found: m.foundLegacyWord, suggestion: m.suggestLegacyWord },
	{ bytes: [0x89, 0x50, 0x4e, 0x47], found: () => m.foundImage('PNG') },
	{ bytes: [0xff, 0xd8, 0xff], found: () => m.foundImage('JPEG') },
	{ bytes: [0x47, 0x49, 0x46, 0x38], found: () => m.foundImage('GIF') },
	{ bytes: [0x1f, 0x8b], found: () => m.foundArchive('gzip') },
	{ bytes: [0x52, 0x61, 0x72, 0x21], found: () => m.foundArchive('RAR') },
	{ bytes: [0x37, 0x7a, 0xbc, 0xaf], found: () => m.foundArchive('7z') },
];

/** Throws when the bytes are empty, too large or a known binary format. */
export function assertPlausibleInput(bytes: Uint8Array): void {
	if (bytes.length === 0) throw new ImportInputError(m.expectedDocumentWithText(), m.foundEmpty());
	assertSize(bytes.length);
	for (const magic of MAGIC) {
		if (magic.bytes.every((b, i) => bytes[i] === b)) {
			throw new ImportInputError(m.expectedDocument(), magic.found(), magic.suggestion?.());
		}
	}
}

/** Refuses a document over {@link MAX_INPUT_BYTES} (checked on the file's size before reading it, too). */
export function assertSize(size: number): void {
	if (size > MAX_INPUT_BYTES) {
		throw new ImportInputError(m.expectedMaxSize(), m.megabytes((size / 1024 / 1024).toFixed(1)), m.splitDocument());
	}
}

/** Decodes a text file, detecting its encoding unless `forced` names one. */
export function decodeText(bytes: Uint8Array, forced?: string): DecodedText {
	assertPlausibleInput(bytes);
	if (forced) return decodeForced(bytes, forced);

	const bom = decodeBom(bytes);
	if (bom) return bom;

	const utf16 = sniffUtf16(bytes);
	if (utf16) return { text: iconv.decode(Buffer.from(bytes), utf16), encoding: utf16.toUpperCase() };

	assertNotBinary(bytes);

	const utf8 = tryUtf8(bytes);
	if (utf8 !== undefined) return { text: utf8, encoding: 'UTF-8' };

	// A UTF-8 file with a few damaged bytes stays UTF-8: the garble check flags the U+FFFD.
	const lenient = new TextDecoder('utf-8').decode(bytes);
	const bad = countReplacement(lenient);
	if (countHan(lenient) >= 10 && bad <= Math.max(2, lenient.length * 0.002)) {
		return { text: stripBom(lenient), encoding: 'UTF-8 (with invalid bytes)' };
	}

	return decodeLegacy(bytes);
}

function decodeForced(bytes: Uint8Array, name: string): DecodedText {
	if (!iconv.encodingExists(name)) {
		throw new ImportInputError(m.expectedEncodingName(), `--encoding ${JSON.stringify(name)}`);
	}
	const text = stripBom(iconv.decode(Buffer.from(bytes), name));
	const bad = countReplacement(text);
	if (bad > Math.max(3, text.length * 0.01)) {
		throw new ImportInputError(m.expectedTextIn(name), m.foundInvalidBytes(bad, name), m.tryWithoutEncoding());
	}
	return { text, encoding: name.toUpperCase() };
}

function decodeBom(bytes: Uint8Array): DecodedText | undefined {
	if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
		const text = tryUtf8(bytes.subarray(3));
		if (text === undefined) return decodeLegacyUtf8Damaged(bytes.subarray(3));
		return { text, encoding: 'UTF-8' };
	}
	if (bytes[0] === 0xff && bytes[1] === 0xfe) {
		return { text: iconv.decode(Buffer.from(bytes.subarray(2)), 'utf-16le'), encoding: 'UTF-16LE' };
	}
	if (bytes[0] === 0xfe && bytes[1] === 0xff) {
		return { text: iconv.decode(Buffer.from(bytes.subarray(2)), 'utf-16be'), encoding: 'UTF-16BE' };
	}
	return undefined;
}

/** UTF-16 without a BOM: Han text has no zero bytes, but ASCII in UTF-16 has one per character. */
function sniffUtf16(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | undefined {
	const sample = bytes.subarray(0, 4096);
	if (sample.length < 4 || sample.length % 2 !== 0) return undefined;
	let evenZero = 0;
	let oddZero = 0;
	for (let i = 0; i < sample.length; i++) {
		if (sample[i] === 0) {
			if (i % 2 === 0) evenZero++;
			else oddZero++;
		}
	}
	const pairs = sample.length / 2;
	if (oddZero > pairs * 0.2 && evenZero < pairs * 0.02) return looksLikeUtf16(bytes, 'utf-16le');
	if (evenZero > pairs * 0.2 && oddZero < pairs * 0.02) return looksLikeUtf16(bytes, 'utf-16be');
	return undefined;
}

function looksLikeUtf16(bytes: Uint8Array, encoding: 'utf-16le' | 'utf-16be'): 'utf-16le' | 'utf-16be' | undefined {
	const text = iconv.decode(Buffer.from(bytes.subarray(0, 4096)), encoding);
	// Control characters are what a wrong UTF-16 guess produces from ASCII and Han text.
	// eslint-disable-next-line no-control-regex
	const controls = text.match(/[\u0000-\u0008\u000e-\u001f]/g)?.length ?? 0;
	return controls < text.length * 0.01 ? encoding : undefined;
}

/** Control characters other than tab, newline, form feed and carriage return mean binary data. */
function assertNotBinary(bytes: Uint8Array): void {
	const sample = bytes.subarray(0, 65536);
	let controls = 0;
	let firstNul = -1;
	for (let i = 0; i < sample.length; i++) {
		const b = sample[i] as number;
		if (b === 0 && firstNul < 0) firstNul = i;
		if (b < 0x09 || (b > 0x0d && b < 0x20 && b !== 0x1b)) controls++;
	}
	if (firstNul >= 0 || controls > sample.length * 0.005) {
		throw new ImportInputError(m.expectedText(), firstNul >= 0 ? m.foundBinaryNul(firstNul) : m.foundBinaryControls(controls, sample.length));
	}
}

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * Strict UTF-8. A file that is valid except for an incomplete character at its very end
 * was cut off while being copied: that is refused as truncated rather than guessed at.
 */
function tryUtf8(bytes: Uint8Array): string | undefined {
	try {
		return strictUtf8.decode(bytes);
	} catch {
		const cut = incompleteUtf8Tail(bytes);
		if (cut > 0) {
			try {
				strictUtf8.decode(bytes.subarray(0, bytes.length - cut));
				throw new ImportInputError(m.expectedComplete(), m.foundUtf8Cut(cut), m.copyAgain());
			} catch (error) {
				if (error instanceof ImportInputError) throw error;
			}
		}
		return undefined;
	}
}

/** Number of bytes at the end that start a UTF-8 sequence but do not complete it. */
function incompleteUtf8Tail(bytes: Uint8Array): number {
	for (let back = 1; back <= Math.min(3, bytes.length); back++) {
		const b = bytes[bytes.length - back] as number;
		if ((b & 0xc0) === 0x80) continue;
		const need = b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : b >= 0xc0 ? 2 : 1;
		return need > back ? back : 0;
	}
	return 0;
}

/** UTF-8 with a BOM but invalid bytes inside: keep it as UTF-8, the garble check flags U+FFFD. */
function decodeLegacyUtf8Damaged(bytes: Uint8Array): DecodedText {
	return { text: new TextDecoder('utf-8').decode(bytes), encoding: 'UTF-8 (with invalid bytes)' };
}

const LEGACY_CANDIDATES = ['gb18030', 'big5'] as const;

/**
 * GB18030 and Big5 both decode almost any byte string. The right one yields common
 * characters; the wrong one yields rare ones (and replacement characters).
 */
function decodeLegacy(bytes: Uint8Array): DecodedText {
	const buffer = Buffer.from(bytes);
	const hinted = chardet
		.analyse(buffer)
		.map((m) => m.name.toLowerCase())
		.filter((name) => iconv.encodingExists(name) && !name.startsWith('utf') && !name.startsWith('iso-8859'));
	const candidates = [...new Set<string>([...LEGACY_CANDIDATES, ...hinted.slice(0, 2)])];
	const common = commonCharacters();
	let best: { encoding: string; text: string; score: number; han: number; commonHan: number; bad: number } | undefined;
	for (const encoding of candidates) {
		const text = iconv.decode(buffer, encoding);
		const bad = countReplacement(text);
		let han = 0;
		let commonHan = 0;
		for (const ch of text) {
			if (countHan(ch) === 0) continue;
			han++;
			if (common.has(ch)) commonHan++;
		}
		const score = commonHan - 3 * bad;
		if (!best || score > best.score) best = { encoding, text, score, han, commonHan, bad };
	}
	if (!best || best.han < 10 || best.commonHan < best.han * 0.6) {
		throw new ImportInputError(
			m.expectedText(),
			best && best.han >= 10
				? m.foundUnknownEncoding(best.encoding.toUpperCase(), Math.round((100 * best.commonHan) / best.han))
				: m.foundNotChinese(),
			m.passEncoding(),
		);
	}
	if (best.text.endsWith('\ufffd') && (bytes[bytes.length - 1] as number) >= 0x81) {
		throw new ImportInputError(m.expectedComplete(), m.foundLegacyCut(best.encoding.toUpperCase()), m.copyAgain());
	}
	return {
		text: stripBom(best.text),
		encoding: best.encoding === 'gb18030' ? 'GB18030' : best.encoding === 'big5' ? 'Big5' : best.encoding.toUpperCase(),
	};
}

function countReplacement(text: string): number {
	return text.match(/\ufffd/g)?.length ?? 0;
}

function stripBom(text: string): string {
	return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}
