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
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { makeQrSvg, offerMadeCodes } from '../compendium/qr-code.ts';
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
 * Codes made and not yet taken beyond which the worker waits: they are held on the page
 * build's heap (2 KB each), and the worker is several times faster than the pages.
 */
const LEAD = 1000;
/** Slots of the memory both threads share: codes taken by the pages, and whether to stop. */
const TAKEN = 0;
const STOPPED = 1;

/** The codes made ahead, counting in shared memory each one a page takes, and waking the worker. */
class CountedCodes extends Map<string, string> {
	readonly #shared: Int32Array;
	constructor(shared: Int32Array) {
		super();
		this.#shared = shared;
	}
	override delete(text: string): boolean {
		const had = super.delete(text);
		if (had) {
			Atomics.add(this.#shared, TAKEN, 1);
			Atomics.notify(this.#shared, TAKEN);
		}
		return had;
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
	const made = new CountedCodes(shared);
	const withdraw = offerMadeCodes(made);
	const worker = new Worker(WORKER_FILE, { workerData: { role: ROLE, texts, shared } });
	worker.unref();
	worker.on('message', (codes: [string, string][]) => {
		for (const [text, code] of codes) made.set(text, code);
	});
	// A failure here costs time, not codes: the pages make what is missing.
	worker.on('error', () => {});
	return async () => {
		withdraw();
		made.clear();
		Atomics.store(shared, STOPPED, 1);
		Atomics.notify(shared, TAKEN);
		await worker.terminate();
	};
}

if (!isMainThread && (workerData as { role?: string } | null)?.role === ROLE) {
	const { texts, shared } = workerData as { texts: string[]; shared: Int32Array };
	let batch: [string, string][] = [];
	let made = 0;
	for (const text of texts) {
		for (let taken = Atomics.load(shared, TAKEN); made - taken >= LEAD; taken = Atomics.load(shared, TAKEN)) {
			if (Atomics.load(shared, STOPPED)) process.exit(0);
			Atomics.wait(shared, TAKEN, taken, 1000);
		}
		if (Atomics.load(shared, STOPPED)) process.exit(0);
		batch.push([text, await makeQrSvg(text)]);
		made++;
		if (batch.length === BATCH) {
			parentPort!.postMessage(batch);
			batch = [];
		}
	}
	if (batch.length) parentPort!.postMessage(batch);
}
