/**
 * Runs a browser at idle CPU priority while it prints beside Astro's page build, and back at
 * the normal one once the pages are done. Astro renders on one thread and is the build's
 * critical path; the printer should take only the time Astro leaves free (the second core,
 * between the search step's bursts), not a share of Astro's core. Nice values do not hold:
 * Chromium sets its renderers' own (0, 5, -8 were seen); the scheduling policy (SCHED_IDLE,
 * set with util-linux's `chrt`) is inherited by the renderers its zygotes fork later, and
 * Chromium leaves it alone. Timing only: the printed bytes do not depend on it. Where there
 * is no /proc or no `chrt`, nothing changes.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';

/** The children of each process, by parent pid (Linux: read from /proc; empty elsewhere). */
function processChildren(): Map<number, number[]> {
	const children = new Map<number, number[]>();
	if (!existsSync('/proc')) return children;
	for (const entry of readdirSync('/proc')) {
		if (!/^\d+$/.test(entry)) continue;
		try {
			// The parent's pid is the fourth field, after the command name in parentheses (which may hold spaces).
			const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
			const parent = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
			children.set(parent, [...(children.get(parent) ?? []), Number(entry)]);
		} catch {
			// A process that ended meanwhile.
		}
	}
	return children;
}

/** The child processes of this process now, to tell which one a launch adds. */
export function ownChildren(): number[] {
	return processChildren().get(process.pid) ?? [];
}

/** Puts `root` and every process under it at idle priority (`idle`) or back at the normal one. */
export function setIdlePriority(root: number, idle: boolean): void {
	const children = processChildren();
	for (const pending = [root]; pending.length;) {
		const pid = pending.pop()!;
		// -a: every thread of the process. A process that ended meanwhile makes chrt fail: nothing to do.
		spawnSync('chrt', [idle ? '--idle' : '--other', '-a', '-p', '0', String(pid)], { stdio: 'ignore' });
		pending.push(...(children.get(pid) ?? []));
	}
}
