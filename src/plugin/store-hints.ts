// The CLI commands that error hints name, completed with the flags that reach the network's own store.
import { CniError } from "../errors.js";

/**
 * A hint such as 'ippool reclaim', followed literally, would act on the default data dir, or on
 * whatever ETCD_ENDPOINTS the operator's shell holds. An explicit flag beats any variable in the
 * CLI, so each named command gets the flags of the store this network uses (the store's own
 * `cliFlags`), unless it carries them already.
 */
export function withStoreFlags(error: CniError, flags: string): CniError {
  const complete = (text: string) =>
    text.replace(/'ippool ([^']*)'/g, (whole, command: string) =>
      command.includes(flags) ? whole : `'ippool ${command} ${flags}'`,
    );
  const message = complete(error.message);
  const details = error.details === undefined ? undefined : complete(error.details);
  if (message === error.message && details === error.details) return error;
  return new CniError(error.code, message, details);
}
