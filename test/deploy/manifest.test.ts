// deploy/daemonset.yaml against the Kubernetes API's schemas (kubernetes-models carries them: no cluster, no network) and the paths and settings a node relies on.
import { dirname } from "node:path";
import { describe, expect, it } from "vitest";
import { DaemonSet } from "kubernetes-models/apps/v1";
import { ConfigMap, Secret } from "kubernetes-models/v1";
import { argvOf, readManifest } from "./manifest.js";

const manifest = readManifest();
const MODELS: Record<string, new (value: any) => { validate(): void }> = { DaemonSet, ConfigMap, Secret };

describe("deploy/daemonset.yaml", () => {
  it.each([...manifest.documents.keys()])("%s passes the Kubernetes API schema", (kind) => {
    const Model = MODELS[kind];
    expect(Model, `no schema check for kind ${kind}`).toBeDefined();
    expect(() => new (Model as NonNullable<typeof Model>)(manifest.documents.get(kind)).validate()).not.toThrow();
  });

  // The API's schemas allow unknown field names, so only a wrong type or value is caught here.
  it("fails a pod template with a field of the wrong type", () => {
    const daemonSet = structuredClone(manifest.documents.get("DaemonSet") as Record<string, any>);
    daemonSet.spec.template.spec.containers[0].securityContext.capabilities.drop = "ALL";
    expect(() => new DaemonSet(daemonSet).validate()).toThrow(/drop/);
  });

  it("runs in kube-system, on the host's network, with no capability and a read-only root", () => {
    for (const document of manifest.documents.values()) expect(document.metadata.namespace).toBe("kube-system");
    const pod = manifest.documents.get("DaemonSet")?.spec.template.spec;
    expect(pod.hostNetwork).toBe(true);
    for (const container of [manifest.installContainer, manifest.agentContainer]) {
      expect(container.securityContext?.capabilities).toEqual({ drop: ["ALL"] });
      expect(container.securityContext?.readOnlyRootFilesystem).toBe(true);
    }
  });

  it("installs the ConfigMap's conflist and probes the agent on the socket it serves", () => {
    const install = argvOf(manifest.installContainer);
    const conflist = install[install.indexOf("--conflist") + 1] ?? "";
    expect(Object.keys(manifest.configFiles)).toContain(conflist.split("/").pop());
    const agent = argvOf(manifest.agentContainer);
    const socket = agent[agent.indexOf("--socket") + 1];
    const probe = ["/ippool", "agent", "status", "--socket", socket];
    expect(manifest.agentContainer.livenessProbe?.exec.command).toEqual(probe);
    expect(manifest.agentContainer.readinessProbe?.exec.command).toEqual(probe);
    const network = JSON.parse(manifest.configFiles[conflist.split("/").pop() ?? ""] ?? "{}");
    expect(network.plugins[0].ipam.agentSocket).toBe(socket);
  });

  it("mounts the conflist's dataDir and agentSocket directory at their host paths, so the plugin on the host and the agent meet", () => {
    const network = JSON.parse(manifest.configFiles["10-ippool.conflist"] ?? "{}");
    const ipam = network.plugins.find((plugin: any) => plugin.ipam?.type === "ippool").ipam;
    const hostMounts = (manifest.agentContainer.volumeMounts ?? []).flatMap((mount) => {
      const volume = manifest.volumes.find((candidate) => candidate.name === mount.name);
      return volume?.hostPath ? [{ host: volume.hostPath.path, container: mount.mountPath }] : [];
    });
    for (const path of [ipam.dataDir, dirname(ipam.agentSocket)])
      expect(hostMounts).toContainEqual({ host: path, container: path });
  });

  it("replaces a node's pod before starting the next one, never two agents on one node", () => {
    const strategy = manifest.documents.get("DaemonSet")?.spec.updateStrategy;
    expect(strategy.type).toBe("RollingUpdate");
    expect(strategy.rollingUpdate.maxSurge ?? 0).toBe(0);
  });
});
