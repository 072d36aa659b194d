/**
 * A calendar date as editors write it (YAML `2024-12-07`, parsed by Astro as a Date and
 * by plain YAML as a string). Invalid dates say what was found.
 */
import { z } from 'astro/zod';
import { schemaMessages as m } from '../lib/i18n/messages/index.ts';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

function toDate(value: unknown): unknown {
	if (typeof value !== 'string' || !ISO_DATE.test(value)) return value;
	const date = new Date(`${value}T00:00:00Z`);
	// 2024-02-30 would roll over to March: a date that does not round-trip is a typo.
	return Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== value ? value : date;
}

/** Validates a calendar date written as YYYY-MM-DD (string or Date), rejecting days that do not exist. */
export const DateSchema = z.preprocess(toDate, z.date({ error: (issue) => m.date(issue.input) }));
