/**
 * A dev server's file watcher whose change events a loader hears again once the file has
 * stopped changing. Saving a file truncates it, then writes it; the watcher may report the
 * truncation, and then drops the write's event as a repeat within a few milliseconds
 * (chokidar's throttle). On a busy machine the loader then reads the file empty or half
 * written and never hears of it again: `astro dev` kept the version before the save (an
 * unreadable entry is kept out, dev-content-loader.ts) until the next save.
 *
 * Here each `change` or `add` listener is called as before, and again whenever the file's
 * size or times differ from what they were when it was last called, checked a moment later
 * (a few times at most). An unchanged file costs one `stat`; the glob loader skips a file
 * whose bytes it already holds.
 */
import { statSync } from 'node:fs';
import type { LoaderContext } from 'astro/loaders';

type Watcher = NonNullable<LoaderContext['watcher']>;
type Listener = (file: string, ...rest: unknown[]) => unknown;

/** How long after an event the file is looked at again, in milliseconds. */
export const SETTLE_MS = 250;
/** How many times one event is followed up while the file keeps changing. */
const FOLLOW_UPS = 8;

/** What changes when a file is written: its size, times and inode (a save by rename). */
function stamp(file: string): string {
	const stats = statSync(file, { throwIfNoEntry: false });
	return stats ? `${stats.ino}:${stats.size}:${stats.mtimeMs}:${stats.ctimeMs}` : 'gone';
}

/** `listener`, called again for a file that was still being written when it was called. */
function followingUp(listener: Listener): Listener {
	return (file, ...rest) => {
		let seen = stamp(file);
		let followUps = 0;
		const lookAgain = () => {
			const now = stamp(file);
			if (now === seen) return;
			seen = now;
			void listener(file, ...rest);
			if (++followUps < FOLLOW_UPS) setTimeout(lookAgain, SETTLE_MS).unref();
		};
		setTimeout(lookAgain, SETTLE_MS).unref();
		return listener(file, ...rest);
	};
}

/** `watcher`, whose `change` and `add` listeners hear a file again until it has settled. */
export function settlingWatcher(watcher: Watcher): Watcher {
	const proxy: Watcher = new Proxy(watcher, {
		get(target, key, receiver) {
			if (key === 'on' || key === 'addListener')
				return (event: string, listener: Listener) => {
					target.on(event as 'change', event === 'change' || event === 'add' ? followingUp(listener) : listener);
					return proxy;
				};
			const value = Reflect.get(target, key, receiver);
			return typeof value === 'function' ? value.bind(target) : value;
		},
	});
	return proxy;
}
