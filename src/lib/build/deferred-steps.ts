/**
 * Lets `npm run build` run the post-build steps after Astro's `build()` has returned instead
 * of inside its `astro:build:done` hook. Inside the hook, Astro still holds the memory of
 * its build (bundles, rendered pages, the content store: about 1.3 GiB at 2,000 cases) and
 * the search step's records and worker threads come on top of it; at 10,000 cases that
 * put the build's peak over 4 GiB. After `build()` returns, that memory is garbage: one full
 * collection gives it back before the steps start.
 *
 * `astro build` alone still runs the steps in the hook: nobody asked for them to wait.
 * The request and the waiting steps live on `globalThis`, not in this module: Astro loads
 * the integration through its own module loader, so the integration's copy of this module
 * is not the one `atomic-build.ts` imported.
 */
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

/** The slot shared by every copy of this module in the process. */
const SLOT = Symbol.for('case-compendium.deferred-post-build');

interface Slot {
	/** The steps waiting for `build()` to return; unset until the hook ran. */
	steps?: () => Promise<void>;
	/** Stops the work started beside Astro's build (steps-alongside.ts), for a build that failed. */
	stops: Array<() => Promise<void>>;
}

const slot = () => (globalThis as { [SLOT]?: Slot })[SLOT];

/**
 * Asks the integration to hand its post-build steps over instead of running them (call it
 * before `build()`). Returns the function that runs them once `build()` has returned;
 * it throws what the steps threw, and does nothing when the hook never ran.
 */
export function deferPostBuildSteps(): { run(): Promise<void>; cancel(): void; abort(): Promise<void> } {
	const mine: Slot = { stops: [] };
	(globalThis as { [SLOT]?: Slot })[SLOT] = mine;
	const cancel = () => {
		if (slot() === mine) delete (globalThis as { [SLOT]?: Slot })[SLOT];
	};
	return {
		async run() {
			cancel();
			const steps = mine.steps;
			mine.steps = undefined;
			if (!steps) return;
			collectGarbage();
			await steps();
		},
		cancel,
		/** For a build that failed: stops what was started beside it, before its folder is removed. */
		async abort() {
			cancel();
			await Promise.allSettled(mine.stops.splice(0).map((stop) => stop()));
		},
	};
}

/** True while `npm run build` (deferPostBuildSteps) waits for the steps: they may then start beside the build. */
export function postBuildStepsDeferred(): boolean {
	return slot() !== undefined;
}

/** Has `stop` called if the build fails (deferPostBuildSteps' `abort`). */
export function stopIfBuildFails(stop: () => Promise<void>): void {
	slot()?.stops.push(stop);
}

/**
 * For the integration's `astro:build:done` hook: keeps `steps` for later when the build's
 * caller asked for that (true), or leaves them to the hook (false).
 */
export function handOverPostBuildSteps(steps: () => Promise<void>): boolean {
	const waiting = slot();
	if (!waiting) return false;
	waiting.steps = steps;
	return true;
}

/**
 * A full garbage collection now. Without it, V8 sizes its next collection by the heap
 * Astro's build left (well over a gigabyte), and the steps' allocations would grow the
 * process on top of that garbage instead of reusing it.
 */
function collectGarbage(): void {
	try {
		setFlagsFromString('--expose-gc');
		(runInNewContext('gc') as () => void)();
	} catch {
		// Without a collection the steps still run; they only may take more memory.
	}
}
