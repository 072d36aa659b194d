/**
 * The search filters fold away on a phone so the first result shows on the first screen:
 * a 筛选 button (aria-expanded) opens them. They stay open on wider screens and whenever
 * a filter is already chosen. Without JavaScript there are no filters to fold.
 */
export function foldFiltersOnPhones(doc: Document): void {
	const wrap = doc.querySelector<HTMLElement>('[data-filters-wrap]');
	const toggle = wrap?.querySelector<HTMLButtonElement>('[data-filters-toggle]');
	if (!wrap || !toggle) return;
	const params = new URLSearchParams(doc.location.search);
	const filtered = [...params.keys()].some((key) => !['q', 'sort', 'large'].includes(key) && params.get(key));
	const show = (open: boolean) => {
		wrap.classList.toggle('folded', !open);
		toggle.setAttribute('aria-expanded', String(open));
	};
	toggle.hidden = false;
	show(filtered || matchMedia('(min-width: 48rem)').matches);
	toggle.addEventListener('click', () => show(toggle.getAttribute('aria-expanded') !== 'true'));
}
