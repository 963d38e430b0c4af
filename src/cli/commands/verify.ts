// `truce verify`: recomputes the audit log against the trusted public key; `--proof N` proves one entry's inclusion.
import type { KeyObject } from "node:crypto";
import type { Command } from "commander";
import { loadAuditPublicKey } from "../../adapters/keys/audit-key.js";
import { auditEntries, verifyAuditLog } from "../../application/audit-trail.js";
import { resolveAuditKeyPath } from "../../config.js";
import { type Checkpoint, keyIdOf, verifyCheckpoint } from "../../domain/audit/checkpoint.js";
import {
  checkEntryProof,
  type EntryProof,
  proveEntry,
  type VerifyLogResult,
} from "../../domain/audit/verify-log.js";
import { isTruceError, TruceError } from "../../errors.js";
import type { Store } from "../../ports/store.js";
import { type CliIo, processIo } from "../support/cli-io.js";
import { requireExistingDb } from "../support/existing-store.js";
import { dbOptionHelp, withSession } from "../support/session.js";

interface VerifyOptions {
  readonly db?: string;
  readonly auditKey?: string;
  readonly proof?: string;
  readonly format?: string;
}

/** Exit codes, as `diff` and `cmp` use them: scripts tell "tampered" from "could not look". */
export const VERIFY_OK = 0;
export const VERIFY_TAMPERED = 1;
export const VERIFY_UNREADABLE = 2;

type Format = "text" | "json";

function formatOf(raw: string | undefined): Format {
  const value = (raw ?? "text").trim().toLowerCase();
  if (value !== "text" && value !== "json") {
    throw new TruceError("TRUCE_E_USAGE", `--format "${raw}" is not one of: text, json`);
  }
  return value;
}

function proofIndexOf(raw: string | undefined): number | null {
  if (raw === undefined) return null;
  const value = raw.trim();
  if (!/^\d+$/.test(value) || !Number.isSafeInteger(Number(value))) {
    throw new TruceError("TRUCE_E_USAGE", `--proof "${raw}" is not an entry number (0, 1, 2, …)`);
  }
  return Number(value);
}

/** The store could not be read (missing, locked, not a Truce database), as against a usage or key mistake. */
const isUnreadable = (error: unknown): boolean =>
  !isTruceError(error) || error.code.startsWith("TRUCE_E_DB_");

async function reportLog(
  store: Store,
  key: KeyObject,
  keyId: string,
  format: Format,
  io: CliIo,
): Promise<number> {
  const result: VerifyLogResult = await verifyAuditLog(store, key);
  // Entries appended after the last signature are not evidence of tampering (a crash between the commit and the
  // checkpoint leaves some), but nothing vouches for them yet, so say so.
  const unsigned =
    result.ok && result.signedSize < result.treeSize
      ? { from: result.signedSize, to: result.treeSize - 1 }
      : null;
  if (format === "json") {
    io.out(`${JSON.stringify({ ...result, trustedKeyId: keyId, unsigned }, null, 2)}\n`);
  } else if (result.ok) {
    const lines = [
      "OK: the audit log matches every checkpoint signed by the trusted key",
      `  tree size    ${result.treeSize}`,
      `  root         ${result.root}`,
      `  signed size  ${result.signedSize} (key ${keyId})`,
    ];
    if (unsigned !== null) {
      lines.push(
        `  note: entries ${unsigned.from}–${unsigned.to} are not yet covered by a checkpoint signed with this key`,
      );
    }
    io.out(`${lines.join("\n")}\n`);
  } else {
    const lines = [
      `TAMPERED: ${result.problems.length} problem${result.problems.length === 1 ? "" : "s"} in the audit log`,
      `  tree size ${result.treeSize}, root ${result.root}, signed size ${result.signedSize} (trusted key ${keyId})`,
      ...result.problems.map(
        (p) => `  ${p.kind}${p.seq === undefined ? "" : ` at seq ${p.seq}`}: ${p.detail}`,
      ),
    ];
    io.out(`${lines.join("\n")}\n`);
  }
  return result.ok ? VERIFY_OK : VERIFY_TAMPERED;
}

/** The largest checkpoint the trusted key signed; a larger one by another key is no anchor for a proof. */
function latestTrusted(checkpoints: readonly Checkpoint[], key: KeyObject): Checkpoint | null {
  let best: Checkpoint | null = null;
  for (const c of checkpoints) {
    if (verifyCheckpoint(c, key) === "ok" && (best === null || c.treeSize >= best.treeSize)) best = c;
  }
  return best;
}

interface ProofOutcome {
  readonly seq: number;
  readonly checkpoint: Checkpoint;
  readonly proof: EntryProof | null;
  /** The entry hashes to the leaf and the path leads from it to the recomputed root. */
  readonly pathValid: boolean;
  /** The recomputed root is the one the trusted key signed. */
  readonly matchesCheckpoint: boolean;
  readonly verifies: boolean;
  readonly problem: string | null;
}

