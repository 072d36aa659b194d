/**
 * One figure from a case, kept exactly as written ("1.2万人次") alongside a
 * normalised value (12000) and unit (人次) that can be sorted and compared.
 */
import { z } from 'astro/zod';
import { schemaMessages as m } from '../lib/i18n/messages/index.ts';
import { parseChineseFigure } from '../lib/chinese-numerals.ts';
import { QUALIFIERS, normalizeDigits, parseFigure } from '../lib/metrics.ts';

/** Validates an approximation word (余, 多, 约 …) against the known qualifiers. */
export const QualifierSchema = z.enum(QUALIFIERS, {
	error: (issue) => m.qualifier(QUALIFIERS.join(' '), issue.input),
});

/** Validates one figure: label, normalised value, unit, qualifier and original text, checking that value, unit and qualifier agree with the text. */
export const MetricSchema = z
	.strictObject({
		/** What is counted, from the sentence around the figure: 群众好评率, 接待游客. */
		label: z.string().min(1, { error: () => m.metricLabel() }),
		/** Normalised value: 万 and 亿 multiplied out (1.2万 → 12000). */
		value: z.number({ error: () => m.metricValue() }),
		/** Base unit: 件, 个, 人次, 元, %, 亩, 次 … (亿元 is written as value × 1e8 with unit 元). */
		unit: z.string().min(1, { error: () => m.metricUnit() }),
		/** Approximation word from the text, if any: 余, 多, 超, 以上, 近, 约, 上万 … */
		qualifier: QualifierSchema.optional(),
		/** The figure exactly as written in the text, e.g. "1.2万人次". */
		text: z.string().min(1, { error: () => m.metricText() }),
		/** Period or date the figure refers to, as written: 2023年, 截至目前. */
		period: z.string().min(1).optional(),
	})
	.superRefine((metric, ctx) => {
		const parsed = parseFigure(metric.text) ?? parseChineseFigure(metric.text);
		if (!parsed) return;
		if (Math.abs(parsed.value - metric.value) > 1e-9 * Math.max(1, Math.abs(parsed.value))) {
			ctx.addIssue({
				code: 'custom',
				path: ['value'],
				message: m.metricValueMismatch(parsed.value, metric.text, metric.value),
			});
		}
		if (normalizeDigits(metric.unit) !== parsed.unit) {
			ctx.addIssue({
				code: 'custom',
				path: ['unit'],
				message: m.metricUnitMismatch(parsed.unit, metric.text, metric.unit),
			});
		}
		if (parsed.qualifier && metric.qualifier !== parsed.qualifier) {
			ctx.addIssue({
				code: 'custom',
				path: ['qualifier'],
				message: m.metricQualifierMismatch(parsed.qualifier, metric.text, metric.qualifier),
			});
		}
	});
/** One figure after validation. */
export type Metric = z.infer<typeof MetricSchema>;
