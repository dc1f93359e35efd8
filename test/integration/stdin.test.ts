// How the plugin reads stdin: blocking reads of fd 0, with a fallback for a pipe left non-blocking.
import { describe, expect, it } from "vitest";
import { IPPOOL, runProcess } from "../helpers/ippool.js";
import { inlinePool, useDataDir } from "./support.js";

const dir = useDataDir();

// Node cannot hand a child a non-blocking stdin, so python3 (on every machine of this kind) does:
// it gives ippool the read end with O_NONBLOCK set and writes the config only after a pause, so
// the first read finds an empty pipe (EAGAIN) and the rest must come through the fallback.
const SPAWN_WITH_NONBLOCKING_STDIN = `
import fcntl, os, subprocess, sys, time
r, w = os.pipe()
fcntl.fcntl(r, fcntl.F_SETFL, fcntl.fcntl(r, fcntl.F_GETFL) | os.O_NONBLOCK)
env = dict(os.environ, CNI_COMMAND="ADD", CNI_CONTAINERID="nonblocking", CNI_NETNS="/x", CNI_IFNAME="eth0", CNI_PATH="/x")
child = subprocess.Popen([sys.argv[1]], stdin=r, stdout=subprocess.PIPE, env=env)
os.close(r)
time.sleep(0.5)
os.write(w, sys.argv[2].encode())
os.close(w)
out, _ = child.communicate(timeout=60)
sys.stdout.write(out.decode())
sys.exit(child.returncode)
`;

describe("plugin stdin", () => {
  // Regression: stdin became blocking fd reads for start-up speed; a parent that leaves the pipe
  // non-blocking must still get its ADD answered, not an EAGAIN error.
  it("reads a config from a stdin pipe that the parent left non-blocking", async () => {
    const conf = {
      cniVersion: "1.0.0",
      name: "stdinnet",
      ipam: { type: "ippool", dataDir: dir.path, ipPools: [inlinePool("10.70.0.0/24")] },
    };
    const result = await runProcess("python3", ["-c", SPAWN_WITH_NONBLOCKING_STDIN, IPPOOL, JSON.stringify(conf)], {
      env: { PATH: process.env.PATH ?? "" },
    });
    expect(result.code, result.stderr).toBe(0);
    expect(JSON.parse(result.stdout).ips).toEqual([{ address: "10.70.0.2/24", gateway: "10.70.0.1" }]);
  });

  it("reads a closed stdin as empty: VERSION still answers", async () => {
    const result = await runProcess("sh", ["-c", `CNI_COMMAND=VERSION exec "${IPPOOL}" <&-`]);
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout).supportedVersions).toContain("1.1.0");
  });
});