async function proveOne(store: Store, key: KeyObject, seq: number): Promise<ProofOutcome> {
  const checkpoint = latestTrusted(await store.audit.checkpoints(), key);
  if (checkpoint === null) {
    throw new TruceError(
      "TRUCE_E_USAGE",
      "no checkpoint in this log is signed by the trusted key: there is nothing to prove entry inclusion against",
    );
  }
  if (seq >= checkpoint.treeSize) {
    throw new TruceError(
      "TRUCE_E_USAGE",
      `entry ${seq} is not covered by the latest trusted checkpoint (tree size ${checkpoint.treeSize}, signed ${checkpoint.at}): choose 0–${checkpoint.treeSize - 1}`,
    );
  }
  const entries = await auditEntries(store);
  const failed = (problem: string): ProofOutcome => ({
    seq,
    checkpoint,
    proof: null,
    pathValid: false,
    matchesCheckpoint: false,
    verifies: false,
    problem,
  });
  if (entries.length < checkpoint.treeSize) {
    return failed(
      `the log holds ${entries.length} entries but the checkpoint signed ${checkpoint.treeSize}: entries were removed`,
    );
  }
  let proof: EntryProof;
  try {
    proof = proveEntry(entries, seq, checkpoint.treeSize);
  } catch (error) {
    // An entry edited into something that no longer canonicalises cannot be hashed, so cannot be proved.
    return failed(`the proof cannot be built: ${error instanceof Error ? error.message : String(error)}`);
  }
  const pathValid = checkEntryProof(proof);
  const matchesCheckpoint = proof.rootHash === checkpoint.rootHash;
  return {
    seq,
    checkpoint,
    proof,
    pathValid,
    matchesCheckpoint,
    verifies: pathValid && matchesCheckpoint,
    problem: matchesCheckpoint
      ? null
      : "the entries as stored no longer hash to the signed root: run `truce verify` to see what changed",
  };
}

function proofText(o: ProofOutcome): string {
  const c = o.checkpoint;
  const lines = [`inclusion proof for entry ${o.seq}`];
  if (o.proof !== null) {
    lines.push(
      `  entry        ${o.proof.entry}`,
      `  leaf hash    ${o.proof.leafHash}`,
      `  tree size    ${o.proof.treeSize}`,
      `  root         ${o.proof.rootHash}`,
    );
  }
  lines.push(`  signed root  ${c.rootHash} (checkpoint of ${c.at}, tree size ${c.treeSize}, key ${c.keyId})`);
  if (o.proof !== null) {
    lines.push(
      `  audit path   ${o.proof.proof.length} hash${o.proof.proof.length === 1 ? "" : "es"}, leaf to root`,
    );
    o.proof.proof.forEach((h, k) => {
      lines.push(`    ${String(k).padStart(2)}  ${h}`);
    });
  }
  lines.push(`  verifies     ${o.verifies ? "yes" : "NO"}`);
  if (o.problem !== null) lines.push(`  problem      ${o.problem}`);
  return `${lines.join("\n")}\n`;
}

function proofJson(o: ProofOutcome): string {
  const value = {
    seq: o.seq,
    treeSize: o.checkpoint.treeSize,
    entry: o.proof?.entry ?? null,
    leafHash: o.proof?.leafHash ?? null,
    rootHash: o.proof?.rootHash ?? null,
    proof: o.proof?.proof ?? [],
    checkpoint: o.checkpoint,
    pathValid: o.pathValid,
    matchesCheckpoint: o.matchesCheckpoint,
    verifies: o.verifies,
    problem: o.problem,
  };
  return `${JSON.stringify(value, null, 2)}\n`;
}

export function registerVerify(
  program: Command,
  setExitCode: (code: number) => void,
  io: CliIo = processIo,
): void {
  program
    .command("verify")
    .description(
      "recompute the audit log and check it against the signed checkpoints (exit 0 intact, 1 tampered, 2 unreadable)",
    )
    .option("--db <db>", dbOptionHelp)
    .option(
      "--audit-key <file>",
      "the trusted key: the log's .pub (or .key) file, never read from the database (default: $TRUCE_AUDIT_KEY, else ./truce-audit.key)",
    )
    .option("--proof <n>", "print an inclusion proof for entry N against the latest trusted checkpoint")
    .option("--format <format>", "text or json (default text)")
    .action(async (options: VerifyOptions) => {
      const format = formatOf(options.format);
      const seq = proofIndexOf(options.proof);
      // The trust anchor comes from the key file alone: a key kept beside the log could be swapped with it.
      const key = loadAuditPublicKey(resolveAuditKeyPath(options.auditKey));
      const keyId = keyIdOf(key);
      let code: number;
      try {
        requireExistingDb(options.db);
        code = await withSession(options, async ({ store }) => {
          if (seq === null) return reportLog(store, key, keyId, format, io);
          const outcome = await proveOne(store, key, seq);
          io.out(format === "json" ? proofJson(outcome) : proofText(outcome));
          return outcome.verifies ? VERIFY_OK : VERIFY_TAMPERED;
        });
      } catch (error) {
        if (!isUnreadable(error)) throw error;
        const message = error instanceof Error ? error.message : String(error);
        io.err(`truce: cannot read the audit log: ${message}\n`);
        code = VERIFY_UNREADABLE;
      }
      setExitCode(code);
    });
}
