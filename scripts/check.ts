/**
 * `npm run check`: validates all content and lists every problem (file:line field:
 * message). Exits 1 when there are errors; warnings alone exit 0.
 */
import { styleText } from 'node:util';
import { formatProblems, validateContent } from '../src/lib/content/validate.ts';
import { contentChecks, glossaryProblems } from '../src/lib/content/checks.ts';
import { internalCaseProblems } from '../src/lib/compendium/edition.ts';

const result = validateContent({ caseChecks: contentChecks() });
result.problems.push(...glossaryProblems(result.glossary), ...internalCaseProblems(result.issues));
const errors = result.problems.filter((p) => p.severity === 'error');
const warnings = result.problems.filter((p) => p.severity === 'warning');
if (result.problems.length) console.log(formatProblems(result.problems));
const summary = `${result.cases.size} cases, ${result.issues.size} issues, ${result.methods.size} methods: ${errors.length} error(s), ${warnings.length} warning(s)`;
console.log(errors.length ? styleText('red', summary) : styleText('green', summary));
process.exit(errors.length ? 1 : 0);
