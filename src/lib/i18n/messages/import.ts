/** Messages of `npm run import`: usage, refusals, warnings, the report. Chinese first, English with --lang en. */
import { defineMessages, type Bilingual } from './define.ts';
import texts from './import.json' with { type: 'json' };

const n = (count: number, one: string, many = `${one}s`) => `${count} ${count === 1 ? one : many}`;

/** Everything `npm run import` says. */
export const importMessages = defineMessages({
	// Command-line refusals.
	badRegion: (value: string) => ({
		zh: `--region：应为区划代码或名称，如 330822 或 常山县，收到 ${JSON.stringify(value)}`,
		en: `--region: expected a division code or name such as 330822 or 常山县, found ${JSON.stringify(value)}`,
	}),
	ambiguousRegion: (value: string, options: string) => ({
		zh: `--region：${JSON.stringify(value)} 有多个同名区划：${options}；请写代码`,
		en: `--region: ${JSON.stringify(value)} is ambiguous: ${options}; pass the code`,
	}),
	badDate: (value: string) => ({
		zh: `--date：应为 YYYY-MM-DD 格式的日期，收到 ${JSON.stringify(value)}`,
		en: `--date: expected a date as YYYY-MM-DD, found ${JSON.stringify(value)}`,
	}),
	unwritableDir: (flag: string, dir: string, reason: string) => ({
		zh: `${flag} ${dir}：无法在此写入草稿（${reason}）。请换一个可写的文件夹，或去掉 ${flag} 使用默认位置`,
		en: `${flag} ${dir}: drafts cannot be written there (${reason}). Choose a writable folder, or leave out ${flag} for the default`,
	}),
	fsReason: (code: string) => ({
		zh:
			code === 'ENOENT'
				? '这里不能新建文件夹'
				: code === 'EACCES' || code === 'EPERM'
					? '没有写入权限'
					: code === 'EROFS'
						? '只读的文件系统'
						: code === 'ENOTDIR'
							? '路径中有一段是文件而不是文件夹'
							: code,
		en:
			code === 'ENOENT'
				? 'no folder can be made there'
				: code === 'EACCES' || code === 'EPERM'
					? 'no permission to write'
					: code === 'EROFS'
						? 'a read-only file system'
						: code === 'ENOTDIR'
							? 'part of the path is a file, not a folder'
							: code,
	}),
	warningAt: (where: string, message: string) => ({ zh: `${where}：${message}`, en: `${where}: ${message}` }),
	notADirectory: (path: string) => ({ zh: `${path} 不是文件夹`, en: `${path} is not a folder` }),
	taxonomyProblem: (problem: string) => ({ zh: `警告：${problem}`, en: `warning: ${problem}` }),
	fileError: (file: string, message: string) => ({ zh: `${file}：${message}`, en: `${file}: ${message}` }),

	// Refusals of one input (expected …; found …).
	inputError: (expected: string, found: string, suggestion?: string) => ({
		zh: `应为${expected}，实际是${found}${suggestion ? `（${suggestion}）` : ''}`,
		en: `expected ${expected}; found ${found}${suggestion ? ` (${suggestion})` : ''}`,
	}),
	foundNothing: (code: string) => ({ zh: `此路径下没有文件（${code}）`, en: `nothing at this path (${code})` }),
	megabytes: (mb: string) => ({ zh: `${mb} MB`, en: `${mb} MB` }),
	existingDrafts: (files: string[]) => ({
		zh: `${files.join('、')} 已存在`,
		en: `${files.join(', ')} already exist${files.length === 1 ? 's' : ''}`,
	}),
	dryRunExisting: (files: string[]) => ({
		zh: `  注意：${files.join('、')} 已存在，正式导入需要 --force`,
		en: `  note: ${files.join(', ')} exist${files.length === 1 ? 's' : ''}: a real run needs --force`,
	}),
	foundImage: (kind: string) => ({ zh: `${kind} 图片`, en: `a ${kind} image` }),
	foundArchive: (kind: string) => ({ zh: `${kind} 压缩数据`, en: kind === 'gzip' ? 'gzip-compressed data' : `a ${kind} archive` }),
	expectedTextIn: (name: string) => ({ zh: `${name} 编码的文本`, en: `text in ${name}` }),
	foundInvalidBytes: (count: number, name: string) => ({
		zh: `${count} 处不是有效 ${name} 的字节序列`,
		en: `${count} byte sequences that are not valid ${name}`,
	}),
	foundBinaryNul: (offset: number) => ({ zh: `二进制数据（第 ${offset} 字节是零字节）`, en: `binary data (a zero byte at offset ${offset})` }),
	foundBinaryControls: (controls: number, size: number) => ({
		zh: `二进制数据（前 ${size} 字节中有 ${controls} 个控制字节）`,
		en: `binary data (${controls} control bytes in the first ${size} bytes)`,
	}),
	foundUtf8Cut: (cut: number) => ({
		zh: `结尾断在一个字符中间的 UTF-8 文件（悬空 ${cut} 字节），文件被截断了（ends in the middle of a character, truncated）`,
		en: `a UTF-8 file that ends in the middle of a character (${cut} dangling byte${cut > 1 ? 's' : ''}): it was truncated`,
	}),
	foundLegacyCut: (encoding: string) => ({
		zh: `结尾断在一个字符中间的 ${encoding} 文件，文件被截断了`,
		en: `a ${encoding} file that ends in the middle of a character: it was truncated`,
	}),
	foundUnknownEncoding: (encoding: string, percent: number) => ({
		zh: `无法识别的编码（没有一种解码得到常用汉字；最好的是 ${encoding}，常用字占 ${percent}%）`,
		en: `an unknown encoding (no decoding gives common Chinese characters; best was ${encoding} with ${percent}% common)`,
	}),
	foundDamagedDocx: (reason: string) => ({ zh: `损坏或截断的压缩包（${reason}）`, en: `a damaged or truncated archive (${reason})` }),
	expectedTypedFile: (ext: string) => ({ zh: `${ext} 文件`, en: `a ${ext} file` }),
	foundFewChinese: (count: number) => ({ zh: `只有 ${count} 个汉字`, en: `only ${count} Chinese characters` }),
	foundOnlyDebris: (removed: number, left: number) => ({
		zh: `只有标题或网页杂项（删去 ${removed} 行杂项，剩 ${left} 个短行）`,
		en: `only titles or site debris (${removed} lines removed as debris, ${left} short lines left)`,
	}),

	// Document-level outcomes and warnings.
	listOnly: (units: string) => ({
		zh: `文档只列出了单位（${units}），没有案例正文，无可导入`,
		en: `the document only lists units (${units}) with no case text under them; nothing to import`,
	}),
	preambleSkipped: (count: number) => ({
		zh: `正文前的 ${count} 行（目录或转述导语）没有导入，请核对`,
		en: `${count} lines before the document proper (a table of contents or a lead-in) were not imported: check them`,
	}),
	listedUnitsSkipped: (units: string) => ({
		zh: `跳过了只列名称、没有正文的单位（可能是目录）：${units}`,
		en: `units listed without case text (a table of contents?) were skipped: ${units}`,
	}),
	strayMarkup: (tags: string, more: number) => ({
		zh: `删去了夹在文字中的 HTML 标记 ${tags}${more > 0 ? ` 等 ${more + 3} 处` : ''}，请核对附近文字是否完整`,
		en: `removed stray HTML markup ${tags}${more > 0 ? ` and ${more} more` : ''}: check the text around it is complete`,
	}),
	longLine: (length: number) => ({
		zh: `一行长达 ${length} 个字符，原样保留：文档似乎丢失了分段，其中的标题和网页杂项无法识别`,
		en: `a line of ${length} characters was kept whole: the document seems to have lost its paragraph breaks, so headings and site debris inside it could not be recognised`,
	}),
	garbled: (excerpt: string, kind: string, lost: boolean) => ({
		zh: `乱码 ${excerpt}（${kind}${lost ? '：转换时丢失的字符变成了 `?` 或 U+FFFD' : ''}），已原样保留，请对照原件改正`,
		en: `garbled text ${excerpt} (${kind}${lost ? ': `?` or U+FFFD where characters were lost in conversion' : ''}); kept as is — restore it from the original`,
	}),
	taiwanPhrasing: (changes: string) => ({
		zh: `还原了自动转换留下的台湾用语：${changes}`,
		en: `reverted Taiwan phrasing left by automatic conversion: ${changes}`,
	}),
	scriptFew: (script: string) => ({
		zh: `字形：可区分简繁的字太少，按 ${script} 处理`,
		en: `script: too few characters tell 简体 from 繁體; assumed ${script}`,
	}),
	scriptMixed: (simplified: number, traditional: number, script: string) => ({
		zh: `字形：简繁混杂（${simplified} 个仅简体字、${traditional} 个仅繁体字），按 ${script} 处理`,
		en: `script: mixed — ${simplified} simplified-only and ${traditional} traditional-only characters; assumed ${script}`,
	}),
	notACase: (reason: string) => ({
		zh: `这不像案例材料：${reason}。未导入；确需导入请加 --force（草稿会标记待核）`,
		en: `this does not look like a case: ${reason}. Nothing imported; pass --force to import it flagged for review`,
	}),
	genreList: (rows: number) => ({
		zh: `它是一份 ${rows} 行的名单或表格，没有案例正文`,
		en: `it is a list or table of ${rows} rows without case text`,
	}),
	notACaseForced: (reason: string) => ({
		zh: `这不像案例材料（${reason}），因 --force 仍已导入，review 中标记了 genre`,
		en: `this does not look like a case (${reason}); imported because of --force, flagged as genre in review`,
	}),

	// Case warnings.
	titleGuessed: (title: string, from: string) => ({
		zh: `标题：原文没有标题，根据${from}猜测为 ${JSON.stringify(title)}`,
		en: `title: the source has none; guessed ${JSON.stringify(title)} from ${from}`,
	}),
	regionFallback: (problems: string, code: string, name: string) => ({
		zh: `地区：${problems}；使用了 --region ${code}（${name}）`,
		en: `region: ${problems}; used --region ${code} (${name})`,
	}),
	regionPlaceholder: (problems: string, code: string) => ({
		zh: `地区：${problems}；写入了占位代码 ${code}，请改为实际区划代码（或用 --region 指定）`,
		en: `region: ${problems}; wrote the placeholder ${code} — set the real code (or pass --region)`,
	}),
	regionProblem: (problem: string) => ({ zh: `地区：${problem}`, en: `region: ${problem}` }),
	unitMissing: (unit: string) => ({
		zh: `单位：没有找到单位行、标题前缀或句首主语，写入了 ${JSON.stringify(unit)}`,
		en: `unit: no unit line, title prefix or subject found; wrote ${JSON.stringify(unit)}`,
	}),
	methodsNoTaxonomy: (fallback: string) => ({
		zh: `做法分类：没有加载分类表，写入了占位值 "${fallback}"`,
		en: `methods: no taxonomy loaded; wrote the placeholder "${fallback}"`,
	}),
	methodsNoKeyword: (fallback: string) => ({
		zh: `做法分类：案例中没有出现 content/methods.yaml 的任何关键词，写入了占位值 "${fallback}"`,
		en: `methods: no keyword of content/methods.yaml occurs in the case; wrote "${fallback}" as a placeholder`,
	}),
	dateToday: (date: string, year: number | undefined) => ({
		zh: `日期：文档没有写日期，写入了今天 ${date}${year ? `（文中最晚提到 ${year}年）` : ''}`,
		en: `date: the document states no date; wrote today's date ${date}${year ? ` (the text mentions ${year}年 at the latest)` : ''}`,
	}),
	publisherFromSite: (owner: boolean, publisher: string) => ({
		zh: `来源单位：没有“来源”行，使用了网站的${owner ? '主办单位' : '名称'} ${JSON.stringify(publisher)}`,
		en: `source.publisher: no 来源 line; used the site's ${owner ? '主办单位' : 'name'} ${JSON.stringify(publisher)}`,
	}),
	publisherMissing: (placeholder: string) => ({
		zh: `来源单位：没有找到“来源”、主办单位或网站名称，写入了 ${JSON.stringify(placeholder)}`,
		en: `source.publisher: no 来源, 主办单位 or site name found; wrote ${JSON.stringify(placeholder)}`,
	}),
	tableKept: (count: number) => ({
		zh: `${count} 个表格按表格保留（其中的数字未列为数据项），请核对行列`,
		en: `${count} table${count === 1 ? '' : 's'} kept as tables (their figures are not listed as metrics): check rows and columns`,
	}),

	// Where a guess came from.
	ambiguousPlace: (names: string, options: string) => ({
		zh: `${names} 有多个同名区划：${options}；取了第一个`,
		en: `${names} is ambiguous: ${options}; took the first`,
	}),
	otherPlaces: (others: string, best: string) => ({
		zh: `文中还提到 ${others}；取了最突出的 ${best}`,
		en: `the text also names ${others}; took ${best}, the most prominent`,
	}),
	onlyLevel: (level: 'city' | 'province', name: string) => ({
		zh: `只找到${level === 'city' ? '地市' : '省'}（${name}）；如果案例出自一个县，最好用县级代码`,
		en: `only a ${level} was found (${name}); a county-level code is better if the case is from one county`,
	}),

	// Frontmatter comments in the draft.
	commentRegionGuessed: (evidence: string) => ({ zh: `猜测：${evidence}`, en: `guessed: ${evidence}` }),
	commentRegionPlaceholder: (code: string) => ({
		zh: `占位：未找到地名，请把 ${code} 改为县级区划代码`,
		en: `placeholder: no place name found — replace ${code} with the county code`,
	}),
	commentGuessedFrom: (from: string) => ({ zh: `猜测来源：${from}`, en: `guessed from ${from}` }),
	commentMethods: (list: string) => ({ zh: `按关键词建议：${list}`, en: `suggested by keywords: ${list}` }),
	issueHeader: (review: string) => ({
		zh: `由 \`npm run import\` 写出的草稿。${review ? `请确认：${review}。\n` : ''}下面的正文是编者按。`,
		en: `Draft written by \`npm run import\`. ${review ? `Confirm: ${review}.\n` : ''}The body below is the editor's note (编者按).`,
	}),

	// Report.
	located: (kind: 'line' | 'paragraph', line: number, opening?: string) => ({
		zh: `第 ${line} ${kind === 'line' ? '行' : '段'}${opening ? `（“${opening}”开头）` : ''}`,
		en: `${kind} ${line}${opening ? ` (“${opening}”)` : ''}`,
	}),
	shapeIssue: (count: number) => ({ zh: `一期，${count} 个案例`, en: `issue of ${count} cases` }),
	shapeCases: (count: number) => ({ zh: `${count} 个案例`, en: `${count} case` }),
	caseLabel: (index: number) => ({ zh: `案例 ${index}`, en: `case ${index}` }),
	review: (fields: string) => ({ zh: `待核：${fields}`, en: `review: ${fields}` }),
	caseFacts: (unit: string, code: string, region: string, metrics: number, methods: string) => ({
		zh: `单位 ${unit} · 地区 ${code} ${region} · ${metrics} 项数据 · 做法 ${methods}`,
		en: `unit ${unit} · region ${code} ${region} · ${n(metrics, 'metric')} · methods ${methods}`,
	}),
	renameHint: (example: string) => ({
		zh: `文件名就是网址。要改名：重命名文件（如 git mv ${example}），若已编入某期，同时改该期 cases 列表里的名字`,
		en: `The file name is the web address. To rename: rename the file (e.g. git mv ${example}) and, if an issue lists it, the name in that issue's cases list`,
	}),
	cleaned: (parts: string) => ({ zh: `清理：${parts}`, en: `cleaned: ${parts}` }),
	cleanedDebris: (count: number) => ({ zh: `${count} 行网页杂项/来源行`, en: `${count} debris/fact lines` }),
	cleanedHeaders: (count: number) => ({ zh: `${count} 个重复页眉`, en: `${count} repeated page headers` }),
	cleanedPinyin: (count: number) => ({ zh: `${count} 处拼音注音`, en: `${count} pinyin annotations` }),
	cleanedTags: (count: number) => ({ zh: `${count} 个残留标记`, en: `${count} stray tags` }),
	cleanedTaiwan: (count: number) => ({ zh: `${count} 处台湾用语已还原`, en: `${count} Taiwan phrasings reverted` }),
	cleanedPunctuation: (count: number) => ({ zh: `${count} 个标点改为全角`, en: `${count} punctuation marks made full-width` }),
	removedLine: (where: string, reason: string, text: string) => ({
		zh: `删去 ${where}（${reason}）：${text}`,
		en: `removed ${where} (${reason}): ${text}`,
	}),
	warningsHeading: (count: number) => ({ zh: `警告（${count} 条）：`, en: `warnings (${count}):` }),

	// Evidence for each guessed field: where in the source it was read (draft comments and report).
	evidenceAt: (kind: 'line' | 'paragraph', line: number, text: string) => ({
		zh: `第 ${line} ${kind === 'line' ? '行' : '段'}：“${text}”`,
		en: `${kind} ${line}: “${text}”`,
	}),
	evidenceNote: (note: string, where: string) => ({ zh: `${note}；依据${where}`, en: `${note}; from ${where}` }),
	reviewEvidence: (field: string, text: string) => ({ zh: `${field}：${text}`, en: `${field}: ${text}` }),
	guessTitleBelowHeads: (heads: string) => ({
		zh: `猜测：标题旁的${heads}不像标题，未取作标题`,
		en: `guessed: ${heads} beside the title are not titles`,
	}),
	guessTitleFrom: (from: string) => ({ zh: `猜测：原文没有标题，根据${from}拟定`, en: `guessed: the source has none; made from ${from}` }),
	headLine: (where: string, kind: 'ordinal' | 'category' | 'kicker' | 'masthead') => ({
		zh: `${where}${{ ordinal: '（排名或序号行）', category: '（类别或栏目行）', kicker: '（引题）', masthead: '（报刊网站名或版次行）' }[kind]}`,
		en: `${where} (${{ ordinal: 'a rank or number line', category: 'a category or column line', kicker: 'a kicker', masthead: 'a masthead or page line' }[kind]})`,
	}),
	guessRegionNamed: (name: string, code: string, full: string) => ({
		zh: `猜测：${name}（${code}，${full}）`,
		en: `guessed: ${name} (${code}, ${full})`,
	}),
	guessUnitFrom: (from: string) => ({ zh: `猜测来源：${from}`, en: `guessed from ${from}` }),
	guessMetricsAt: (list: string) => ({ zh: `各项出处：${list}`, en: `where each is: ${list}` }),
	metricAt: (text: string, kind: 'line' | 'paragraph', line: number) => ({
		zh: `${text}（第 ${line} ${kind === 'line' ? '行' : '段'}）`,
		en: `${text} (${kind} ${line})`,
	}),
	guessPublisherSite: (owner: boolean) => ({
		zh: `猜测：网站的${owner ? '主办单位' : '名称'}（原文没有“来源”行）`,
		en: `guessed: the site's ${owner ? '主办单位' : 'name'} (no 来源 line)`,
	}),
	collectionOutside: (count: number) => ({
		zh: `自此起 ${count} 段是合集的引言或分组标题，不属于任何案例，没有导入，请核对`,
		en: `${count} blocks from here are the collection's introduction or group headings, part of no case: not imported, check them`,
	}),
	// The fixed texts, without values: import.json.
	...texts,
});

