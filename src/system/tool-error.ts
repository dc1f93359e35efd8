// A host tool that could not do what it was asked: not installed, not startable, or a non-zero exit.
import { Failure } from "../failure.js";

export class ToolError extends Failure {
  constructor(
    readonly program: string,
    message: string,
    details?: string,
  ) {
    super(message, details);
    this.name = "ToolError";
  }
}

/** A tool that is not installed, told apart so a caller that does not need it can go on. */
export class MissingToolError extends ToolError {
  constructor(program: string) {
    const debianPackage = program.includes("tables") ? "iptables" : program === "modprobe" ? "kmod" : "iproute2";
    super(
      program,
      `${program} not found on PATH`,
      `install it (Debian: apt-get install ${debianPackage}) and run the command again`,
    );
  }
}
