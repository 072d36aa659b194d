/**
 * With COMPENDIUM_PDF_BESIDE=on, prints issues while Astro is still building the other pages,
 * as soon as their print page is written, instead of after every page: on a rebuild after
 * one issue changed, its two PDFs are then done when the pages are. Astro makes the print pages early (routes
 * go in name order: `[script]/issues/[id]/print` comes before the issue, listing, method,
 * metrics and region pages), and it renders pages on one thread, so the second core is free.
 *
 * What is printed here is a guess that the build checks: each PDF comes with a digest of what
 * its printing read (the print page and the files it loads, print-key.ts' `printPageDigest`),
 * and the print step (step.ts) takes it only if the same digest holds once the build is done;
 * otherwise it prints the issue again. A page that fails to print here is printed again too,
 * where its failure is reported. So the PDFs are byte for byte those printed after the build.
 *
 * At most {@link MAX_ALONGSIDE} PDFs are printed beside the pages: a cold build makes every
 * print page, and a browser printing hundreds of issues beside Astro would add its memory
 * to Astro's peak; the rest are printed after Astro's memory is free, as before.
 */
import path from 'node:path';
import type { PrintedEarly } from '../build/post-build.ts';
import { onFileWritten } from '../build/written-files.ts';
import { SCRIPTS, type Script } from '../../schemas/script.ts';
import { SCRIPT_SEGMENT } from '../i18n/scripts.ts';
import { openPrinter, type Printer } from './printer.ts';
import { printPageDigest } from './print-key.ts';

/**
 * COMPENDIUM_PDF_BESIDE=on prints beside the pages; otherwise every PDF is printed after them
 * (the same PDFs). Off by default: on this project's two-core machine, under the load of
 * other work, printing beside slowed Astro's page generation by about as much as it saved
 * (10,000 cases, a case added, load 4-5: 38.0 and 35.8 s beside, 35.7 and 34.1 s after; the
 * generation took 23.5 and 19.9 s against 15.3 and 12.2 s), even with the browser at idle
 * priority. Worth measuring again on a quiet machine, or with the printer's Node side in a
 * worker thread (about 0.9 s of the main thread per issue now: Playwright, server, pdf-lib).
 */
export const PRINT_BESIDE_SWITCH = 'COMPENDIUM_PDF_BESIDE';

/** PDFs printed beside the page build at most; the others wait for the print step. */
export const MAX_ALONGSIDE = 8;

/**
 * Pages printed at once beside Astro: as many as after it (printer.ts), so the issue's two
 * scripts print together, at idle priority (idle-priority.ts) until Astro is done.
 */
const CONCURRENCY = 2;

/** The printing beside the build: `finish` once Astro is done, `stop` if the build failed. */
export interface PrintingAlongside {
	/** Stops taking new pages and waits for those under way; what was printed, never an error. */
	finish(): Promise<PrintedEarly[]>;
	/** Stops printing at once; nothing is written into the site after it has resolved. */
	stop(): Promise<void>;
}

/** The issue and script of a print page of the site, from its path (`zh-hans/issues/<id>/print/index.html`). */
export function printPageOf(outDir: string, file: string): { issueId: string; script: Script } | undefined {
	const parts = path.relative(outDir, file).split(path.sep);
	if (parts.length !== 5 || parts[1] !== 'issues' || parts[3] !== 'print' || parts[4] !== 'index.html') return undefined;
	const script = SCRIPTS.find((s) => SCRIPT_SEGMENT[s] === parts[0]);
	return script ? { issueId: parts[2]!, script } : undefined;
}

/**
 * Starts printing each print page Astro writes into `outDir` from now on. Returns undefined
 * when nobody announces the written files (written-files.ts: `astro build` alone).
 */
export function startPrintingAlongside(
	outDir: string,
	base: string,
	options: {
		/** Where progress and a failure to print beside the pages are told (a failed page is printed again after them). */
		log?: (line: string) => void;
		/** How the printer is opened, on the first page to print (tests give their own). */
		open?: () => Promise<Printer>;
	} = {},
): PrintingAlongside | undefined {
	const { log, open = () => openPrinter({ siteDir: outDir, base, background: true }) } = options;
	const started = performance.now();
	const since = () => ((performance.now() - started) / 1000).toFixed(1);
	const queue: { issueId: string; script: Script }[] = [];
	const printed: PrintedEarly[] = [];
	const seen = new Set<string>();
	const doubtful = new Set<string>();
	let accepted = 0;
	let stopped = false;
	let printer: Promise<Printer> | undefined;
	let running = 0;
	const workers = new Set<Promise<void>>();
	const work = async () => {
		for (let job = queue.shift(); job && !stopped; job = queue.shift()) {
			try {
				printer ??= open();
				// What the printing reads, before it reads it: a page written again meanwhile shows in the final check.
				const digest = printPageDigest(outDir, base, job.issueId, job.script);
				if (digest === undefined) continue;
				const result = await (await printer).print(job.issueId, job.script);
				if (!stopped) printed.push({ ...result, pageDigest: digest });
				log?.(
					`${job.issueId} (${SCRIPT_SEGMENT[job.script]}): printed beside the pages in ${result.seconds.toFixed(1)} s, done ${since()} s after the page build started`,
				);
			} catch (error) {
				// Printed again by the print step, which reports the failure if it happens again.
				if (!stopped)
					log?.(`${job.issueId} (${SCRIPT_SEGMENT[job.script]}): ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`);
			}
		}
	};
	const unlisten = onFileWritten(outDir, (file) => {
		const page = printPageOf(outDir, file);
		if (!page || stopped) return;
		// A page written twice may be printed twice at once, and which PDF ends up in place is then
		// not known: none printed here of it is taken (Astro writes each page once).
		const job = `${page.issueId}|${page.script}`;
		if (seen.has(job)) doubtful.add(job);
		seen.add(job);
		if (doubtful.has(job) || accepted >= MAX_ALONGSIDE) return;
		accepted++;
		queue.push(page);
		log?.(`${page.issueId} (${SCRIPT_SEGMENT[page.script]}): print page written ${since()} s after the page build started`);
		if (running >= CONCURRENCY) return;
		running++;
		const worker = work().finally(() => {
			running--;
			workers.delete(worker);
		});
		workers.add(worker);
	});
	if (!unlisten) return undefined;
	const end = async () => {
		unlisten();
		while (workers.size) await Promise.allSettled([...workers]);
		await (await printer?.catch(() => undefined))?.close();
	};
	return {
		async finish() {
			// The pages are done: what is left to print is on the build's path now.
			await printer?.then((p) => p.foreground()).catch(() => undefined);
			await end();
			return printed.filter((pdf) => !doubtful.has(`${pdf.issueId}|${pdf.script}`));
		},
		async stop() {
			stopped = true;
			queue.length = 0;
			// Closing the browser ends a page being printed; its PDF is written only after Chromium answered.
			const closing = printer?.then((p) => p.close()).catch(() => undefined);
			await end();
			await closing;
		},
	};
}
