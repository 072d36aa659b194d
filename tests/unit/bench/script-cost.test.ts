/** The build benchmark's second-script figure (script-cost.ts): medians of turns, not one pair of builds. */
import { describe, expect, it } from 'vitest';
import { scriptCost } from '../../../src/lib/bench/script-cost.ts';

describe('scriptCost', () => {
	it("takes the median of each turn's own ratio, beside the medians of the builds", () => {
		const cost = scriptCost([
			{ both: 90, one: 60 },
			{ both: 120, one: 70 },
			{ both: 80, one: 64 },
		]);
		expect(cost.both).toBe(90);
		expect(cost.one).toBe(64);
		expect(cost.ratios).toEqual([1.5, 120 / 70, 1.25]);
		expect(cost.ratio).toBe(1.5);
	});

	it('is the plain ratio for a single turn, and refuses none', () => {
		expect(scriptCost([{ both: 91, one: 65 }])).toEqual({ both: 91, one: 65, ratio: 1.4, ratios: [1.4] });
		expect(() => scriptCost([])).toThrow();
	});
});
