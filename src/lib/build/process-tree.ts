/**
 * The processes under a process, read from Linux's /proc: the bench sums their memory, and
 * the printer beside the page build sets their CPU priority (Chromium forks renderers of its own).
 * Where there is no /proc, a process has no known children.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';

/** The children of each process, by parent pid (empty without /proc). */
export function childrenOf(): Map<number, number[]> {
	const children = new Map<number, number[]>();
	if (!existsSync('/proc')) return children;
	for (const name of readdirSync('/proc')) {
		if (!/^\d+$/.test(name)) continue;
		try {
			const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
			const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
			children.set(ppid, [...(children.get(ppid) ?? []), Number(name)]);
		} catch {
			// The process ended between listing and reading.
		}
	}
	return children;
}

/** `root` and every process under it, as /proc shows them now. */
export function processTree(root: number): number[] {
	const children = childrenOf();
	const tree: number[] = [];
	for (const pending = [root]; pending.length;) {
		const pid = pending.pop()!;
		tree.push(pid);
		pending.push(...(children.get(pid) ?? []));
	}
	return tree;
}
