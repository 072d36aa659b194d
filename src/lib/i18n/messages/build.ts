/** Messages of the build (`npm run build`, `astro build`, `npm start`), its steps, `npm run pdf` and the dev server. */
import { defineMessages } from './define.ts';
import texts from './build.json' with { type: 'json' };

const seconds = (s: number) => s.toFixed(1);

/** What one kind of build output reused from the previous build and made anew (build/incremental.ts's ReuseCounts). */
interface Reuse {
	reused: number;
	rebuilt: number;
}

/** The build's messages, in Chinese and English. */
export const buildMessages = defineMessages({
	contentErrors: (count: number) => ({
		zh: `内容有 ${count} 处错误，构建已停止，没有写入任何文件。请按上面的提示修改后重新构建（npm run check 可单独检查）。`,
		en: `${count} content error(s): the build stopped and wrote nothing. Fix them as shown above and build again (npm run check checks alone).`,
	}),
	contentErrorsTitle: (count: number) => ({ zh: `内容有 ${count} 处错误`, en: `${count} content error(s)` }),
	progressLine: (label: string, done: number, total: number, percent: number, rate: string, unit: string, left: string | undefined) => ({
		zh: `${label}：${done}/${total}（${percent}%），每秒 ${rate}${unit ? ` ${unit}` : ''}${left ? `，约需 ${left}` : ''}`,
		en: `${label}: ${done}/${total} (${percent}%), ${rate}${unit ? ` ${unit}` : ''}/s${left ? `, ${left} left` : ''}`,
	}),
	progressDone: (label: string, done: number, total: number, took: string) => ({
		zh: `${label}：${done}/${total}，用时 ${took}`,
		en: `${label}: ${done}/${total} in ${took}`,
	}),
	durationSeconds: (s: number) => ({ zh: `${s} 秒`, en: `${s} s` }),
	durationMinutes: (min: number, s: string) => ({ zh: `${min} 分 ${s} 秒`, en: `${min} min ${s} s` }),
	durationHours: (h: number, min: string) => ({ zh: `${h} 小时 ${min} 分`, en: `${h} h ${min} min` }),
	stepDone: (name: string, outcome: string, took: number) => ({
		zh: `${name}：${outcome}（${seconds(took)} 秒）`,
		en: `${name}: ${outcome} (${seconds(took)} s)`,
	}),
	workerStopped: (task: string, code: number) => ({
		zh: `后台线程（${task}）未完成就退出了（退出码 ${code}），请重新构建；如仍出现，请报告此问题`,
		en: `the worker thread (${task}) stopped before it finished (exit code ${code}); build again, and report it if it happens again`,
	}),
	pageWriteFailed: (file: string, reason: string) => ({
		zh: `无法写入 ${file}（${reason}）。请检查磁盘空间和该文件夹的写入权限，然后重新构建。`,
		en: `could not write ${file} (${reason}). Check the disk space and the folder's write permission, then build again.`,
	}),
	stepDoneAlongside: (name: string, outcome: string, took: number, waited: number) => ({
		zh: `${name}：${outcome}（${seconds(took)} 秒，与页面同时生成；页面生成后又等了 ${seconds(waited)} 秒）`,
		en: `${name}: ${outcome} (${seconds(took)} s, beside the page build; ${seconds(waited)} s after it)`,
	}),
	incrementalSummary: (pages: Reuse, records: Reuse | undefined, printFiles: Reuse | undefined, frontmatter?: Reuse) => ({
		zh: [
			`增量构建：页面及数据文件沿用 ${pages.reused} 个、重新生成 ${pages.rebuilt} 个`,
			frontmatter ? `元数据校验沿用 ${frontmatter.reused} 个文件、重新解析 ${frontmatter.rebuilt} 个` : '',
			records ? `搜索记录沿用 ${records.reused} 条、重新生成 ${records.rebuilt} 条` : '',
			printFiles ? `PDF/Word 沿用 ${printFiles.reused} 期、重新打印 ${printFiles.rebuilt} 期` : '',
		]
			.filter(Boolean)
			.join('；'),
		en: [
			`incremental build: pages and data files ${pages.reused} reused, ${pages.rebuilt} rendered`,
			frontmatter ? `frontmatter of ${frontmatter.reused} file(s) validated before, ${frontmatter.rebuilt} parsed` : '',
			records ? `search records ${records.reused} reused, ${records.rebuilt} made` : '',
			printFiles ? `PDF/Word files of ${printFiles.reused} issue(s) reused, ${printFiles.rebuilt} printed` : '',
		]
			.filter(Boolean)
			.join('; '),
	}),
	printReused: (issues: number) => ({
		zh: `${issues} 期内容未变，沿用上次构建的 PDF 和 Word 文件`,
		en: `the PDF and Word files of ${issues} unchanged issue(s) taken from the previous build`,
	}),
	searchOutcome: (cases: number, words: number, chunks: number) => ({
		zh: `${cases} 个案例，${words.toLocaleString('en')} 个词，${chunks} 个索引块`,
		en: `${cases} cases, ${words.toLocaleString('en')} words, ${chunks} chunks`,
	}),
	built: (dir: string, took: number) => ({ zh: `已构建 ${dir}/，用时 ${seconds(took)} 秒`, en: `Built ${dir}/ in ${seconds(took)} s` }),
	buildFailed: (dir: string, detail: string) => ({
		zh: `构建失败，${dir}/ 保持原样，临时文件已删除。原因：${detail}`,
		en: `Build failed; ${dir}/ was left as it was and the staging files were removed. Cause: ${detail}`,
	}),
	outInsideProject: (dir: string) => ({
		zh: `发布目录 ${dir} 不能是项目目录本身或 content/、src/ 等源目录`,
		en: `the output directory ${dir} cannot be the project itself or a source folder such as content/ or src/`,
	}),
	badPort: (value: string) => ({
		zh: `--port 须为 1–65535 的整数，收到“${value}”`,
		en: `--port must be a whole number from 1 to 65535, got "${value}"`,
	}),
	devSearchReady: (outcome: string, took: number) => ({
		zh: `预览搜索索引已就绪（${outcome}），用时 ${seconds(took)} 秒；内容改动后会重建。`,
		en: `Preview search index ready (${outcome}) in ${seconds(took)} s; rebuilt after content changes.`,
	}),
	devSearchFailed: (detail: string) => ({
		zh: `预览搜索索引建立失败：${detail}`,
		en: `The preview search index could not be built: ${detail}`,
	}),
	devContentErrors: (count: number) => ({
		zh: `内容有 ${count} 处错误，浏览器中会显示第一处；修改后页面自动刷新。`,
		en: `${count} content error(s); the browser shows the first one and reloads once it is fixed.`,
	}),
	pdfNoPages: (dir: string) => ({
		zh: `${dir} 中没有各期的打印页。请先构建网站：npm run build（或用 --dir 指定目录）。`,
		en: `No issue print pages in ${dir}. Build the site first: npm run build (or pass --dir).`,
	}),
	pdfDone: (summary: string, took: number) => ({ zh: `${summary}，用时 ${seconds(took)} 秒`, en: `${summary} in ${seconds(took)} s` }),
	benchBadCases: (value: string) => ({ zh: `--cases 须为正整数，收到“${value}”`, en: `--cases must be a positive whole number, got "${value}"` }),
	benchBadRuns: (value: string) => ({ zh: `--runs 须为正整数，收到“${value}”`, en: `--runs must be a positive whole number, got "${value}"` }),
	benchUnknownSection: (name: string, sections: string) => ({
		zh: `没有名为“${name}”的部分；可选：${sections}`,
		en: `no section named "${name}"; choose from: ${sections}`,
	}),
	benchHeader: (date: string, node: string, cases: number, dir: string) => ({
		zh: `性能测量 ${date}，node ${node}，语料 ${cases} 个案例（${dir}）`,
		en: `Benchmark on ${date}, node ${node}, corpus ${cases} cases (${dir})`,
	}),
	benchCorpus: (cases: number, issues: number) => ({ zh: `语料：${cases} 个案例，${issues} 期`, en: `corpus: ${cases} cases, ${issues} issues` }),
	// The fixed texts, without values: build.json.
	...texts,
});
