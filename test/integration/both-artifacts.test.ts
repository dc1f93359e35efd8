// One store, both artifacts: what the Node bundle writes the standalone executable reads, and the
// other way round. Their runtimes compute the state files' CRC-32 differently (src/store/disk/checksum.ts).
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { execCli, netconf, REPO_ROOT } from "../helpers/ippool.js";
import { addOk, inlinePool, run, useDataDir } from "./support.js";

const dir = useDataDir();
const NODE_BUNDLE = resolve(REPO_ROOT, "build/ippool");
const STANDALONE = resolve(REPO_ROOT, `build/ippool-linux-${process.arch}`);

describe.each([
  ["the Node bundle", NODE_BUNDLE, "the standalone executable", STANDALONE],
  ["the standalone executable", STANDALONE, "the Node bundle", NODE_BUNDLE],
])("a store written by %s", (_writerName, writer, readerName, reader) => {
  it(`is checked, verified, released and added to by ${readerName}, and read back`, async () => {
    const conf = netconf("1.0.0", { dataDir: dir.path, ipPools: [inlinePool("10.71.0.0/24")] });
    const first = await addOk(conf, { containerId: "shared-1", executable: writer });
    const second = await addOk(conf, { containerId: "shared-2", executable: writer });

    const checked = await run("CHECK", { ...conf, prevResult: first }, { containerId: "shared-1", executable: reader });
    expect(checked.code, checked.stdout).toBe(0);
    const verified = await execCli(["verify"], { dataDir: dir.path, executable: reader });
    expect(verified.code, verified.stdout + verified.stderr).toBe(0);
    expect((await run("DEL", conf, { containerId: "shared-1", executable: reader })).code).toBe(0);
    const third = await addOk(conf, { containerId: "shared-3", executable: reader });
    expect(third.ips[0].address).not.toBe(second.ips[0].address);

    const checkedBack = await run(
      "CHECK",
      { ...conf, prevResult: third },
      { containerId: "shared-3", executable: writer },
    );
    expect(checkedBack.code, checkedBack.stdout).toBe(0);
    const held = JSON.parse(
      (await execCli(["allocations", "-o", "json"], { dataDir: dir.path, executable: writer })).stdout,
    );
    expect(held.map((row: { containerId: string }) => row.containerId).sort()).toEqual(["shared-2", "shared-3"]);
  });
});
