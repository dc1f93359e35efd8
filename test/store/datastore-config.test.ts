// ipam.datastore in the netconf and the CLI's --etcd-* flags: defaults, the TLS rules, unknown fields, precedence.
import { describe, expect, it } from "vitest";
import { thrownCniError, thrownError } from "../unit/support.js";
import { parseNetConf } from "../../src/cni/netconf.js";
import { chooseStore } from "../../src/cli/framework/datastore-flags.js";
import { UsageError } from "../../src/cli/framework/context.js";

const conf = (datastore: unknown) => ({
  cniVersion: "1.0.0",
  name: "podnet",
  ipam: { type: "ippool", ...(datastore !== undefined ? { datastore } : {}) },
});
const etcd = (fields: Record<string, unknown> = {}) => ({
  type: "etcd",
  endpoints: ["http://127.0.0.1:2379"],
  ...fields,
});
const tls = { caFile: "/etc/ca.crt", certFile: "/etc/client.crt", keyFile: "/etc/client.key" };

describe("ipam.datastore", () => {
  it("is the disk store when absent", () => {
    expect(parseNetConf(conf(undefined)).ipam.datastore).toEqual({ type: "disk" });
  });

  it("fills in etcd's prefix and timeout", () => {
    expect(parseNetConf(conf(etcd())).ipam.datastore).toEqual({
      type: "etcd",
      endpoints: ["http://127.0.0.1:2379"],
      prefix: "/ippool",
      timeoutSeconds: 10,
    });
  });

  it.each([
    ["https with the three files", etcd({ endpoints: ["https://10.0.0.1:2379", "https://10.0.0.2:2379"], ...tls })],
    ["https with only the CA", etcd({ endpoints: ["https://10.0.0.1:2379"], caFile: tls.caFile })],
    ["a nested prefix", etcd({ prefix: "/clusters/east" })],
  ])("accepts %s", (_what, datastore) => {
    expect(parseNetConf(conf(datastore)).ipam.datastore).toMatchObject(datastore);
  });

  it.each([
    ["an unknown field in the etcd section", etcd({ endpiont: "x" }), 2, "unknown field ipam.datastore.endpiont"],
    [
      "an unknown field in the disk section",
      { type: "disk", dataDir: "/x" },
      2,
      "unknown field ipam.datastore.dataDir",
    ],
    ["an unknown type", { type: "consul" }, 7, "ipam.datastore"],
    ["no endpoints", etcd({ endpoints: [] }), 7, "needs at least one endpoint"],
    ["an endpoint with a path", etcd({ endpoints: ["http://127.0.0.1:2379/v3"] }), 7, "no path"],
    ["an endpoint that is not http", etcd({ endpoints: ["unix:///run/etcd.sock"] }), 7, "http://"],
    [
      "https without a CA",
      etcd({ endpoints: ["https://10.0.0.1:2379"], certFile: tls.certFile, keyFile: tls.keyFile }),
      7,
      "https endpoints need caFile",
    ],
    [
      "a certificate without its key",
      etcd({ endpoints: ["https://10.0.0.1:2379"], caFile: tls.caFile, certFile: tls.certFile }),
      7,
      "certFile with keyFile",
    ],
    ["TLS files with http", etcd(tls), 7, "http endpoints take no TLS files"],
    ["mixed http and https", etcd({ endpoints: ["http://a:1", "https://b:1"], caFile: tls.caFile }), 7, "may not mix"],
    ["a relative TLS path", etcd({ endpoints: ["https://a:1"], caFile: "ca.crt" }), 7, "absolute path"],
    ["a prefix with a trailing slash", etcd({ prefix: "/ippool/" }), 7, "no trailing slash"],
    ["a zero timeout", etcd({ timeoutSeconds: 0 }), 7, "timeoutSeconds"],
  ])("rejects %s", (_what, datastore, code, fragment) => {
    const error = thrownCniError(() => parseNetConf(conf(datastore)));
    expect(error.code).toBe(code);
    expect(error.message).toContain(fragment);
  });
});

describe("chooseStore", () => {
  const DISK = { type: "disk" };
  it("is the disk store without endpoints, even with calicoctl's TLS variables set", () => {
    expect(chooseStore({}, { ETCD_CA_CERT_FILE: "/etc/ca.crt", IPPOOL_ETCD_PREFIX: "/x" }, 30)).toEqual({
      datastore: DISK,
      dataDir: "/var/lib/cni/ippool",
    });
  });

  it("reads the environment, and a flag wins over its variable", () => {
    const env = {
      ETCD_ENDPOINTS: "https://a:1,https://b:1",
      ETCD_CA_CERT_FILE: "/env/ca.crt",
      IPPOOL_ETCD_PREFIX: "/env",
    };
    expect(chooseStore({ "etcd-prefix": "/flag" }, env, 30).datastore).toEqual({
      type: "etcd",
      endpoints: ["https://a:1", "https://b:1"],
      prefix: "/flag",
      timeoutSeconds: 30,
      caFile: "/env/ca.crt",
    });
  });

  it.each([
    [
      "--data-dir over ETCD_ENDPOINTS",
      { "data-dir": "/flag" },
      { ETCD_ENDPOINTS: "http://a:1" },
      { datastore: DISK, dataDir: "/flag" },
    ],
    [
      "--data-dir over IPPOOL_DATA_DIR",
      { "data-dir": "/flag" },
      { IPPOOL_DATA_DIR: "/env" },
      { datastore: DISK, dataDir: "/flag" },
    ],
    ["IPPOOL_DATA_DIR alone", {}, { IPPOOL_DATA_DIR: "/env" }, { datastore: DISK, dataDir: "/env" }],
  ])("chooses %s", (_what, flags, env, choice) => {
    expect(chooseStore(flags, env, 30)).toEqual(choice);
  });

  it("--etcd-endpoints wins over IPPOOL_DATA_DIR", () => {
    expect(chooseStore({ "etcd-endpoints": "http://a:1" }, { IPPOOL_DATA_DIR: "/env" }, 30).datastore).toMatchObject({
      type: "etcd",
      endpoints: ["http://a:1"],
    });
  });

  it.each([
    [{ "etcd-ca-file": "/ca.crt" }, {}, "--etcd-ca-file goes with --etcd-endpoints"],
    [{ "etcd-endpoints": "127.0.0.1:2379" }, {}, "invalid etcd settings: endpoints[0]"],
    [{ "etcd-endpoints": "https://a:1" }, {}, "https endpoints need caFile"],
    [{ "data-dir": "/x", "etcd-endpoints": "http://a:1" }, {}, "give one of them, not both"],
    [
      { "data-dir": "/x", "etcd-prefix": "/p" },
      { ETCD_ENDPOINTS: "http://a:1" },
      "--etcd-prefix goes with --etcd-endpoints, and --data-dir selects the disk store",
    ],
    [{}, { IPPOOL_DATA_DIR: "/x", ETCD_ENDPOINTS: "http://a:1" }, "both IPPOOL_DATA_DIR and ETCD_ENDPOINTS are set"],
  ])("rejects %j with env %j as a usage error", (flags, env, fragment) => {
    const error = thrownError(UsageError, () => chooseStore(flags, env, 30));
    expect(error.message).toContain(fragment);
  });
});
