// create, apply, replace, get and delete of pools through the built executable, on a fresh store each.
import { existsSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { REPO_ROOT, execCli, poolDoc } from "../helpers/ippool.js";
import { storeNameFor } from "../helpers/datastore.js";
import { fails, ok, useCliDir, yamlDocs } from "./support.js";

const dir = useCliDir();
// The example pools file the README tells users to apply; the suite needs nothing outside the clone.
const SHARED_POOLS = join(REPO_ROOT, "netconf-examples/pools.yaml");
const ALIASES = ["ippool", "ippools", "ipp", "ipps", "pool", "pools"];

const cidrsOf = async (): Promise<string[]> => {
  const out = ok(await dir.cli(["get", "pools", "-o", "json"]));
  return JSON.parse(out).map((doc: any) => doc.metadata.cidr);
};

describe("ippool create", () => {
  it("creates every pool of the shared pools.yaml and reports each", async () => {
    const out = ok(await dir.cli(["create", "-f", SHARED_POOLS]));
    expect(out).toContain("created ipPool 10.22.0.0/16\ncreated ipPool 10.21.0.0/16\ncreated ipPool fd00:22::/64\n");
    expect(out).toContain("Successfully created 3 'ipPool' resource(s)");
    expect(await cidrsOf()).toEqual(["10.21.0.0/16", "10.22.0.0/16", "fd00:22::/64"]);
  });

  it("fails for a pool that exists, creates the others and exits non-zero", async () => {
    ok(await dir.cli(["create", "-f", dir.file("a.yaml", yamlDocs(poolDoc("10.1.0.0/16")))]));
    const result = await dir.cli([
      "create",
      "-f",
      dir.file("b.yaml", yamlDocs(poolDoc("10.1.0.0/16"), poolDoc("10.2.0.0/16"))),
    ]);
    fails(result, "b.yaml: document 1: ipPool 10.1.0.0/16 already exists");
    expect(result.stdout).toContain("created ipPool 10.2.0.0/16");
    expect(result.stdout).toContain("Partial success: created 1 of 2 'ipPool' resource(s)");
    expect(await cidrsOf()).toEqual(["10.1.0.0/16", "10.2.0.0/16"]);
  });

  it("reads JSON, a JSON list, and stdin with -f -", async () => {
    ok(await dir.cli(["create", "-f", dir.file("one.json", JSON.stringify(poolDoc("10.3.0.0/16")))]));
    ok(
      await dir.cli(
        ["create", "-f", "-"],
        JSON.stringify([poolDoc("10.4.0.0/16"), poolDoc("10.5.0.0/16")], null, "\t"),
      ),
    );
    ok(await dir.cli(["create", "-f", "-"], yamlDocs(poolDoc("10.6.0.0/16"))));
    expect(await cidrsOf()).toEqual(["10.3.0.0/16", "10.4.0.0/16", "10.5.0.0/16", "10.6.0.0/16"]);
  });
});

describe("ippool replace", () => {
  it("changes an existing pool", async () => {
    ok(await dir.cli(["create", "-f", "-"], yamlDocs(poolDoc("10.1.0.0/16"))));
    const out = ok(await dir.cli(["replace", "-f", "-"], yamlDocs(poolDoc("10.1.0.0/16", { disabled: true }))));
    expect(out).toContain("replaced ipPool 10.1.0.0/16");
    expect(out).toContain("Successfully replaced 1 'ipPool' resource(s)");
    expect(ok(await dir.cli(["get", "pool", "-o", "wide"]))).toMatch(
      /10\.1\.0\.0\/16\s+false\s+-\s+false\s+-\s+false\s+true/,
    );
  });

  it("fails for a missing pool and exits non-zero", async () => {
    const result = await dir.cli(["replace", "-f", "-"], yamlDocs(poolDoc("10.9.0.0/16")));
    fails(result, "ipPool 10.9.0.0/16 does not exist");
    // Nothing was written: the store was not even created.
    fails(await dir.cli(["get", "pools"]), "no ippool store");
  });
});

describe("ippool apply", () => {
  it("creates missing pools, updates changed ones and leaves equal ones, saying which", async () => {
    ok(await dir.cli(["apply", "-f", "-"], yamlDocs(poolDoc("10.1.0.0/16"), poolDoc("10.2.0.0/16"))));
    const file = dir.file(
      "p.yaml",
      yamlDocs(poolDoc("10.1.0.0/16"), poolDoc("10.2.0.0/16", { "nat-outgoing": true }), poolDoc("10.3.0.0/16")),
    );
    const out = ok(await dir.cli(["apply", "-f", file]));
    expect(out).toContain(
      `unchanged ipPool 10.1.0.0/16\nconfigured ipPool 10.2.0.0/16\ncreated ipPool 10.3.0.0/16\nSuccessfully applied 3 'ipPool' resource(s) in ${storeNameFor(dir.path)}\n`,
    );
  });

  it("applies the shared pools.yaml with the warnings it earns", async () => {
    const result = await dir.cli(["apply", "-f", SHARED_POOLS]);
    ok(result);
    // 10.22.0.0/16 has ipip with nat-outgoing on: no warning.
    expect(result.stderr).toBe("");
  });

  it("warns about host bits and about ipip without nat-outgoing, and accepts both", async () => {
    const result = await dir.cli(
      ["apply", "-f", "-"],
      yamlDocs(poolDoc("10.7.1.2/16"), poolDoc("10.8.0.0/16", { ipip: { enabled: true } })),
    );
    ok(result);
    expect(result.stderr).toContain(
      "ippool: warning: stdin: document 1: cidr 10.7.1.2/16 has host bits set; stored as 10.7.0.0/16",
    );
    expect(result.stderr).toContain(
      "ippool: warning: stdin: document 2: pool 10.8.0.0/16 has ipip enabled but nat-outgoing off",
    );
    expect(await cidrsOf()).toEqual(["10.7.0.0/16", "10.8.0.0/16"]);
  });

  const invalid: [string, unknown[], string][] = [
    [
      "an unknown field",
      [poolDoc("10.1.0.0/16"), poolDoc("10.2.0.0/16", { natOutgoing: true })],
      "document 2: unknown field spec.natOutgoing",
    ],
    [
      "a bad CIDR",
      [poolDoc("10.1.0.0/16"), poolDoc("10.2.0/16")],
      "document 2: metadata.cidr: not a valid IPv4 or IPv6 CIDR",
    ],
    [
      "a bad ipip mode",
      [poolDoc("10.1.0.0/16"), poolDoc("10.2.0.0/16", { ipip: { mode: "sometimes" } })],
      "document 2: spec.ipip.mode: mode must be one of always, cross-subnet",
    ],
    [
      "a wrong kind",
      [poolDoc("10.1.0.0/16"), { ...poolDoc("10.2.0.0/16"), kind: "policy" }],
      'document 2: kind: kind must be "ipPool"',
    ],
    [
      "pools overlapping each other",
      [poolDoc("10.1.0.0/16"), poolDoc("10.1.2.0/24")],
      "document 2: metadata.cidr: pool 10.1.2.0/24 overlaps pool 10.1.0.0/16 (document 1)",
    ],
    [
      "a pool overlapping a stored one",
      [poolDoc("10.1.0.0/16"), poolDoc("10.50.0.0/24")],
      "document 2: metadata.cidr: pool 10.50.0.0/24 overlaps pool 10.50.0.0/16 (stored)",
    ],
    [
      "one CIDR given twice",
      [poolDoc("10.1.0.0/16"), poolDoc("10.1.0.0/16", { disabled: true })],
      "document 2: metadata.cidr: pool 10.1.0.0/16 is also given in document 1",
    ],
    [
      "a document that is not a mapping",
      [poolDoc("10.1.0.0/16"), "just text"],
      "document 2 is a string, not a resource",
    ],
    // YAML 1.2 reads `yes` as a string: the message says what was given and what is accepted.
    [
      "nat-outgoing: yes",
      [poolDoc("10.1.0.0/16"), poolDoc("10.2.0.0/16", { "nat-outgoing": "yes" })],
      'document 2: spec.nat-outgoing: expected true or false, got "yes"',
    ],
    [
      "a missing metadata",
      [poolDoc("10.1.0.0/16"), { apiVersion: "v1", kind: "ipPool" }],
      "document 2: metadata: missing; expected an object",
    ],
    [
      "a CIDR that is a number",
      [poolDoc("10.1.0.0/16"), { ...poolDoc("10.2.0.0/16"), metadata: { cidr: 10 } }],
      "document 2: metadata.cidr: expected a string, got 10",
    ],
  ];
  it.each(invalid)("applies nothing of a file with %s, naming the document and field", async (_name, docs, message) => {
    ok(await dir.cli(["create", "-f", "-"], yamlDocs(poolDoc("10.50.0.0/16"))));
    const result = await dir.cli(["apply", "-f", dir.file("bad.yaml", yamlDocs(...docs))]);
    fails(result, `bad.yaml: ${message}`);
    expect(result.stderr).not.toContain("Invalid input");
    expect(await cidrsOf()).toEqual(["10.50.0.0/16"]);
  });

  it.each([
    ["broken YAML", "apiVersion: v1\nkind: [ipPool\n", "document 1"],
    ["an empty file", "# nothing here\n", "holds no resource"],
    [
      "an alias bomb",
      "a: &a [x,x,x,x,x,x,x,x,x]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\nd: [*c,*c,*c,*c,*c,*c,*c,*c,*c]\n",
      "alias",
    ],
    ["a key given twice", "apiVersion: v1\napiVersion: v1\n", "unique"],
  ])("rejects %s with one line", async (_name, text, message) => {
    const result = await dir.cli(["apply", "-f", "-"], text);
    fails(result, message);
    expect(result.stderr.trim().split("\n")).toHaveLength(1);
  });

  it("fails with one line for a file that does not exist", async () => {
    fails(
      await dir.cli(["apply", "-f", "/nonexistent/pools.yaml"]),
      "ippool: cannot read /nonexistent/pools.yaml: no such file",
    );
  });
});

describe("ippool get", () => {
  it.each(ALIASES.flatMap((alias) => [alias, alias.toUpperCase(), alias[0]!.toUpperCase() + alias.slice(1)]))(
    "accepts the type %s",
    async (type) => {
      ok(await dir.cli(["create", "-f", "-"], yamlDocs(poolDoc("10.1.0.0/16"))));
      expect(ok(await dir.cli(["get", type]))).toBe("CIDR\n10.1.0.0/16\n");
    },
  );

  it.each([["get"], ["delete"]])("%s rejects an unknown type, listing the accepted ones", async (command) => {
    fails(
      await dir.cli([command, "ippoolz", "10.1.0.0/16"]),
      "unknown resource type 'ippoolz'; accepted types: ippool, ippools, ipp, ipps, pool, pools",
    );
  });

  it("prints a wide table with ipip, nat, disabled and usage counts", async () => {
    ok(await dir.cli(["apply", "-f", SHARED_POOLS]));
    const lines = ok(await dir.cli(["get", "ipp", "-o", "wide"]))
      .trim()
      .split("\n")
      .map((line) => line.split(/\s{2,}/));
    expect(lines).toEqual([
      ["CIDR", "IPIP", "IPIP MODE", "VXLAN", "VXLAN MODE", "NAT", "DISABLED", "USED", "FREE"],
      ["10.21.0.0/16", "false", "-", "false", "-", "false", "true", "0", "65533"],
      ["10.22.0.0/16", "true", "cross-subnet", "false", "-", "true", "false", "0", "65533"],
      ["fd00:22::/64", "false", "-", "false", "-", "false", "false", "0", "18446744073709551614"],
    ]);
  });

  it("prints only the pools named, and fails for a missing one", async () => {
    ok(await dir.cli(["apply", "-f", SHARED_POOLS]));
    expect(ok(await dir.cli(["get", "pool", "10.22.0.0/16", "fd00:22:0::/64"]))).toBe(
      "CIDR\n10.22.0.0/16\nfd00:22::/64\n",
    );
    const result = await dir.cli(["get", "pool", "10.22.0.0/16", "10.99.0.0/16"]);
    fails(result, "ipPool 10.99.0.0/16 does not exist");
    expect(result.stdout).toBe("CIDR\n10.22.0.0/16\n");
  });

  it("prints the v1 format with every default written out", async () => {
    ok(await dir.cli(["apply", "-f", "-"], yamlDocs(poolDoc("10.1.0.0/16", { ipip: {} }))));
    expect(parse(ok(await dir.cli(["get", "pool", "-o", "yaml"])))).toEqual({
      apiVersion: "v1",
      kind: "ipPool",
      metadata: { cidr: "10.1.0.0/16" },
      spec: { ipip: { enabled: true, mode: "always" }, "nat-outgoing": false, disabled: false },
    });
  });

  it.each([["yaml"], ["json"]])("-o %s output applies back unchanged and prints the same again", async (format) => {
    ok(await dir.cli(["apply", "-f", SHARED_POOLS]));
    const first = ok(await dir.cli(["get", "pools", "-o", format]));
    const reapplied = ok(await dir.cli(["apply", "-f", "-"], first));
    expect(reapplied.match(/^unchanged ipPool/gm)).toHaveLength(3);
    expect(ok(await dir.cli(["get", "pools", "-o", format]))).toBe(first);
    // And into an empty store: the output is a complete description of the pools.
    const fresh = join(dir.path, "..", "fresh-store");
    ok(await execCli(["create", "-f", dir.file(`pools.${format}`, first)], { dataDir: fresh }));
    expect(ok(await execCli(["get", "pools", "-o", format], { dataDir: fresh }))).toBe(first);
  });

  it("rejects an unknown output format", async () => {
    fails(await dir.cli(["get", "pools", "-o", "xml"]), "unknown output format 'xml'; use one of ps, wide, yaml, json");
  });

  it("says that there is no store, and creates none, when there is none", async () => {
    fails(await dir.cli(["get", "pools"]), `no ippool store in ${storeNameFor(dir.path)}`);
    fails(await dir.cli(["get", "pools", "-o", "json"]), `no ippool store in ${storeNameFor(dir.path)}`);
    expect(existsSync(dir.path)).toBe(false);
  });
});

describe("ippool delete", () => {
  it.each(ALIASES.map((alias) => [alias.toUpperCase()]))("deletes a pool named by TYPE %s and CIDR", async (type) => {
    ok(await dir.cli(["apply", "-f", SHARED_POOLS]));
    const out = ok(await dir.cli(["delete", type, "10.21.0.0/16"]));
    expect(out).toBe(
      `deleted ipPool 10.21.0.0/16\nSuccessfully deleted 1 'ipPool' resource(s) in ${storeNameFor(dir.path)}\n`,
    );
    expect(await cidrsOf()).toEqual(["10.22.0.0/16", "fd00:22::/64"]);
  });

  it("deletes the pools of a file", async () => {
    ok(await dir.cli(["apply", "-f", SHARED_POOLS]));
    ok(await dir.cli(["delete", "-f", SHARED_POOLS]));
    expect(await cidrsOf()).toEqual([]);
  });

  it("fails for a pool that does not exist, and for a store that does not", async () => {
    fails(await dir.cli(["delete", "pool", "10.99.0.0/16"]), `no ippool store in ${storeNameFor(dir.path)}`);
    ok(await dir.cli(["apply", "-f", "-"], yamlDocs(poolDoc("10.1.0.0/16"))));
    fails(await dir.cli(["delete", "pool", "10.99.0.0/16"]), "ipPool 10.99.0.0/16 does not exist");
  });

  it("needs a CIDR or a file", async () => {
    fails(await dir.cli(["delete", "pool"]), "needs the CIDR of the pool to delete");
    fails(await dir.cli(["delete", "pool", "not-a-cidr"]), "'not-a-cidr' is not an IPv4 or IPv6 CIDR");
  });
});
