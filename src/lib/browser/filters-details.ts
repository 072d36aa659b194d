/**
 * The search filters sit in a <details>: closed on a phone so the first result shows on
 * the first screen, open on wider screens and whenever a filter is already chosen.
 */
export function openFiltersOnWideScreens(doc: Document): void {
	const details = doc.querySelector<HTMLDetailsElement>('[data-filters-details]');
	if (!details) return;
	const params = new URLSearchParams(doc.location.search);
	const filtered = [...params.keys()].some((key) => !['q', 'sort', 'large'].includes(key) && params.get(key));
	if (filtered || matchMedia('(min-width: 48rem)').matches) details.open = true;
}
