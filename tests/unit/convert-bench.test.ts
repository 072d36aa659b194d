import { describe, expect, it } from 'vitest';
import { benchConverter } from '../../src/lib/convert/bench.ts';

describe('benchConverter', () => {
	it('measures build time and throughput in both directions', () => {
		const sample = '各地坚持党建引领基层治理，社会治理发展取得成效，共服务群众1.2万人次。'.repeat(50);
		const result = benchConverter(sample, { traditional: 'hk', builds: 1, minDurationMs: 20 });
		expect(result.traditional).toBe('hk');
		expect(result.sampleChars).toBe(Array.from(sample).length);
		expect(result.toHant.config).toBe('s2hk');
		expect(result.toHans.config).toBe('hk2s');
		for (const direction of [result.toHant, result.toHans]) {
			expect(direction.buildMs).toBeGreaterThan(0);
			expect(direction.charsPerSecond).toBeGreaterThan(10_000);
		}
		// The simplified→traditional pipeline loads ~50,000 phrases; the reverse one a few hundred.
		expect(result.toHant.buildMs).toBeGreaterThan(result.toHans.buildMs);
	});
});
