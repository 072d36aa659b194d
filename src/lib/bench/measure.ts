/**
 * The benchmarks' one way to measure: a command's wall time and the peak memory of its whole
 * process tree (the build spawns helpers such as Pagefind's binary), sampled from
 * /proc; the same sampler for in-process work (printing); and the median and percentiles of
 * repeated runs.
 */
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { processTree } from '../build/process-tree.ts';

/** What {@link measure} reports. */
export interface Measurement {
	seconds: number;
	peakMiB: number;
	exitCode: number;
	output: string;
}

/**
 * Memory (KiB) of a process and all its descendants, from /proc (0 where there is none),
 * each page counted once. Chromium's processes share much of their memory (its code, the
 * fonts, shared buffers): their resident sizes added up counted those pages once per
 * process, some 500 MB too many for a browser printing a page (1,008 MiB resident summed
 * against 515 MiB proportional). So a descendant counts its proportional share (`Pss`);
 * the root, one process with nothing shared but the libraries, counts its resident size,
 * which is cheap to read (walking a 3 GB process's pages for `Pss` ten times a second would
 * take CPU from the build being measured).
 */
export function treeMemoryKiB(root: number): number {
	if (!existsSync('/proc/self/status')) return 0;
	let total = 0;
	for (const pid of processTree(root)) {
		try {
			total +=
				pid === root
					? Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0)
					: Number(/^Pss:\s+(\d+)/m.exec(readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8'))?.[1] ?? 0);
		} catch {
			// Gone already.
		}
	}
	return total;
}

/** Runs `command` and reports its wall time, peak memory of its process tree, exit code and output. */
export function measure(
	command: string,
	args: string[],
	options: { env?: NodeJS.ProcessEnv; cwd?: string; echo?: boolean } = {},
): Promise<Measurement> {
	return new Promise((resolve, reject) => {
		const started = performance.now();
		const child = spawn(command, args, { cwd: options.cwd, env: options.env ?? process.env, stdio: ['ignore', 'pipe', 'pipe'] });
		let output = '';
		const collect = (chunk: Buffer) => {
			output += chunk.toString();
			if (options.echo) process.stderr.write(chunk);
		};
		child.stdout.on('data', collect);
		child.stderr.on('data', collect);
		let peak = 0;
		const timer = setInterval(() => {
			if (child.pid) peak = Math.max(peak, treeMemoryKiB(child.pid));
		}, 100);
		child.on('error', (error) => {
			clearInterval(timer);
			reject(error);
		});
		child.on('close', (code) => {
			clearInterval(timer);
			resolve({ seconds: (performance.now() - started) / 1000, peakMiB: peak / 1024, exitCode: code ?? 1, output });
		});
	});
}

/** The median of a list of numbers (the mean of the middle two for an even count). */
export function median(values: readonly number[]): number {
	const sorted = [...values].sort((a, b) => a - b);
	const mid = Math.floor(sorted.length / 2);
	return sorted.length % 2 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

/**
 * The `p`-th percentile (0–100) of a list of numbers, by the nearest-rank method: the
 * smallest value at least `p`% of the values are at or below (p95 of 22 timings is the 21st).
 */
export function percentile(values: readonly number[], p: number): number {
	if (!values.length) return Number.NaN;
	const sorted = [...values].sort((a, b) => a - b);
	const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
	return sorted[Math.min(rank, sorted.length) - 1] as number;
}
