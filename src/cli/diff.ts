import { type ChangeFinding, type ChangeLevel, changeLevels, findBreakingChanges, levelRank } from '../core/diff';
import type { Design } from '../core/model';
import { ArgumentError, type ParsedArguments } from './arguments';

export const diffUsage = `  diff BASE REVISION [--json] [--format text|markdown] [--fail-on breaking|warning|info]
       [--type rest|http] [-o FILE]
      What changed between two OpenAPI documents or designs for the API's clients, each change
      breaking, warning or info (oasdiff's check ids). Exit 1 when a change at or above --fail-on
      exists; without --fail-on the exit code does not depend on the changes.`;

const headings: Record<ChangeLevel, string> = { breaking: 'Breaking', warning: 'Warnings', info: 'Info' };

function counts(findings: ChangeFinding[]): Record<ChangeLevel, number> {
  const result: Record<ChangeLevel, number> = { breaking: 0, warning: 0, info: 0 };
  for (const finding of findings) result[finding.level] += 1;
  return result;
}

/** `2 breaking, 1 warning, 3 info`. */
export function summaryLine(findings: ChangeFinding[]): string {
  if (findings.length === 0) return "No changes for the API's clients.";
  const count = counts(findings);
  return `${count.breaking} breaking, ${count.warning} warning${count.warning === 1 ? '' : 's'}, ${count.info} info`;
}

function textReport(findings: ChangeFinding[]): string {
  const lines = [summaryLine(findings)];
  for (const level of changeLevels) {
    const group = findings.filter((finding) => finding.level === level);
    if (group.length === 0) continue;
    lines.push('', `${headings[level].toUpperCase()} (${group.length})`);
    for (const finding of group) {
      lines.push(`  ${finding.id}${finding.operation ? `  ${finding.operation}` : ''}`, `    ${finding.message}`);
      if (level !== 'info') lines.push(`    why: ${finding.why}`);
      lines.push(`    at: ${finding.where}`);
    }
  }
  return lines.join('\n');
}

/** A table cell: no line breaks, no unescaped pipes. */
function cell(text: string): string {
  return text.replace(/\r?\n/g, ' ').replace(/\|/g, '\\|');
}

function markdownTable(group: ChangeFinding[], withWhy: boolean): string[] {
  const lines = [
    withWhy ? '| Operation | Change | Why | Check |' : '| Operation | Change | Check |',
    withWhy ? '| --- | --- | --- | --- |' : '| --- | --- | --- |',
  ];
  for (const finding of group) {
    const operation = finding.operation ? `\`${cell(finding.operation)}\`` : '(API)';
    lines.push(
      withWhy
        ? `| ${operation} | ${cell(finding.message)} | ${cell(finding.why)} | \`${finding.id}\` |`
        : `| ${operation} | ${cell(finding.message)} | \`${finding.id}\` |`,
    );
  }
  return lines;
}

/** Ready to post on a pull request: the counts first, then a table per level, info folded away. */
function markdownReport(findings: ChangeFinding[]): string {
  const count = counts(findings);
  if (findings.length === 0) return "### API changes\n\nNo changes for the API's clients.";
  const lines = [
    `### API changes: ${count.breaking > 0 ? `**${count.breaking} breaking**` : '0 breaking'}, ${count.warning} warning${count.warning === 1 ? '' : 's'}, ${count.info} info`,
  ];
  for (const level of ['breaking', 'warning'] as const) {
    const group = findings.filter((finding) => finding.level === level);
    if (group.length === 0) continue;
    lines.push('', `#### ${headings[level]} (${group.length})`, '', ...markdownTable(group, true));
  }
  const info = findings.filter((finding) => finding.level === 'info');
  if (info.length > 0)
    lines.push('', `<details><summary>Info (${info.length})</summary>`, '', ...markdownTable(info, false), '', '</details>');
  return lines.join('\n');
}

/** The `--json` shape the issue promises pipelines: findings by level, each `{id, message, operation}`. */
export function jsonReport(findings: ChangeFinding[]): string {
  const pick = (level: ChangeLevel) =>
    findings
      .filter((finding) => finding.level === level)
      .map((finding) => ({ id: finding.id, message: finding.message, operation: finding.operation ?? null }));
  return JSON.stringify({ breaking: pick('breaking'), warnings: pick('warning'), info: pick('info') }, null, 2);
}

function failOnOption(args: ParsedArguments): ChangeLevel | undefined {
  const value = args.options.failOn;
  if (value === undefined) return undefined;
  const level = changeLevels.find((candidate) => candidate === value.toLowerCase());
  if (!level) throw new ArgumentError(`--fail-on ${value} is not a level: use breaking, warning or info.`);
  return level;
}

/**
 * `portico diff BASE REVISION`: each input read as `portico export` reads it (a design file through the
 * design gate, anything else through the OpenAPI importer), then compared for the API's clients.
 * Without `--fail-on` the command only reports, as `oasdiff breaking` does without its `--fail-on`.
 */
export function runDiff(args: ParsedArguments, read: (path: string) => Design, write: (text: string) => void): number {
  const [basePath, revisionPath, ...extra] = args.positionals;
  if (basePath === undefined || revisionPath === undefined)
    throw new ArgumentError('portico diff needs two inputs: BASE and REVISION (portico --help).');
  if (extra.length > 0) throw new ArgumentError(`portico diff takes two inputs, got ${args.positionals.length}.`);
  const format = args.options.format ?? 'text';
  if (format !== 'text' && format !== 'markdown') throw new ArgumentError(`--format ${format} is not a diff format: use text or markdown.`);
  const failOn = failOnOption(args);
  const findings = findBreakingChanges(read(basePath), read(revisionPath));
  write(args.flags.has('json') ? jsonReport(findings) : format === 'markdown' ? markdownReport(findings) : textReport(findings));
  if (failOn === undefined) return 0;
  return findings.some((finding) => levelRank(finding.level) <= levelRank(failOn)) ? 1 : 0;
}
