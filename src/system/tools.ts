// Runs the kernel's tools (ip, iptables-restore, ...) as child processes, optionally inside a named network namespace.
import { spawn } from "node:child_process";
import { MissingToolError, ToolError } from "./tool-error.js";

export interface ToolResult {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

export interface Tools {
  /** Runs `program args`, stdin fed when given; a program that is not installed is a MissingToolError naming it. */
  run(program: string, args: readonly string[], stdin?: string): Promise<ToolResult>;
  /** Like run, but a non-zero exit is a ToolError with the tool's own message. */
  check(program: string, args: readonly string[], stdin?: string): Promise<string>;
}

/** `netns` runs every tool through `ip netns exec`, which is how the tests drive a namespace from outside it. */
export function systemTools(netns?: string): Tools {
  const run = (program: string, args: readonly string[], stdin?: string): Promise<ToolResult> => {
    const [file, argv] = netns ? ["ip", ["netns", "exec", netns, program, ...args]] : [program, [...args]];
    return new Promise((resolve, reject) => {
      const child = spawn(file, argv, { stdio: ["pipe", "pipe", "pipe"] });
      let stdout = "";
      let stderr = "";
      child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
      child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
      child.on("error", (error: NodeJS.ErrnoException) =>
        reject(
          error.code === "ENOENT"
            ? missingTool(program)
            : new ToolError(program, `cannot run ${program}: ${error.message}`),
        ),
      );
      child.on("close", (code) => {
        // `ip netns exec` reports a missing program with execvp's message, exiting 255 in older
        // iproute2 and 1 in newer (Debian 12's).
        if (netns && (code === 255 || code === 1) && stderr.includes(`exec of "${program}" failed: No such file`))
          reject(missingTool(program));
        else resolve({ code: code ?? 1, stdout, stderr });
      });
      child.stdin.on("error", () => undefined);
      child.stdin.end(stdin ?? "");
    });
  };
  return {
    run,
    check: async (program, args, stdin) => {
      const result = await run(program, args, stdin);
      if (result.code !== 0) {
        const why = (result.stderr.trim() || result.stdout.trim()).split("\n")[0] ?? "";
        throw new ToolError(program, `${program} ${args.join(" ")} failed (exit ${result.code}): ${why}`);
      }
      return result.stdout;
    },
  };
}

const missingTool = (program: string): ToolError => new MissingToolError(program);
