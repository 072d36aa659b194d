/**
 * Handing the post-build steps from Astro's hook to `npm run build`: held only when asked
 * for, run once after the build (their failure is the build's), left to the hook otherwise.
 */
import { describe, expect, it } from 'vitest';
import { deferPostBuildSteps, handOverPostBuildSteps, postBuildStepsDeferred, stopIfBuildFails } from '../../../src/lib/build/deferred-steps.ts';

describe('the post-build steps', () => {
	it('run in the hook when nobody asked for them to wait', () => {
		let ran = 0;
		expect(handOverPostBuildSteps(async () => void ran++)).toBe(false);
		expect(ran).toBe(0);
	});

	it('wait for the build to return, then run once', async () => {
		const order: string[] = [];
		const postBuild = deferPostBuildSteps();
		expect(handOverPostBuildSteps(async () => void order.push('steps'))).toBe(true);
		order.push('build returned');
		postBuild.cancel();
		// A later `astro build` in the same process runs its steps itself again.
		expect(handOverPostBuildSteps(async () => {})).toBe(false);
		await postBuild.run();
		await postBuild.run();
		expect(order).toEqual(['build returned', 'steps']);
	});

	it('fail the build when a step fails', async () => {
		const postBuild = deferPostBuildSteps();
		handOverPostBuildSteps(async () => {
			throw new Error('搜索索引失败');
		});
		await expect(postBuild.run()).rejects.toThrow('搜索索引失败');
	});

	it('do nothing when the build stopped before its hook', async () => {
		const postBuild = deferPostBuildSteps();
		postBuild.cancel();
		await expect(postBuild.run()).resolves.toBeUndefined();
		expect(handOverPostBuildSteps(async () => {})).toBe(false);
	});

	it('may start beside the build only while npm run build waits for them, and are stopped if it fails', async () => {
		expect(postBuildStepsDeferred()).toBe(false);
		const stopped: string[] = [];
		stopIfBuildFails(async () => void stopped.push('nobody asked'));
		const postBuild = deferPostBuildSteps();
		expect(postBuildStepsDeferred()).toBe(true);
		stopIfBuildFails(async () => void stopped.push('search'));
		postBuild.cancel();
		expect(postBuildStepsDeferred()).toBe(false);
		await postBuild.abort();
		await postBuild.abort();
		expect(stopped).toEqual(['search']);
	});
});
