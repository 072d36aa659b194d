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
import { childrenOf, processTree } from '../build/process-tree.ts';

/** The child processes of this process now, to tell which one a launch adds. */
export function ownChildren(): number[] {
	return childrenOf().get(process.pid) ?? [];
}

/** Puts `root` and every process under it at idle priority (`idle`) or back at the normal one. */
export function setIdlePriority(root: number, idle: boolean): void {
	// -a: every thread of the process. A process that ended meanwhile makes chrt fail: nothing to do.
	for (const pid of processTree(root)) spawnSync('chrt', [idle ? '--idle' : '--other', '-a', '-p', '0', String(pid)], { stdio: 'ignore' });
}
