/**
 * Where a case happened: a GB/T 2260 division at county level or above, plus the
 * township and village as written (those have no code in GB/T 2260).
 */
import { z } from 'astro/zod';
import { schemaMessages as m } from '../lib/i18n/messages/index.ts';
import { describeDivision, isDivisionCode, suggestDivisions } from '../lib/regions.ts';

/** Validates a six-digit GB/T 2260 division code, suggesting near matches when the code is unknown. */
export const RegionCodeSchema = z.string({ error: () => m.regionCodeType() }).superRefine((code, ctx) => {
	if (!/^\d{6}$/.test(code)) {
		ctx.addIssue({
			code: 'custom',
			message: m.regionCodeFormat(code),
		});
		return;
	}
	if (!isDivisionCode(code)) {
		const suggestions = suggestDivisions(code).map(describeDivision);
		ctx.addIssue({
			code: 'custom',
			message: m.regionCodeUnknown(code, suggestions),
		});
	}
});

/** Validates where a case happened: a division code plus optional township and village. */
export const RegionSchema = z.strictObject({
	/** County-level (or above) division code. */
	code: RegionCodeSchema,
	/** Township, town or street as written, e.g. 洋泉镇. */
	township: z.string().min(1).optional(),
	/** Village or community as written, e.g. 宋畈村. */
	village: z.string().min(1).optional(),
});
/** A case's region after validation. */
export type Region = z.infer<typeof RegionSchema>;
