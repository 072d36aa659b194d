/**
 * Progress of long work (indexing 10,000 cases, printing 1,000 issues): on a terminal one
 * line redrawn in place — done/total, percentage, rate, time left; anywhere else (CI, a
 * log file) a plain line at each tenth of the way, so logs stay short and readable.
 */

/** Seconds as a person reads them: "8 s", "2 min 05 s", "1 h 03 min". */
export function formatDuration(seconds: number): string {
	const s = Math.max(0, Math.round(seconds));
	if (s < 60) return `${s} s`;
	if (s < 3600) return `${Math.floor(s / 60)} min ${String(s % 60).padStart(2, '0')} s`;
	return `${Math.floor(s / 3600)} h ${String(Math.floor((s % 3600) / 60)).padStart(2, '0')} min`;
}

/** Settings for `progress`; by default it writes to standard error and redraws in place only on a terminal outside CI. */
export interface ProgressOptions {
	/** Where the lines go; standard error, so a command's own output stays clean. */
	stream?: Pick<NodeJS.WriteStream, 'write'> & { isTTY?: boolean };
	/** Redraw in place (a terminal) or write step lines. Default: a TTY outside CI. */
	interactive?: boolean;
	/** The clock, in milliseconds (tests pass their own). */
	now?: () => number;
	/** What one unit of work is called in the rate, e.g. "cases", "PDFs". */
	unit?: string;
}

/** A running reporter: tick as work gets done, finish once at the end. */
export interface Progress {
	/** `count` more units done (default 1). */
	tick(count?: number): void;
	/** Ends the line (a terminal) with the total time. */
	finish(): void;
}

/** A progress reporter for `total` units of work named `label`. */
export function progress(label: string, total: number, options: ProgressOptions = {}): Progress {
	const stream = options.stream ?? process.stderr;
	const interactive = options.interactive ?? (Boolean(stream.isTTY) && !process.env.CI);
	const now = options.now ?? (() => performance.now());
	const unit = options.unit ?? '';
	const started = now();
	let done = 0;
	let lastDraw = -Infinity;
	let lastTenth = 0;
	const line = () => {
		const seconds = (now() - started) / 1000;
		const rate = seconds > 0 ? done / seconds : 0;
		const percent = total > 0 ? Math.floor((done / total) * 100) : 100;
		const left = rate > 0 && done < total ? `, ${formatDuration((total - done) / rate)} left` : '';
		return `${label}: ${done}/${total} (${percent}%), ${rate.toFixed(rate < 10 ? 1 : 0)}${unit ? ` ${unit}` : ''}/s${left}`;
	};
	return {
		tick(count = 1) {
			done = Math.min(total, done + count);
			if (interactive) {
				const at = now();
				if (at - lastDraw < 100 && done < total) return;
				lastDraw = at;
				stream.write(`\r\x1b[2K${line()}`);
			} else {
				const tenth = total > 0 ? Math.floor((done / total) * 10) : 10;
				if (tenth > lastTenth && tenth < 10) {
					lastTenth = tenth;
					stream.write(`${line()}\n`);
				}
			}
		},
		finish() {
			if (interactive) stream.write(`\r\x1b[2K${label}: ${done}/${total} in ${formatDuration((now() - started) / 1000)}\n`);
		},
	};
}
