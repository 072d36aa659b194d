/**
 * 打印 and 复制链接 on a case page; the print foot gets the date of printing. Buttons stay
 * hidden without JavaScript (Ctrl+P and selecting the address still work).
 */
export function enhanceCaseTools(doc: Document): void {
	for (const button of doc.querySelectorAll<HTMLButtonElement>('[data-print]')) {
		button.hidden = false;
		button.addEventListener('click', () => print());
	}
	const date = doc.querySelector<HTMLElement>('[data-print-date]');
	if (date) {
		addEventListener('beforeprint', () => {
			const now = new Date();
			date.lastElementChild!.textContent = `${now.getFullYear()}年${now.getMonth() + 1}月${now.getDate()}日`;
			date.hidden = false;
		});
	}
	for (const button of doc.querySelectorAll<HTMLButtonElement>('[data-copy]')) {
		const input = doc.querySelector<HTMLInputElement>(button.dataset.copy!);
		if (!input || !navigator.clipboard) continue;
		button.hidden = false;
		const label = button.textContent;
		button.addEventListener('click', () => {
			void navigator.clipboard.writeText(input.value).then(() => {
				button.textContent = button.dataset.copied ?? label;
				setTimeout(() => (button.textContent = label), 2000);
			});
		});
	}
}
