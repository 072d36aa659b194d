/**
 * The QR codes of the case pages (components/SharePanel.astro), made in a worker thread
 * while Astro starts and renders the pages, instead of on Astro's thread as each page is
 * rendered. Choosing a code's mask (the standard's eight patterns, scored) takes a quarter
 * of a millisecond per code: 5 s of Astro's thread for the 20,000 case pages of a
 * 10,000-case compendium, while the other core has time to spare.
 *
 * The worker sends the codes back in small batches; a page takes its code from them
 * (compendium/qr-code.ts' `qrSvg`) and makes it itself when the worker has not got to it
 * yet, so the pages are the same either way.
 */
import path from 'node:path';
import { isMainThread, MessageChannel, receiveMessageOnPort, Worker, workerData, type MessagePort } from 'node:worker_threads';
import { makeQrSvg, offerMadeCodes, type MadeCodes } from '../compendium/qr-code.ts';
import { sortCases } from '../compendium/issue-order.ts';
import { PROJECT_ROOT } from '../content/paths.ts';
import { loadSiteConfig } from '../content/site-config.ts';
import { enabledScripts } from '../i18n/static-paths.ts';
import { pageUrl } from '../routes.ts';
import type { Case } from '../../schemas/case.ts';

const ROLE = 'compendium-qr-codes';
const WORKER_FILE = path.join(PROJECT_ROOT, 'src', 'lib', 'build', 'qr-codes-alongside.ts');
/** Codes per message from the worker. */
const BATCH = 100;
/**
 * How far ahead of the pages the worker may be: the codes made and not yet asked for are
 * held on the page build's heap (2 KB each), and the worker is several times faster than
 * the pages.
 */
const LEAD = 1000;
/** Slots of the memory both threads share: how many pages have asked for their code, and whether to stop. */
const ASKED = 0;
const STOPPED = 1;

/**
 * The codes made ahead, as the pages take them. Each page that asks moves the count in
 * shared memory on, whether its code was there or not: the worker goes by that count, so
 * it skips the pages that went by while it was busy elsewhere (the other core is shared
 * with the search index and the page writer) instead of making codes no page will take.
 *
 * The worker's batches are read from their port when a page asks, not by a message
 * listener: Astro makes page after page without going back to the event loop (every
 * write returns at once, page-writer.ts), so a listener heard of a batch only when the
 * pages paused, and most pages had made their own code by then.
 */
class CodesAhead implements MadeCodes {
	readonly #codes = new Map<string, string>();
	/** Pages that made their own code: the worker's code for them, arriving late, is dropped. */
	readonly #madeByPage = new Set<string>();
	readonly #shared: Int32Array;
	readonly #port: MessagePort;
	constructor(shared: Int32Array, port: MessagePort) {
		this.#shared = shared;
		this.#port = port;
	}
	take(text: string): string | undefined {
		Atomics.add(this.#shared, ASKED, 1);
		Atomics.notify(this.#shared, ASKED);
		const code = this.#codes.get(text) ?? this.#received().get(text);
		if (code === undefined) this.#madeByPage.add(text);
		else this.#codes.delete(text);
		return code;
	}
	/** Whether the code of `text` is waiting for its page. */
	has(text: string): boolean {
		return this.#received().has(text);
	}
	/** How many codes are waiting for their pages. */
	get size(): number {
		return this.#received().size;
	}
	/** Drops every code and closes the port. */
	close(): void {
		this.#port.close();
		this.#codes.clear();
		this.#madeByPage.clear();
	}
	/** The codes, with the batches the worker has sent since last asked. */
	#received(): Map<string, string> {
		for (let message = receiveMessageOnPort(this.#port); message; message = receiveMessageOnPort(this.#port)) {
			for (const [text, code] of message.message as [string, string][]) if (!this.#madeByPage.delete(text)) this.#codes.set(text, code);
		}
		return this.#codes;
	}
}

/**
 * The full addresses of the case pages of `cases` in every script the build makes, in the
 * order Astro renders them (the case page route's, cases/[id].astro), as their share panels
 * encode them.
 */
export function casePageAddresses(cases: Iterable<{ id: string; data: Case }>, base: string): string[] {
	const sorted = sortCases([...cases]);
	const site = loadSiteConfig().url;
	return enabledScripts().flatMap((script) => sorted.map((entry) => pageUrl(site, base, script, { kind: 'case', id: entry.id })));
}

/**
 * Starts making the codes of `texts` (the pages' full addresses, in the order the pages are
 * made); the returned function stops the worker and drops the codes no page took. The
 * worker never keeps the process alive.
 */
export function startQrCodesAlongside(texts: readonly string[]): () => Promise<void> {
	const shared = new Int32Array(new SharedArrayBuffer(2 * Int32Array.BYTES_PER_ELEMENT));
	const { port1, port2 } = new MessageChannel();
	const made = new CodesAhead(shared, port1);
	const withdraw = offerMadeCodes(made);
	const worker = new Worker(WORKER_FILE, { workerData: { role: ROLE, texts, shared, port: port2 }, transferList: [port2] });
	worker.unref();
	// A failure here costs time, not codes: the pages make what is missing.
	worker.on('error', () => {});
	return async () => {
		withdraw();
		made.close();
		Atomics.store(shared, STOPPED, 1);
		Atomics.notify(shared, ASKED);
		await worker.terminate();
	};
}

if (!isMainThread && (workerData as { role?: string } | null)?.role === ROLE) {
	const { texts, shared, port } = workerData as { texts: string[]; shared: Int32Array; port: MessagePort };
	let batch: [string, string][] = [];
	for (let next = 0; next < texts.length; next++) {
		for (let asked = Atomics.load(shared, ASKED); next - asked >= LEAD; asked = Atomics.load(shared, ASKED)) {
			if (Atomics.load(shared, STOPPED)) process.exit(0);
			Atomics.wait(shared, ASKED, asked, 1000);
		}
		if (Atomics.load(shared, STOPPED)) process.exit(0);
		// The pages are made in this order: those already asked made their own codes.
		next = Math.max(next, Atomics.load(shared, ASKED));
		if (next >= texts.length) break;
		const text = texts[next]!;
		batch.push([text, await makeQrSvg(text)]);
		if (batch.length === BATCH) {
			port.postMessage(batch);
			batch = [];
		}
	}
	if (batch.length) port.postMessage(batch);
}
