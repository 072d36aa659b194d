/**
 * The signature every Pagefind file starts with after gunzip, apart from the rest of the
 * format (pagefind-format.ts, which re-exports these): the search page's first script
 * needs only this to read pf_meta, the wasm and the chunks (pagefind-wasm.ts), and the CBOR
 * decoder stays in the module that reads the filter files after the first result.
 */

/** The bytes every Pagefind index file starts with, after gunzip. */
export const PAGEFIND_SIGNATURE = 'pagefind_dcd';

const SIGNATURE_BYTES = new TextEncoder().encode(PAGEFIND_SIGNATURE);

/** A Pagefind file's content (after gunzip) without its signature; throws if the signature is missing. */
export function pagefindPayload(bytes: Uint8Array, where = 'Pagefind file'): Uint8Array {
	const signature = String.fromCharCode(...bytes.subarray(0, SIGNATURE_BYTES.length));
	if (signature !== PAGEFIND_SIGNATURE)
		throw new Error(`${where}: expected a Pagefind file starting with "${PAGEFIND_SIGNATURE}", found "${signature}"`);
	return bytes.subarray(SIGNATURE_BYTES.length);
}

/** The signature and `payload`: a Pagefind file's content before gzip. */
export function withPagefindSignature(payload: Uint8Array): Uint8Array {
	const bytes = new Uint8Array(SIGNATURE_BYTES.length + payload.length);
	bytes.set(SIGNATURE_BYTES);
	bytes.set(payload, SIGNATURE_BYTES.length);
	return bytes;
}
