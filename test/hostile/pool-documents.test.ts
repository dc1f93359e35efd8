// Hostile input, pool documents: generated YAML/JSON pool files through the CLI's parser and `apply -f -` in-process.
import fc from "fast-check";
import { stringify } from "yaml";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { execCli } from "../helpers/ippool.js";
import { runCli } from "../../src/cli/framework/run-cli.js";
import { CniError } from "../../src/errors.js";
import { parseResourceDocuments } from "../../src/pool/split-documents.js";
import { parsePoolDocument } from "../../src/pool/resource.js";
import { applyObjectEdits, applyTextEdits, objectEdits, poolDocument, textEdits } from "./arbitraries.js";
import { checkOptions, hostileRoot, seedStore } from "./harness.js";
import { STACK_FRAME, snapshot, snapshotDiff } from "./outcome.js";

let root: { path: string; remove: () => void };
let sinceSeed = 0;
beforeAll(async () => {
  root = hostileRoot();
  await seedStore(root.path);
});
afterAll(() => root.remove());

const yamlNoise = fc.string({
  unit: fc.constantFrom(..."&*<:-[]{}!?|>%@`#'\"\n\t ,.abc01/\\\u0000\uFEFF\uFFFD"),
  maxLength: 80,
});

/** A pool file as an operator might write it, or break it: YAML or JSON, one or several documents. */
const poolFile: fc.Arbitrary<string> = fc.oneof(
  {
    arbitrary: fc
      .tuple(
        fc.array(poolDocument, { minLength: 1, maxLength: 3 }),
        fc.constantFrom("yaml", "json", "json-list"),
        fc.option(objectEdits, { freq: 3 }),
        fc.option(textEdits, { freq: 3 }),
      )
      .map(([docs, format, edits, cuts]) => {
        const values = edits ? docs.map((doc) => applyObjectEdits(doc, edits)) : docs;
        const text =
          format === "yaml"
            ? values.map((value) => stringify(value ?? null)).join("---\n")
            : (JSON.stringify(format === "json" ? values[0] : values) ?? "");
        return cuts ? applyTextEdits(text, cuts) : text;
      }),
    weight: 8,
  },
  { arbitrary: yamlNoise, weight: 2 },
  { arbitrary: fc.string({ unit: "binary", maxLength: 100 }), weight: 1 },
);

describe("pool documents with hostile input", () => {
  it("parseResourceDocuments and parsePoolDocument return or throw a CniError, nothing else", () => {
    fc.assert(
      fc.property(poolFile, (text) => {
        let docs;
        try {
          docs = parseResourceDocuments(text, "pool.yaml");
        } catch (error) {
          if (!(error instanceof CniError)) throw error;
          return;
        }
        for (const doc of docs) {
          try {
            parsePoolDocument(doc.value, doc.where);
          } catch (error) {
            if (!(error instanceof CniError)) throw error;
          }
        }
      }),
      checkOptions(2000),
    );
  });

  it("apply -f exits 0 or 1 with a one-line message, and a refused file changes nothing", async () => {
    await fc.assert(
      fc.asyncProperty(poolFile, async (text) => {
        if (++sinceSeed >= 200) {
          sinceSeed = 0;
          await seedStore(root.path);
        }
        const before = snapshot(root.path);
        let stderr = "";
        const code = await runCli({
          argv: ["apply", "-f", "-", "--data-dir", root.path],
          env: {},
          readStdin: async () => text,
          stdout: () => undefined,
          stderr: (chunk) => void (stderr += chunk),
          now: () => new Date(),
        });
        if (code !== 0 && code !== 1) throw new Error(`apply exited ${code}: ${stderr}`);
        if (STACK_FRAME.test(stderr) || stderr.includes("internal error"))
          throw new Error(`apply printed a stack or an internal error: ${stderr}`);
        if (code === 1 && !stderr.startsWith("ippool: "))
          throw new Error(`apply failed without saying why: ${JSON.stringify(stderr)}`);
        const changed = snapshotDiff(before, snapshot(root.path));
        if (code === 1 && changed.length > 0)
          throw new Error(`a refused file changed the store: ${changed.join(", ")} (${stderr.trim()})`);
      }),
      checkOptions(1000),
    );
  });

  // The CLI runs from its own bundle inside build/ippool; only a real process shows what crosses it.
  it("build/ippool apply -f FILE exits 0 or 1 with a one-line message and no stack", async () => {
    const seed = Number(process.env.IPPOOL_HOSTILE_SEED ?? Date.now() % 2 ** 31);
    const files = fc.sample(poolFile, {
      numRuns: Math.max(1, Math.round(40 * Number(process.env.IPPOOL_HOSTILE_SCALE ?? 1))),
      seed,
    });
    const failures: string[] = [];
    for (const [index, text] of files.entries()) {
      const dataDir = join(root.path, `exec-${index}`);
      const file = join(root.path, `pools-${index}.yaml`);
      writeFileSync(file, text);
      const run = await execCli(["apply", "-f", file], { dataDir });
      const bad =
        run.signal !== null ||
        (run.code !== 0 && run.code !== 1) ||
        STACK_FRAME.test(run.stderr) ||
        run.stderr.includes("internal error");
      if (bad || (run.code === 1 && !run.stderr.startsWith("ippool: ")))
        failures.push(`exit ${run.code}: ${run.stderr.slice(0, 400)}\n  file ${JSON.stringify(text.slice(0, 300))}`);
    }
    expect(failures, `seed ${seed} (rerun with IPPOOL_HOSTILE_SEED=${seed})`).toEqual([]);
  });
});
