// The operator CLI entry (placeholder until the CLI lands): parses argv and dispatches to a command.
export interface CliIo {
  readonly argv: readonly string[];
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly readStdin: () => Promise<string>;
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  readonly now: () => Date;
}

export async function runCli(io: CliIo): Promise<number> {
  io.stderr("ippool: run as a CNI plugin with CNI_COMMAND set; the operator CLI is not built yet\n");
  return 2;
}
