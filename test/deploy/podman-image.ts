// The deploy image built and run offline by a private podman, its containers run as deploy/daemonset.yaml specifies them.
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { IPPOOL, REPO_ROOT, runProcess, type ProcessResult } from "../helpers/ippool.js";
import { run } from "../e2e/netns.js";
import { writePodmanConfig } from "../e2e/podman-host.js";
import { argvOf, type Container, type Volume } from "./manifest.js";

export interface PrivatePodman {
  readonly image: string;
  /** Where the DaemonSet's hostPath volumes live: hostPath P is `${hostRoot}${P}`. */
  readonly hostRoot: string;
  podman(args: readonly string[]): Promise<ProcessResult>;
  /**
   * `podman run` of a container of the pod template: its command, its volumes (hostPaths under
   * hostRoot, the ConfigMap's files), its read-only root and capabilities; no network, since the
   * test host's network is not the test's to use.
   */
  runContainer(
    container: Container,
    options: { detach?: string; extraMounts?: readonly string[] },
  ): Promise<ProcessResult>;
}

/** Builds the image from deploy/Containerfile and the context deploy/image-context.sh makes of IPPOOL. */
export async function buildImage(
  root: string,
  volumes: readonly Volume[],
  configFiles: Readonly<Record<string, string>>,
): Promise<PrivatePodman> {
  // All podman config and storage in the temp dir, as the e2e podman suite has it.
  for (const dir of ["graph", "run", "tmp", "host", "configmap"]) mkdirSync(join(root, dir), { recursive: true });
  writePodmanConfig(root, []);
  const env = {
    PATH: process.env.PATH ?? "",
    CONTAINERS_CONF: join(root, "containers.conf"),
    CONTAINERS_STORAGE_CONF: join(root, "storage.conf"),
  };
  const podman = (args: readonly string[]) => runProcess("podman", args, { env });
  const image = `localhost/ippool-deploy-test:${process.pid}`;
  await run("sh", [join(REPO_ROOT, "deploy/image-context.sh"), join(root, "context"), IPPOOL]);
  const built = await podman([
    "build",
    "-q",
    "-f",
    join(REPO_ROOT, "deploy/Containerfile"),
    "-t",
    image,
    join(root, "context"),
  ]);
  if (built.code !== 0) throw new Error(`podman build failed: ${built.stderr}`);
  for (const [name, text] of Object.entries(configFiles)) writeFileSync(join(root, "configmap", name), text);

  const hostRoot = join(root, "host");
  const mountsOf = (container: Container): string[] =>
    (container.volumeMounts ?? []).flatMap((mount) => {
      const volume = volumes.find((candidate) => candidate.name === mount.name);
      const suffix = mount.readOnly ? ":ro" : "";
      if (volume?.hostPath) {
        // kubelet's DirectoryOrCreate.
        mkdirSync(hostRoot + volume.hostPath.path, { recursive: true });
        return ["-v", `${hostRoot}${volume.hostPath.path}:${mount.mountPath}${suffix}`];
      }
      if (volume?.configMap) return ["-v", `${join(root, "configmap")}:${mount.mountPath}:ro`];
      // The optional etcd Secret: the disk store needs none of it.
      if (volume?.secret?.optional) return [];
      throw new Error(`volume ${mount.name} of container ${container.name} is of a kind this test cannot mount`);
    });
  const securityOf = (container: Container): string[] => {
    const context = container.securityContext ?? {};
    return [
      ...(context.readOnlyRootFilesystem ? ["--read-only"] : []),
      ...(context.capabilities?.drop ?? []).flatMap((capability) => ["--cap-drop", capability]),
      ...(context.capabilities?.add ?? []).flatMap((capability) => ["--cap-add", capability]),
      "--security-opt",
      "no-new-privileges",
    ];
  };
  return {
    image,
    hostRoot,
    podman,
    runContainer: (container, options) => {
      const [entrypoint, ...args] = argvOf(container);
      return podman([
        "run",
        ...(options.detach ? ["-d", "--name", options.detach] : ["--rm"]),
        "--network",
        "none",
        ...securityOf(container),
        ...mountsOf(container),
        ...(options.extraMounts ?? []).flatMap((mount) => ["-v", mount]),
        "--entrypoint",
        entrypoint ?? "",
        image,
        ...args,
      ]);
    },
  };
}
