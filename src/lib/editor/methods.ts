/**
 * Methods as editors name them: by the Chinese name they read in content/methods.yaml
 * (文旅融合) or by its slug (culture-tourism), in either script, with a did-you-mean for a
 * near miss. Used by `npm run new` for `--methods` and by anything else that takes methods.
 */
import type { Method } from '../../schemas/method.ts';
import { didYouMean } from '../text/did-you-mean.ts';
import { toSimplified } from '../import/script.ts';

/** A name or slug that matched no method, with the closest ones ("名称（slug）"). */
export interface UnknownMethod {
	given: string;
	suggestions: string[];
}

/** What `resolveMethods` found: the slugs it could match and the names it could not. */
export interface ResolvedMethods {
	/** Slugs in the order given, without repeats. */
	slugs: string[];
	unknown: UnknownMethod[];
}

/** Splits a list flag: 文旅融合,积分制管理 or 文旅融合、积分制管理 or a b. */
export function splitList(value: string): string[] {
	return value
		.split(/[,，、;；\s]+/u)
		.map((item) => item.trim())
		.filter(Boolean);
}

/** How a method is shown in a list or a suggestion: 文旅融合（culture-tourism）. */
export function methodLabel(method: Pick<Method, 'name' | 'slug'>): string {
	return `${method.name}（${method.slug}）`;
}

/** Each given name or slug → its method's slug; the rest come back with suggestions. */
export function resolveMethods(given: readonly string[], methods: readonly Method[]): ResolvedMethods {
	const bySlug = new Map(methods.map((m) => [m.slug, m]));
	const byName = new Map(methods.map((m) => [toSimplified(m.name), m]));
	const slugs: string[] = [];
	const unknown: UnknownMethod[] = [];
	for (const raw of given) {
		const wanted = toSimplified(raw.trim());
		const method = bySlug.get(wanted.toLowerCase()) ?? byName.get(wanted);
		if (method) {
			if (!slugs.includes(method.slug)) slugs.push(method.slug);
			continue;
		}
		const close = [...new Set([...didYouMean(wanted.toLowerCase(), bySlug.keys()), ...didYouMean(wanted, byName.keys())])];
		const suggestions = close.map((key) => methodLabel((bySlug.get(key) ?? byName.get(key)) as Method));
		unknown.push({ given: raw, suggestions: [...new Set(suggestions)] });
	}
	return { slugs, unknown };
}

/**
 * The interactive list's filter: a method matches by name, slug or category; only when no
 * method does, by keyword too (乡村旅游 → 文旅融合). So 文旅 finds 文旅融合 alone, not every
 * method with 农文旅 among its keywords.
 */
export function methodFilter(methods: readonly Method[]): (method: Method, search: string) => boolean {
	const fold = (text: string) => toSimplified(text).toLowerCase();
	const named = (method: Method, s: string) => [method.name, method.slug, method.category].some((text) => fold(text).includes(s));
	return (method, search) => {
		const s = fold(search.trim());
		if (!s) return true;
		if (named(method, s)) return true;
		return !methods.some((other) => named(other, s)) && method.keywords.some((keyword) => fold(keyword).includes(s));
	};
}