/** The texts of `npm run import -- --help` (parseCommand picks the language). */
export const importUsage = {
	summary: {
		zh: '把 .txt（UTF-8、GB18030/GBK、Big5）、.html 和 .docx 文档导入为案例草稿。',
		en: 'Imports .txt (UTF-8, GB18030/GBK, Big5), .html and .docx documents as draft cases.',
	},
	positionals: { zh: '<文件…>', en: '<file...>' },
	out: { zh: '案例写入 DIR（默认 content/cases）', en: 'write cases to DIR (default: content/cases)' },
	issuesOut: {
		zh: '期写入 DIR（默认与案例目录同级的 issues）',
		en: 'write issues to DIR (default: the issues directory beside the cases directory)',
	},
	dryRun: { zh: '只打印报告，不写文件', en: 'print the report, write nothing' },
	force: {
		zh: '覆盖已存在的草稿；不像案例的文档也导入（标记待核）',
		en: 'overwrite drafts that exist already; import non-case documents too, flagged for review',
	},
	encoding: {
		zh: '按此编码读取文本文件（gb18030、big5、utf-8 …），不自动识别',
		en: 'read text files in this encoding (gb18030, big5, utf-8 …) instead of detecting it',
	},
	methods: { zh: '做法分类文件（默认 content/methods.yaml）', en: 'method taxonomy to suggest from (default: content/methods.yaml)' },
	region: { zh: '文档未提地名时使用的地区（如 330822 或 常山县）', en: 'region for documents that name no place (e.g. 330822 or 常山县)' },
	date: { zh: '文档未写日期时使用的日期（默认今天，并标记待核）', en: 'date for documents that state none (default: today, marked for review)' },
	verbose: { zh: '同时列出每一行被删除的网页杂项', en: 'also list every line removed as debris' },
	epilogue: {
		zh: '退出码：0 全部导入；1 有文档被拒或没有案例；2 参数有误，或文档不像案例材料（加 --force 仍可导入）。',
		en: 'Exit codes: 0 every document imported; 1 a document was refused or gave no case; 2 bad flags, or a document that is not a case (import it anyway with --force).',
	},
} satisfies Record<string, Bilingual>;
