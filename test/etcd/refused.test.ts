// Endpoints where no etcd listens: a refused connection on every endpoint fails in seconds, not at the deadline; one that comes up in time is reached.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { execCli, execPlugin, poolDoc, tempDir } from "../helpers/ippool.js";

/** A loopback port nothing listens on (taken and released at once). */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** Just enough of etcd's JSON gateway for a read of an empty store: every range finds nothing. */
function emptyEtcd(port: number): Promise<Server> {
  const server = createServer((request, response) => {
    let body = "";
    request.on("data", (chunk: Buffer) => (body += chunk.toString("utf8")));
    request.on("end", () => {
      const ranges = (JSON.parse(body || "{}").success ?? []) as unknown[];
      const reply = {
        header: { revision: "1" },
        succeeded: true,
        responses: ranges.map(() => ({ response_range: {} })),
      };
      response.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify(reply));
    });
  });
  return new Promise((resolve) => server.listen(port, "127.0.0.1", () => resolve(server)));
}

describe("etcd endpoints that refuse every connection", () => {
  let server: Server | undefined;
  afterEach(async () => {
    await new Promise((resolve) => (server ? server.close(resolve) : resolve(undefined)));
    server = undefined;
  });

  it("a CLI read fails within seconds, says nothing listens there, and nothing about writes", async () => {
    const endpoints = [`http://127.0.0.1:${await closedPort()}`, `http://127.0.0.1:${await closedPort()}`].join(",");
    const started = Date.now();
    const result = await execCli(["get", "pools", "--etcd-endpoints", endpoints]);
    const took = Date.now() - started;
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`etcd at ${endpoints} refused every connection`);
    expect(result.stderr).toContain("no etcd member listens there");
    expect(result.stderr).toMatch(/ECONNREFUSED.*\(\d attempts\).*ECONNREFUSED.*\(\d attempts\)/);
    expect(result.stderr).not.toMatch(/written/);
    // The etcd default timeout is 10 s (the CLI's 30 s): giving up well before either is the point.
    expect(took, `took ${took} ms`).toBeLessThan(12_000);
  });

  it("a plugin ADD fails with code 11 within seconds, long before its timeoutSeconds", async () => {
    const dir = tempDir();
    try {
      const endpoint = `http://127.0.0.1:${await closedPort()}`;
      const conf = {
        cniVersion: "1.0.0",
        name: "refnet",
        ipam: {
          type: "ippool",
          dataDir: dir.path,
          ipPools: [poolDoc("10.66.0.0/24")],
          datastore: { type: "etcd", endpoints: [endpoint], timeoutSeconds: 60 },
        },
      };
      const started = Date.now();
      const result = await execPlugin({ command: "ADD", containerId: "c1" }, conf);
      expect(result.json).toMatchObject({
        code: 11,
        msg: expect.stringContaining(`etcd at ${endpoint} refused every connection`),
      });
      expect(Date.now() - started).toBeLessThan(12_000);
    } finally {
      dir.remove();
    }
  });

  it("keeps trying a member that starts listening within a second (a restart), and answers from it", async () => {
    const port = await closedPort();
    setTimeout(() => void emptyEtcd(port).then((started) => (server = started)), 1000);
    const result = await execCli(["get", "pools", "--etcd-endpoints", `http://127.0.0.1:${port}`]);
    // The member is empty: only an answer from it can say that nothing is stored there.
    expect(result.stderr).toContain(
      `no ippool store in etcd http://127.0.0.1:${port} prefix /ippool: no key under the prefix`,
    );
    expect(result.stderr).not.toMatch(/refused/);
  });
});
