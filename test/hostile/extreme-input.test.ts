// Hostile input, the named extremes: 100 MB stdin, deep nesting, a YAML alias bomb, NUL and non-UTF-8 bytes.
import { spawn } from "node:child_process";
import { existsSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { IPPOOL, tempDir } from "../helpers/ippool.js";
import { STACK_FRAME, snapshot } from "./outcome.js";

/** Well above Node's own ~50 MiB and the 4 MiB input cap; a plugin that buffered its input would pass it. */
const RSS_BOUND_KIB = 160 * 1024;
const TIME = "/usr/bin/time";

interface Measured {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
  /** Peak resident set in KiB, when /usr/bin/time is installed. */
  readonly maxRssKib?: number;
}

/** Execs build/ippool (under /usr/bin/time -v when present) with raw bytes on stdin and an exact environment. */
function execIppool(
  args: readonly string[],
  env: Record<string, string>,
  stdin: Buffer | string,
  shellPrefix = "",
): Promise<Measured> {
  const timed = existsSync(TIME);
  // A shell sets variables from printf so they can hold bytes that are not UTF-8, which Node cannot pass.
  const command = `${shellPrefix}exec ${timed ? `${TIME} -v ` : ""}"$0" "$@"`;
  return new Promise((resolve, reject) => {
    const child = spawn("/bin/sh", ["-c", command, IPPOOL, ...args], {
      env: { PATH: process.env.PATH ?? "", ...env },
      stdio: ["pipe", "pipe", "pipe"],
    });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on("data", (chunk: Buffer) => out.push(chunk));
    child.stderr.on("data", (chunk: Buffer) => err.push(chunk));
    child.on("error", reject);
    child.stdin.on("error", () => undefined);
    child.on("close", (code) => {
      const stderr = Buffer.concat(err).toString();
      const rss = /Maximum resident set size \(kbytes\): (\d+)/.exec(stderr);
      const own = timed ? stderr.split(/\n\s*Command (?:being timed|exited with)/)[0]! : stderr;
      resolve({
        code,
        stdout: Buffer.concat(out).toString(),
        stderr: own,
        ...(rss ? { maxRssKib: Number(rss[1]) } : {}),
      });
    });
    child.stdin.end(stdin);
  });
}

const pluginEnv = (command: string, extra: Record<string, string> = {}) => ({
  CNI_COMMAND: command,
  CNI_CONTAINERID: "ctr-1",
  CNI_NETNS: "/var/run/netns/hostile",
  CNI_IFNAME: "eth0",
  CNI_PATH: "/opt/cni/bin",
  ...extra,
});

let dir: { path: string; remove: () => void };
let dataDir: string;
beforeEach(() => {
  dir = tempDir("ippool-extreme-");
  dataDir = join(dir.path, "data");
});
afterEach(() => dir.remove());

const conf = (extra: Record<string, unknown> = {}, ipam: Record<string, unknown> = {}) => ({
  cniVersion: "1.0.0",
  name: "hostile-net",
  type: "bridge",
  ipam: {
    type: "ippool",
    dataDir,
    ipPools: [{ apiVersion: "v1", kind: "ipPool", metadata: { cidr: "10.9.0.0/24" } }],
    ...ipam,
  },
  ...extra,
});

/** A CNI error on stdout with `code`, nothing alarming on stderr, memory bounded, no store created. */
function expectCleanError(run: Measured, code: number, message: RegExp): void {
  expect(run.code).toBe(1);
  const body = JSON.parse(run.stdout);
  expect(body).toMatchObject({ code, msg: expect.stringMatching(message) });
  expect(Object.keys(body).every((key) => ["cniVersion", "code", "msg", "details"].includes(key))).toBe(true);
  expect(run.stderr).not.toMatch(STACK_FRAME);
  if (run.maxRssKib !== undefined) expect(run.maxRssKib).toBeLessThan(RSS_BOUND_KIB);
  expect(existsSync(dataDir) ? [...snapshot(dataDir).keys()] : []).toEqual([]);
}

const nested = (depth: number): string => `${"[".repeat(depth)}${"]".repeat(depth)}`;
const withRaw = (value: object, placeholder: string, raw: string): string =>
  JSON.stringify(value).replace(JSON.stringify(placeholder), raw);

describe("build/ippool as a plugin with extreme input", () => {
  it("refuses 100 MB on stdin with a decode error after reading at most its 4 MiB cap", async () => {
    const run = await execIppool([], pluginEnv("ADD"), Buffer.alloc(100 * 1024 * 1024, "x"));
    expectCleanError(run, 6, /larger than 4 MiB/);
  });

  // 1.5 million levels fit in the 4 MiB cap; JSON.parse alone would take seconds and 200 MiB.
  it.each([
    ["the whole of stdin", "ADD", () => nested(1_500_000)],
    ["an unknown top-level field", "ADD", () => withRaw(conf({ deep: "X" }), "X", nested(1_500_000))],
    ["prevResult", "CHECK", () => withRaw(conf({ prevResult: "X" }), "X", `{"ips":${nested(1_000_000)}}`)],
    ["ipam.routes", "ADD", () => withRaw(conf({}, { routes: "X" }), "X", `[{"dst":${nested(100_000)}}]`)],
    ["a pool document", "ADD", () => withRaw(conf({}, { ipPools: "X" }), "X", nested(65))],
  ])("refuses JSON nested deeply in %s with a decode error", async (_where, command, text) => {
    const run = await execIppool([], pluginEnv(command), text());
    expectCleanError(run, 6, /nests deeper than 64 levels/);
  });

  it.each([
    ["the network name", conf({ name: "hostile\u0000net" }), /name/],
    ["the data dir", conf({}, { dataDir: `${"/tmp"}\u0000/x` }), /dataDir/],
    [
      "a pool CIDR",
      conf({}, { ipPools: [{ apiVersion: "v1", kind: "ipPool", metadata: { cidr: "10.9.0.0/24\u0000" } }] }),
      /cidr/,
    ],
  ])("refuses a NUL byte in %s with a config error naming the field", async (_where, value, field) => {
    const run = await execIppool([], pluginEnv("ADD"), JSON.stringify(value));
    expectCleanError(run, 7, field);
  });

  it("refuses bytes that are not UTF-8 in the network name", async () => {
    // Split on the quoted placeholder: the temp dir's random name may itself contain the letters.
    const text = JSON.stringify(conf({ name: "NAME" }));
    const at = text.indexOf('"NAME"') + 1;
    const bytes = Buffer.concat([
      Buffer.from(text.slice(0, at)),
      Buffer.from([0xff, 0xfe, 0x80]),
      Buffer.from(text.slice(at + "NAME".length)),
    ]);
    const run = await execIppool([], pluginEnv("ADD"), bytes);
    expectCleanError(run, 7, /network name must match/);
  });

  it.each(["CNI_CONTAINERID", "CNI_IFNAME"])(
    "refuses bytes that are not UTF-8 in %s with an environment error naming it",
    async (name) => {
      const env = pluginEnv("ADD");
      delete (env as Record<string, string>)[name];
      const run = await execIppool(
        [],
        env,
        JSON.stringify(conf()),
        `${name}="$(printf 'ctr\\377\\376')" && export ${name} && `,
      );
      expectCleanError(run, 4, new RegExp(name));
    },
  );
});

describe("build/ippool apply -f with extreme pool files", () => {
  const apply = async (text: string | Buffer) => {
    const file = join(dir.path, "pools.yaml");
    writeFileSync(file, text);
    return execIppool(["apply", "-f", file, "--data-dir", dataDir], {}, "");
  };
  const expectRefused = (run: Measured, message: RegExp) => {
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/^ippool: /);
    expect(run.stderr).toMatch(message);
    expect(run.stderr).not.toMatch(STACK_FRAME);
    expect(run.stderr).not.toMatch(/internal error/);
    if (run.maxRssKib !== undefined) expect(run.maxRssKib).toBeLessThan(RSS_BOUND_KIB);
    expect(existsSync(dataDir) ? [...snapshot(dataDir).keys()] : []).toEqual([]);
  };

  it("refuses a YAML alias bomb before expanding it", async () => {
    const levels = ["a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]"];
    for (let level = 1; level < 9; level++) {
      const previous = String.fromCharCode(96 + level);
      const name = String.fromCharCode(97 + level);
      levels.push(`${name}: &${name} [${Array(9).fill(`*${previous}`).join(", ")}]`);
    }
    expectRefused(await apply(`${levels.join("\n")}\n`), /alias/i);
  });

  it.each([
    // The yaml parser recurses per level and overflows near 3,000; 20,000 is well past it.
    ["block sequences", () => `a:\n${"- ".repeat(20_000)}x\n`],
    ["flow sequences", () => `a: ${nested(20_000)}\n`],
  ])("refuses YAML nested deeply in %s with a clear error", async (_kind, text) => {
    expectRefused(await apply(text()), /nested too deeply/);
  });

  it.each([
    ["a NUL byte", Buffer.from("apiVersion: v1\nkind: ipPool\nmetadata:\n  cidr: 10.9.0.0/24\u0000\n")],
    [
      "bytes that are not UTF-8",
      Buffer.concat([
        Buffer.from("apiVersion: v1\nkind: ipPool\nmetadata:\n  cidr: 10.9.0.0/24"),
        Buffer.from([0xff, 0xfe]),
        Buffer.from("\n"),
      ]),
    ],
  ])("refuses %s in a pool CIDR naming the field", async (_what, bytes) => {
    expectRefused(await apply(bytes), /metadata\.cidr/);
  });

  // Regression: a pool file had no bound and was read whole, however large.
  it("refuses a 100 MB pool file without reading it", async () => {
    expectRefused(await apply(Buffer.alloc(100 * 1024 * 1024, "x")), /larger than 4 MiB/);
  });

  it("refuses 100 MB on stdin of apply -f - after reading at most 4 MiB", async () => {
    const run = await execIppool(["apply", "-f", "-", "--data-dir", dataDir], {}, Buffer.alloc(100 * 1024 * 1024, "x"));
    expectRefused(run, /larger than 4 MiB/);
  });
});
