/** Messages of the print commands (npm run pdf, the build's PDF and Word step) and of the edition check. */
import { defineMessages } from './define.ts';
import texts from './print.json' with { type: 'json' };

/** What the print step and `npm run pdf` report. */
export const printMessages = defineMessages({
	summary: (files: number, pages: number, slowest: number) => ({
		zh: `${files} 个 PDF，共 ${pages} 页，最慢 ${slowest.toFixed(1)} 秒`,
		en: `${files} PDF(s), ${pages} pages, slowest ${slowest.toFixed(1)} s`,
	}),
	layoutFailed: (url: string, elements: string) => ({
		zh: `${url}：Paged.js 无法排入 ${elements}，这一期其后的内容会丢失。请检查那里不能断开的块（表格、长标题）和“与下文同页”的规则`,
		en: `${url}: Paged.js could not lay out ${elements} and would drop the rest of the issue; check unbreakable blocks and keep-with-next rules there`,
	}),
	contentCutOff: (url: string, pages: string) => ({
		zh: `${url}：第 ${pages} 页的内容排不下，会被截掉。请检查那里不能断开的块（表格、长标题）`,
		en: `${url}: content does not fit on page(s) ${pages} and would be cut off; check unbreakable blocks (tables, long titles) there`,
	}),
	caseNotPrinted: (url: string, anchor: string, title: string) => ({
		zh: `${url}：案例 #${anchor}（“${title}”）没有出现在任何一页上`,
		en: `${url}: case #${anchor} ("${title}") is not on any printed page`,
	}),
	noPrintMeta: (url: string, id: string) => ({
		zh: `${url}：找不到 <script id="${id}">，这不是期刊的打印页（/<文字>/issues/<期>/print/）`,
		en: `${url}: no <script id="${id}"> found; is this a print page (/<script>/issues/<id>/print/)?`,
	}),
	badPrintMeta: (url: string, detail: string) => ({
		zh: `${url}：打印页的元数据不合要求（${detail}）`,
		en: `${url}: the print metadata is not valid (${detail})`,
	}),
	docxSummary: (files: number, seconds: number) => ({
		zh: `${files} 个 Word 文件，共 ${seconds.toFixed(1)} 秒`,
		en: `${files} Word file(s) in ${seconds.toFixed(1)} s`,
	}),
	switchedOff: (issues: number, variable: string) => ({
		zh: `已按 ${variable}=off 跳过 ${issues} 期的 PDF 和 Word 文件，期刊页不链接它们`,
		en: `skipped the PDF and Word files of ${issues} issue(s) (${variable}=off); issue pages link none`,
	}),
	pdfSkipped: (issues: number, reason: string, word: string) => ({
		zh: `跳过 ${issues} 期的 PDF：${reason}；期刊页不链接 PDF；${word}`,
		en: `skipped the PDFs of ${issues} issue(s): ${reason}; issue pages link no PDFs; ${word}`,
	}),
	rebuildAfter: (detail: string) => ({ zh: `${detail}，然后重新运行 npm run build`, en: `${detail} Then run npm run build again` }),
	took: (summary: string, seconds: number) => ({ zh: `${summary}，用时 ${seconds.toFixed(1)} 秒`, en: `${summary} in ${seconds.toFixed(1)} s` }),
	volumes: (count: number) => ({ zh: `${count} 个合订本`, en: `${count} volume(s)` }),
	staleBuild: (dir: string, file: string) => ({
		zh: `${dir} 早于内容文件 ${file} 的修改，打印出来会是旧内容。请先运行 npm run build，或加 --build 让本命令先构建。`,
		en: `${dir} is older than the content file ${file}; the print would be out of date. Run npm run build first, or pass --build.`,
	}),
	noIssuesInYear: (year: string, years: string) => ({
		zh: `${year} 年没有已构建的期刊，无法编合订本。有期刊的年份：${years || '无'}。`,
		en: `No built issues dated ${year}, so no yearly volume. Years with issues: ${years || 'none'}.`,
	}),
	badYear: (value: string) => ({
		zh: `--volume 需要四位年份，例如 2024，收到“${value}”`,
		en: `--volume needs a four-digit year such as 2024, got "${value}"`,
	}),
	volumeWritten: (file: string, pages: number, kb: number) => ({
		zh: `合订本：${file}，${pages} 页，${kb} KB`,
		en: `Yearly volume: ${file}, ${pages} pages, ${kb} KB`,
	}),
	internalCaseInPublicIssue: (caseId: string, internalIssue: string, publicIssues: string) => ({
		zh: `内部期刊 ${internalIssue} 中的案例 ${caseId} 也被公开期刊 ${publicIssues} 引用，因而会在公开网站上发布。如果它属于内部资料，请从公开期刊中去掉；如果可以公开，请忽略此提示。`,
		en: `case ${caseId} of the internal issue ${internalIssue} is also listed by the public issue(s) ${publicIssues}, so the public site publishes it. Remove it from the public issue(s) if it is internal material; ignore this if it may be published.`,
	}),
	// The fixed texts, without values: print.json.
	...texts,
});
