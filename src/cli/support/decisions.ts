// What the commands that record a human decision share: who decided, and signing the log once it is recorded.
import os from "node:os";
import { checkpointNow } from "../../application/audit-trail.js";
import type { Session } from "./session.js";

export const byOptionHelp = "who records the decision (default: the login name)";

/** The --by value, else the login name: every decision in the audit log names a person. */
export function recorder(by: string | undefined): string {
  if (by !== undefined && by.trim() !== "") return by.trim();
  try {
    return os.userInfo().username || "unknown";
  } catch {
    // Some containers run under a uid with no passwd entry.
    return "unknown";
  }
}

/** Signs a checkpoint over the log including the new entries, as ingest does, and says so in one line. */
export async function signedLine(session: Session): Promise<string> {
  const checkpoint = await checkpointNow(session.store, session.auditKey(), session.now());
  return `audit log: ${checkpoint.treeSize} entries, checkpoint signed by key ${checkpoint.keyId}`;
}
