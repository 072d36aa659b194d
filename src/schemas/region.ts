/**
 * Where a case happened: a GB/T 2260 division at county level or above, plus the
 * township and village as written (those have no code in GB/T 2260).
 */
import { z } from 'astro/zod';
import { describeDivision, isDivisionCode, suggestDivisions } from '../lib/regions.ts';

export const RegionCodeSchema = z
	.string({ error: 'expected a 6-digit GB/T 2260 division code as a quoted string, e.g. "330822"' })
	.superRefine((code, ctx) => {
		if (!/^\d{6}$/.test(code)) {
			ctx.addIssue({
				code: 'custom',
				message: `expected a 6-digit GB/T 2260 division code, e.g. "330822", found ${JSON.stringify(code)}`,
			});
			return;
		}
		if (!isDivisionCode(code)) {
			const suggestions = suggestDivisions(code).map(describeDivision);
			ctx.addIssue({
				code: 'custom',
				message:
					`unknown division code "${code}": not a county-level-or-above division in GB/T 2260` +
					(suggestions.length ? `; did you mean ${suggestions.join(' or ')}?` : ''),
			});
		}
	});

export const RegionSchema = z.strictObject({
	/** County-level (or above) division code. */
	code: RegionCodeSchema,
	/** Township, town or street as written, e.g. 洋泉镇. */
	township: z.string().min(1).optional(),
	/** Village or community as written, e.g. 宋畈村. */
	village: z.string().min(1).optional(),
});
export type Region = z.infer<typeof RegionSchema>;
