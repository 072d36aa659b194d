/**
 * Progress of long work (indexing 10,000 cases, printing 1,000 issues): on a terminal one
 * line redrawn in place — done/total, percentage, rate, time left; anywhere else (CI, a
 * log file) a plain line at each tenth of the way and one at the end, so logs stay short and
 * readable; work done within a second (a small site) prints no step lines at all. Lines speak the message language (Chinese unless English is asked for).
 */
import { buildMessages as m } from './i18n/messages/build.ts';

/** Seconds as a person reads them: "8 秒", "2 分 05 秒", "1 小时 03 分" (in English "8 s", "2 min 05 s", "1 h 03 min"). */
export function formatDuration(seconds: number): string {
	const s = Math.max(0, Math.round(seconds));
	if (s < 60) return m.durationSeconds(s);
	if (s < 3600) return m.durationMinutes(Math.floor(s / 60), String(s % 60).padStart(2, '0'));
	return m.durationHours(Math.floor(s / 3600), String(Math.floor((s % 3600) / 60)).padStart(2, '0'));
}

/** Settings for `progress`; by default it writes to standard error and redraws in place only on a terminal outside CI. */
export interface ProgressOptions {
	/** Where the lines go; standard error, so a command's own output stays clean. */
	stream?: Pick<NodeJS.WriteStream, 'write'> & { isTTY?: boolean };
	/** Redraw in place (a terminal) or write step lines. Default: a TTY outside CI. */
	interactive?: boolean;
	/** The clock, in milliseconds (tests pass their own). */
	now?: () => number;
	/** What one unit of work is called in the rate, e.g. "个案例" (buildMessages.unitCases). */
	unit?: string;
}

/** A running reporter: tick as work gets done, finish once at the end. */
export interface Progress {
	/** `count` more units done (default 1). */
	tick(count?: number): void;
	/** Ends the line (a terminal) or writes a last step line (elsewhere) with the total time. */
	finish(): void;
}

/** Step lines start after this long: quick work (a sample site's eight cases) stays quiet. */
const QUIET_MS = 1000;

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
	let wroteStep = false;
	const line = () => {
		const seconds = (now() - started) / 1000;
		const rate = seconds > 0 ? done / seconds : 0;
		const percent = total > 0 ? Math.floor((done / total) * 100) : 100;
		const left = rate > 0 && done < total ? formatDuration((total - done) / rate) : undefined;
		return m.progressLine(label, done, total, percent, rate.toFixed(rate < 10 ? 1 : 0), unit, left);
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
				if (tenth > lastTenth && tenth < 10 && now() - started >= QUIET_MS) {
					lastTenth = tenth;
					wroteStep = true;
					stream.write(`${line()}\n`);
				}
			}
		},
		finish() {
			if (!interactive && !wroteStep && now() - started < QUIET_MS) return;
			const last = m.progressDone(label, done, total, formatDuration((now() - started) / 1000));
			stream.write(interactive ? `\r\x1b[2K${last}\n` : `${last}\n`);
		},
	};
}
