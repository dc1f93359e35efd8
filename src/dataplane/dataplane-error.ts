// What keeps the dataplane from being planned for this node: its own record or the pools it needs.
import { Failure } from "../failure.js";

export class DataplaneError extends Failure {
  constructor(message: string, details?: string) {
    super(message, details);
    this.name = "DataplaneError";
  }
}
