// Turns samples into rows (one value per subject), prints them as a table and as Markdown, and checks the budget.
import type { SubjectName } from "./subjects.js";

export const COLUMNS: readonly SubjectName[] = ["node", "standalone", "via agent", "floor", "host-local"];

export interface Row {
  readonly section: string;
  readonly metric: string;
  readonly unit: string;
  /** One figure per subject that ran this row; missing subjects print "-". */
  readonly values: Readonly<Partial<Record<SubjectName, number | null>>>;
}

export const row = (section: string, metric: string, unit: string, values: Row["values"]): Row => ({
  section,
  metric,
  unit,
  values,
});

/** a / b, or null when either is missing or b is zero. */
export function ratio(a: number | null | undefined, b: number | null | undefined): number | null {
  return a === null || a === undefined || b === null || b === undefined || b === 0 ? null : a / b;
}

/** Rounds for reading: 1 decimal below 100, whole numbers above; counts stay whole. */
function show(value: number | null | undefined, unit: string): string {
  if (value === null || value === undefined || Number.isNaN(value)) return "-";
  if (unit === "count") return String(Math.round(value));
  return Math.abs(value) >= 100 ? value.toFixed(0) : value.toFixed(1);
}

const showRatio = (value: number | null): string => (value === null ? "-" : `${value.toFixed(2)}x`);

/** The ratio columns: each ippool artifact against host-local. */
const cells = (entry: Row): string[] => [
  entry.metric,
  entry.unit,
  ...COLUMNS.map((column) => show(entry.values[column], entry.unit)),
  showRatio(ratio(entry.values.standalone, entry.values["host-local"])),
  showRatio(ratio(entry.values.node, entry.values["host-local"])),
];
const HEADER = ["metric", "unit", ...COLUMNS, "standalone/host-local", "node/host-local"];

export function formatTable(rows: readonly Row[]): string {
  const body = rows.map(cells);
  const widths = HEADER.map((title, column) => Math.max(title.length, ...body.map((line) => line[column]!.length)));
  const line = (values: readonly string[]) =>
    `  ${values.map((cell, column) => (column >= 2 ? cell.padStart(widths[column]!) : cell.padEnd(widths[column]!))).join("  ")}`.trimEnd();
  const out: string[] = [line(HEADER)];
  let section = "";
  rows.forEach((entry, index) => {
    if (entry.section !== section) {
      section = entry.section;
      out.push(section);
    }
    out.push(line(body[index]!));
  });
  return out.join("\n");
}

/** The same table as Markdown, for pasting into docs/performance.md. */
export function formatMarkdown(rows: readonly Row[]): string {
  const out = [
    `| section | ${HEADER.join(" | ")} |`,
    `|---|---|---|${HEADER.slice(2)
      .map(() => "---:")
      .join("|")}|`,
  ];
  for (const entry of rows) out.push(`| ${entry.section} | ${cells(entry).join(" | ")} |`);
  return out.join("\n");
}

export interface BudgetCheck {
  readonly what: string;
  /** The measured figure in the budget's terms, e.g. "1.8x the floor" or "+12.3 ms". */
  readonly measured: string;
  readonly limit: string;
  readonly meets: boolean;
}

/** A ratio budget: `value / base <= limit` (or >= for a rate). */
export function ratioCheck(
  what: string,
  value: number | null | undefined,
  base: number | null | undefined,
  limit: number,
  baseName: string,
  atLeast = false,
): BudgetCheck {
  const measured = ratio(value, base);
  const meets = measured !== null && (atLeast ? measured >= limit : measured <= limit);
  return {
    what,
    measured: measured === null ? "not measured" : `${measured.toFixed(2)}x ${baseName}`,
    limit: `${atLeast ? ">=" : "<="} ${limit}x`,
    meets,
  };
}

export function formatBudget(checks: readonly BudgetCheck[]): string {
  return checks
    .map((check) => `  ${check.meets ? "meets " : "MISSES"}  ${check.what}: ${check.measured} (budget ${check.limit})`)
    .join("\n");
}
