// etcd with client-certificate auth (certificates made here with openssl): the right files work, anything else fails clearly.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { execFileSync } from "node:child_process";
import { join } from "node:path";
import { skipUnlessReady } from "../e2e/prerequisites.js";
import { ETCD_BINARY, startEtcd, type EtcdCluster } from "../helpers/etcd.js";
import { execCli, execPlugin, poolDoc, tempDir } from "../helpers/ippool.js";

interface Certificates {
  ca: string;
  serverCert: string;
  serverKey: string;
  clientCert: string;
  clientKey: string;
  /** A CA that signed nothing the cluster uses. */
  otherCa: string;
}

/** A CA, a server certificate for 127.0.0.1 and a client certificate, as an operator's PKI would issue them. */
function makeCertificates(dir: string): Certificates {
  const openssl = (...args: string[]) => execFileSync("openssl", args, { cwd: dir, stdio: "pipe" });
  const ca = (name: string) =>
    openssl(
      "req",
      "-x509",
      "-newkey",
      "rsa:2048",
      "-nodes",
      "-days",
      "2",
      "-subj",
      `/CN=${name}`,
      "-keyout",
      `${name}.key`,
      "-out",
      `${name}.crt`,
    );
  const issue = (name: string, extensions: string) => {
    openssl(
      "req",
      "-newkey",
      "rsa:2048",
      "-nodes",
      "-subj",
      `/CN=${name}`,
      "-keyout",
      `${name}.key`,
      "-out",
      `${name}.csr`,
    );
    execFileSync("sh", ["-c", `printf '%s\\n' '${extensions}' > ${name}.ext`], { cwd: dir });
    openssl(
      "x509",
      "-req",
      "-in",
      `${name}.csr`,
      "-CA",
      "ca.crt",
      "-CAkey",
      "ca.key",
      "-CAcreateserial",
      "-days",
      "2",
      "-extfile",
      `${name}.ext`,
      "-out",
      `${name}.crt`,
    );
  };
  ca("ca");
  ca("other-ca");
  issue("server", "subjectAltName=IP:127.0.0.1\nextendedKeyUsage=serverAuth,clientAuth");
  issue("client", "extendedKeyUsage=clientAuth");
  const path = (name: string) => join(dir, name);
  return {
    ca: path("ca.crt"),
    serverCert: path("server.crt"),
    serverKey: path("server.key"),
    clientCert: path("client.crt"),
    clientKey: path("client.key"),
    otherCa: path("other-ca.crt"),
  };
}

if (!skipUnlessReady("etcd with TLS", [`file:${ETCD_BINARY}`, "program:openssl"])) {
  describe("etcd datastore over https with client certificates", () => {
    const dir = tempDir("ippool-tls-");
    let certs: Certificates;
    let cluster: EtcdCluster;
    beforeAll(async () => {
      certs = makeCertificates(dir.path);
      cluster = await startEtcd({
        tls: {
          caFile: certs.ca,
          serverCertFile: certs.serverCert,
          serverKeyFile: certs.serverKey,
          clientCertFile: certs.clientCert,
          clientKeyFile: certs.clientKey,
        },
      });
    });
    afterAll(async () => {
      await cluster?.stop();
      dir.remove();
    });

    const conf = (datastore: Record<string, unknown>) => ({
      cniVersion: "1.1.0",
      name: "tlsnet",
      ipam: {
        type: "ippool",
        ipPools: [poolDoc("10.62.0.0/24")],
        datastore: { type: "etcd", endpoints: cluster.endpoints, timeoutSeconds: 3, ...datastore },
      },
    });
    const rightFiles = () => ({ caFile: certs.ca, certFile: certs.clientCert, keyFile: certs.clientKey });

    it("serves ADD, STATUS, DEL and the CLI with the right files", async () => {
      expect(cluster.endpoints[0]).toMatch(/^https:/);
      const added = await execPlugin({ command: "ADD", containerId: "tls-1" }, conf(rightFiles()));
      expect(added.code, added.stdout).toBe(0);
      expect(added.json.ips[0].address).toBe("10.62.0.2/24");
      expect((await execPlugin({ command: "STATUS" }, conf(rightFiles()))).code).toBe(0);
      const flags = [
        "--etcd-endpoints",
        cluster.endpoints[0]!,
        "--etcd-ca-file",
        certs.ca,
        "--etcd-cert-file",
        certs.clientCert,
        "--etcd-key-file",
        certs.clientKey,
      ];
      const listed = await execCli(["allocations", ...flags]);
      expect(listed.stdout).toContain("10.62.0.2");
      expect((await execPlugin({ command: "DEL", containerId: "tls-1" }, conf(rightFiles()))).code).toBe(0);
    });

    it.each([
      [
        "no client certificate",
        () => ({ caFile: certs.ca }),
        /certificate required|alert|handshake|ECONNRESET|socket hang up/i,
      ],
      [
        "a CA that did not sign the members' certificates",
        () => ({ ...rightFiles(), caFile: certs.otherCa }),
        /self[- ]signed|unable to verify|unable to get/i,
      ],
    ])("fails ADD with a clear TLS error given %s, and writes nothing", async (_what, files, reason) => {
      const failed = await execPlugin({ command: "ADD", containerId: "tls-2" }, conf(files()));
      expect(failed.code).not.toBe(0);
      expect(failed.json.code).toBe(5);
      expect(failed.json.msg).toMatch(/^etcd TLS handshake failed: /);
      expect(`${failed.json.msg} ${failed.json.details}`).toMatch(reason);
      expect(failed.json.details).toContain(cluster.endpoints[0]);
      const status = await execPlugin({ command: "STATUS" }, conf(files()));
      expect(status.json.code).toBe(50);
      const listed = await execCli([
        "allocations",
        "-o",
        "json",
        "--etcd-endpoints",
        cluster.endpoints[0]!,
        "--etcd-ca-file",
        certs.ca,
        "--etcd-cert-file",
        certs.clientCert,
        "--etcd-key-file",
        certs.clientKey,
      ]);
      expect(JSON.parse(listed.stdout)).toEqual([]);
    });

    it("names a TLS file it cannot read", async () => {
      const failed = await execPlugin(
        { command: "ADD", containerId: "tls-3" },
        conf({ ...rightFiles(), keyFile: join(dir.path, "missing.key") }),
      );
      expect(failed.json).toMatchObject({
        code: 5,
        msg: `cannot read the etcd client key file ${join(dir.path, "missing.key")}: ENOENT`,
      });
    });

    it.each([
      ["https without caFile", () => ({ caFile: undefined })],
      ["a certificate without its key", () => ({ keyFile: undefined })],
      [
        "TLS files for http endpoints",
        () => ({ endpoints: cluster.endpoints.map((url) => url.replace("https:", "http:")) }),
      ],
    ])("rejects %s as an invalid config (code 7)", async (_what, change) => {
      const failed = await execPlugin({ command: "ADD", containerId: "tls-4" }, conf({ ...rightFiles(), ...change() }));
      expect(failed.json).toMatchObject({ code: 7, msg: expect.stringContaining("ipam.datastore") });
    });
  });
}
