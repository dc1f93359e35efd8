// docs/cli.md against the CLI's command table: a section for every command naming each of its flags, and code fences that all close.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { COMMANDS } from "../../src/cli/framework/commands.js";

const text = readFileSync(join(__dirname, "../../docs/cli.md"), "utf8");

/** The lines outside code fences, and whether a fence was left open at the end. */
function proseLines(markdown: string): { lines: string[]; unclosedFrom: number | undefined } {
  const lines: string[] = [];
  let openedAt: number | undefined;
  markdown.split("\n").forEach((line, index) => {
    if (/^\s*```/.test(line)) openedAt = openedAt === undefined ? index + 1 : undefined;
    else if (openedAt === undefined) lines.push(line);
  });
  return { lines, unclosedFrom: openedAt };
}

describe("docs/cli.md", () => {
  const { lines, unclosedFrom } = proseLines(text);

  it("closes every code fence it opens", () => {
    expect(unclosedFrom, `the fence opened on line ${unclosedFrom} is never closed`).toBeUndefined();
  });

  it.each(Object.keys(COMMANDS))("has a section for 'ippool %s' outside any code block", (command) => {
    expect(lines.filter((line) => line.startsWith(`### ippool ${command}`))).not.toEqual([]);
  });

  it("puts each command section's heading outside code blocks", () => {
    const headings = text.split("\n").filter((line) => line.startsWith("### ippool "));
    expect(lines.filter((line) => line.startsWith("### ippool "))).toEqual(headings);
  });

  /** A command's section: from its heading to the next command's (sub-commands such as 'blocks release' included). */
  const section = (command: string): string => {
    const start = text.indexOf(`### ippool ${command}`);
    const next = text.slice(start + 1).search(/\n### ippool (?!\S+ \S)/);
    return next === -1 ? text.slice(start) : text.slice(start, start + 1 + next);
  };

  const flagsOf = Object.entries(COMMANDS).flatMap(([command, spec]) =>
    Object.entries(spec.flags ?? {}).map(([flag, { short }]) => [command, flag, short ?? ""] as const),
  );
  it.each(flagsOf)("names 'ippool %s --%s' (or its short form) in that command's section", (command, flag, short) => {
    const text = section(command);
    const named = text.includes(`--${flag}`) || (short !== "" && new RegExp(`-${short}\\b`).test(text));
    expect(named, `docs/cli.md's section for 'ippool ${command}' never mentions --${flag}`).toBe(true);
  });
});
