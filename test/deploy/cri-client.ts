// A CRI RuntimeService client over containerd's unix socket, from the suite's own cri-runtime.proto.
import { fileURLToPath } from "node:url";
import * as grpc from "@grpc/grpc-js";
import * as protoLoader from "@grpc/proto-loader";

const PROTO = fileURLToPath(new URL("cri-runtime.proto", import.meta.url));

export interface PodMetadata {
  readonly name: string;
  readonly namespace: string;
  readonly uid: string;
}

export interface PodStatus {
  readonly id: string;
  readonly state: "SANDBOX_READY" | "SANDBOX_NOTREADY";
  readonly network?: { readonly ip: string; readonly additionalIps: readonly { ip: string }[] };
}

export class CriClient {
  private readonly service: grpc.Client & Record<string, Function>;

  constructor(socket: string) {
    const definition = protoLoader.loadSync(PROTO, { enums: String, longs: String, defaults: true });
    const runtime = (grpc.loadPackageDefinition(definition) as any).runtime.v1;
    this.service = new runtime.RuntimeService(`unix://${socket}`, grpc.credentials.createInsecure());
  }

  /** One unary call; a CRI error rejects with the runtime's message (gRPC's details). */
  private call<T>(method: string, request: object): Promise<T> {
    return new Promise((resolve, reject) => {
      this.service[method]!(request, { deadline: Date.now() + 60_000 }, (error: grpc.ServiceError | null, reply: T) =>
        error ? reject(new Error(error.details || error.message)) : resolve(reply),
      );
    });
  }

  version(): Promise<{ runtimeName: string; runtimeApiVersion: string }> {
    return this.call("Version", { version: "v1" });
  }

  async runPod(metadata: PodMetadata, logDirectory: string): Promise<string> {
    const reply = await this.call<{ podSandboxId: string }>("RunPodSandbox", {
      config: { metadata, hostname: metadata.name, logDirectory, linux: {} },
    });
    return reply.podSandboxId;
  }

  async status(id: string): Promise<PodStatus> {
    return (await this.call<{ status: PodStatus }>("PodSandboxStatus", { podSandboxId: id })).status;
  }

  async list(): Promise<{ id: string; metadata: PodMetadata }[]> {
    return (await this.call<{ items: { id: string; metadata: PodMetadata }[] }>("ListPodSandbox", {})).items;
  }

  /** What kubelet does to a pod that is gone: stop (CNI DEL) then remove. */
  async removePod(id: string): Promise<void> {
    await this.call("StopPodSandbox", { podSandboxId: id });
    await this.call("RemovePodSandbox", { podSandboxId: id });
  }

  close(): void {
    this.service.close();
  }
}
