/**
 * Gzip with Zopfli, for the two Pagefind files every reader downloads before the first
 * result: pf_meta and the wasm (gzip-pack.ts picks which). Zopfli spends about 100 times
 * zlib's time to find a smaller deflate stream that any gunzip reads: at 10,000 cases
 * pf_meta is 21 % smaller (49.8 → 39.3 KB, 0.4 s) and the wasm 5 % (55.4 → 52.8 KB,
 * 0.6 s, once: it comes from the gzip pack afterwards). Its output is a function of its
 * input and these settings alone (no time stamp, no threads), so a rebuild that takes a
 * file from the gzip pack writes what a clean build does.
 *
 * The encoder is @gfx/zopfli: Google's Zopfli built to wasm (no native build). It runs on
 * the calling thread, which it holds for that time.
 */
import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

/**
 * Zopfli's passes over each block: 5 is within 0.1 % of its default 15 on pf_meta and the
 * wasm, in two thirds of the time (10,000 cases: 39,314 against 39,286 bytes, 0.38 s against
 * 0.57 s).
 */
const ITERATIONS = 5;

/** What the output depends on besides the input: the gzip pack keeps files made with these settings only. */
export const ZOPFLI_SETTINGS = `@gfx/zopfli ${(require('@gfx/zopfli/package.json') as { version: string }).version}, ${ITERATIONS} iterations`;

type Zopfli = typeof import('@gfx/zopfli');
let zopfli: Zopfli | undefined;

/** Process events whose handlers the encoder's Emscripten glue sets when it loads. */
const GLUE_EVENTS = ['uncaughtException', 'unhandledRejection'] as const;

/**
 * The encoder, loaded on first use. Its Emscripten glue (Emscripten 1.39) adds handlers for
 * the whole process's uncaught exceptions and unhandled rejections as it loads (it aborts on
 * any rejection): the build's own error handling and messages must not change because an
 * index was compressed, so the handlers it added are taken off again.
 */
function encoder(): Zopfli {
	if (zopfli) return zopfli;
	// The process's own handlers, seen as a plain emitter's (their types differ by event).
	const events = process as unknown as NodeJS.EventEmitter;
	const before = GLUE_EVENTS.map((event) => new Set(events.listeners(event)));
	try {
		zopfli = require('@gfx/zopfli') as Zopfli;
	} finally {
		GLUE_EVENTS.forEach((event, i) => {
			for (const listener of events.listeners(event)) if (!before[i]!.has(listener)) events.off(event, listener as (...args: unknown[]) => void);
		});
	}
	return zopfli;
}

/**
 * The output for the inputs used last in this process, by digest: the wasm is the same in
 * every index a process writes (tests write dozens; the dev server one per content change),
 * and without a build cache (no gzip pack) it would cost its 0.6 s each time.
 */
const recent = new Map<string, Promise<Buffer>>();
const RECENT = 4;

/** `bytes` gzipped by Zopfli. */
export function zopfliGzip(bytes: Uint8Array): Promise<Buffer> {
	const digest = createHash('sha256').update(bytes).digest('base64url');
	let gzipped = recent.get(digest);
	// Used again: the last to be forgotten (each index's pf_meta differs, its wasm does not).
	if (gzipped) recent.delete(digest);
	else {
		gzipped = encoder()
			.gzipAsync(bytes, { numiterations: ITERATIONS })
			.then((out) => Buffer.from(out.buffer, out.byteOffset, out.byteLength));
		// A failure is not remembered.
		gzipped.catch(() => recent.delete(digest));
	}
	recent.set(digest, gzipped);
	if (recent.size > RECENT) recent.delete(recent.keys().next().value!);
	return gzipped;
}
