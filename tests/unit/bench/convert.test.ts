/**
 * The conversion benchmark reports the figures it names. No timing threshold here: speed
 * is reported by `npm run bench`, never passed or failed on (machines are noisy).
 */
import { describe, expect, it } from 'vitest';
import { benchConverter } from '../../../src/lib/bench/convert.ts';

describe('benchConverter', () => {
	it('measures build time and throughput in both directions, for the configured standard', () => {
		const sample = '各地坚持党建引领基层治理，社会治理发展取得成效，共服务群众1.2万人次。'.repeat(50);
		const result = benchConverter(sample, { traditional: 'hk', builds: 1, minDurationMs: 20 });
		expect(result.traditional).toBe('hk');
		expect(result.sampleChars).toBe(Array.from(sample).length);
		expect(result.toHant.config).toBe('s2hk');
		expect(result.toHans.config).toBe('hk2s');
		for (const direction of [result.toHant, result.toHans]) {
			expect(Number.isFinite(direction.buildMs) && direction.buildMs > 0).toBe(true);
			expect(Number.isFinite(direction.charsPerSecond) && direction.charsPerSecond > 0).toBe(true);
		}
	});
});
