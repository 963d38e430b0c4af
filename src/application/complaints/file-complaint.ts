// Filing a complaint (a party's) or an observation (a guarantor's monitor's): the form is checked and placed, then
// its document, its report, the incident the report joins, the complaint, its files and the audit entry are
// written in one transaction, so a complaint is wholly on record or not at all.
import { randomUUID } from "node:crypto";
import type { Principal } from "../../domain/access/principal.js";
import type { Agreement } from "../../domain/agreement/schema.js";
import type { Attachment, ComplainantRole, Complaint } from "../../domain/records/complaint.js";
import type { Report } from "../../domain/records/report.js";
import { TruceError } from "../../errors.js";
import type { Store } from "../../ports/store.js";
import { recordAudit } from "../audit-trail.js";
import { linkReports } from "../link-reports.js";
import { checkAttachments } from "./attachments.js";
import { type CheckedForm, checkForm } from "./check-form.js";
import { complaintDocument } from "./complaint-document.js";
import type { ComplaintForm, FiledComplaint } from "./complaint-form.js";
import { type Located, locateName, locatePoint, type PlaceData } from "./locate.js";

export interface ComplaintDeps {
  readonly store: Store;
  readonly agreements: readonly Agreement[];
  readonly places: PlaceData;
  readonly now: () => string;
}

/** Who the principal complains as: a party's representative for the party, a monitor for its guarantor state. */
export function complainantOf(principal: Principal): {
  readonly id: string;
  readonly role: ComplainantRole;
  /** The account filing it. */
  readonly userId: string;
} {
  if (principal.role === "party") return { id: principal.party, role: "party", userId: principal.userId };
  if (principal.role === "guarantor")
    return { id: principal.guarantor, role: "guarantor", userId: principal.userId };
  throw new TruceError(
    "TRUCE_E_FORBIDDEN",
    "only a party's representative files a complaint, and only a guarantor's monitor an observation",
  );
}

/** Every party bound by a regime of the agreements whose territory holds the place. */
function partiesOf(agreements: readonly Agreement[]): Set<string> {
  return new Set(agreements.flatMap((a) => a.regimes.flatMap((r) => r.parties)));
}

/** Who or what an act may hit as the agreements weigh it: civilians, parties and the groups they exclude. */
function targetsOf(agreements: readonly Agreement[]): Set<string> {
  return new Set(
    agreements.flatMap((a) => [
      ...a.civilians,
      ...a.regimes.flatMap((r) => [...r.parties, ...r.excluded.map((e) => e.actor)]),
    ]),
  );
}

/** A target the agreement cannot weigh would leave the incident undetermined: ask for one of its actor ids. */
function checkTarget(form: CheckedForm, place: Located) {
  if (form.target === null) return;
  const targets = targetsOf(place.agreements);
  if (!targets.has(form.target)) {
    throw new TruceError(
      "TRUCE_E_COMPLAINT_INVALID",
      `target: ${JSON.stringify(form.target.slice(0, 60))} is not an actor ${place.agreements.map((a) => a.id).join(", ")} names; give one of ${[...targets].sort().join(", ")}, or leave it out when unknown`,
      { subject: "target" },
    );
  }
}

function checkAccused(form: CheckedForm, place: Located, complainant: { id: string; role: ComplainantRole }) {
  const parties = partiesOf(place.agreements);
  if (!parties.has(form.accused)) {
    throw new TruceError(
      "TRUCE_E_PARTY_UNKNOWN",
      `accused: ${JSON.stringify(form.accused.slice(0, 60))} is not a party to ${place.agreements.map((a) => a.id).join(", ")}; the parties are ${[...parties].sort().join(", ")}`,
      { subject: "accused" },
    );
  }
  if (complainant.role === "party" && form.accused === complainant.id) {
    throw new TruceError(
      "TRUCE_E_COMPLAINT_SELF",
      `accused: ${complainant.id} cannot complain about itself; name the party held responsible`,
      { subject: "accused" },
    );
  }
}

function reportOf(
  ids: { readonly reportId: string; readonly documentId: string; readonly copyGroup: string },
  complainant: { readonly id: string; readonly role: ComplainantRole },
  form: CheckedForm,
  place: Located,
  now: string,
): Report {
  return {
    id: ids.reportId,
    documentId: ids.documentId,
    source: complainant.id,
    copyGroup: ids.copyGroup,
    date: form.date,
    dateEnd: null,
    datePrecision: form.datePrecision,
    country: place.country,
    admin1: place.admin1,
    location: place.location,
    lat: place.lat,
    lon: place.lon,
    geoPrecision: place.geoPrecision,
    eventType: form.eventType,
    subEventType: form.subEventType,
    perpetrator: form.accused,
    target: form.target,
    killed: form.killed,
    kind: complainant.role === "party" ? "complaint" : "observation",
    // The whole narrative is the claim: it is the article text of the complaint's document.
    spans: [{ start: 0, end: form.narrative.length }],
    summary: form.narrative.replace(/\s+/g, " ").slice(0, 500),
    createdAt: now,
    ...(form.coordinatesRestricted ? { coordinatesRestricted: true } : {}),
  };
}

export async function fileComplaint(
  deps: ComplaintDeps,
  principal: Principal,
  input: ComplaintForm,
): Promise<FiledComplaint> {
  const complainant = complainantOf(principal);
  const received = deps.now();
  const form = checkForm(input, received.slice(0, 10));
  const files = checkAttachments(input.attachments ?? []);
  const place =
    form.point !== null
      ? locatePoint(deps.places, deps.agreements, form.point.lat, form.point.lon)
      : locateName(deps.places, deps.agreements, form.place ?? "");
  checkAccused(form, place, complainant);
  checkTarget(form, place);

  const complaintId = randomUUID();
  const documentId = randomUUID();
  const reportId = randomUUID();
  const attachmentIds = files.map(() => randomUUID());

  return deps.store.transaction(async (tx) => {
    await tx.ingestion.serialiseLinking();
    // Read once the transaction holds the store, as the other decisions do.
    const now = deps.now();
    const document = complaintDocument({
      complaintId,
      documentId,
      complainant: complainant.id,
      role: complainant.role,
      form,
      place,
      attachments: files,
      now,
    });
    const { created } = await tx.documents.insert(document);
    if (!created) {
      throw new TruceError("TRUCE_E_STORE_CONFLICT", `complaint ${complaintId} was already stored`, {
        subject: complaintId,
      });
    }
    // Its report is written here, from the form: no worker is to read the document again.
    await tx.ingestion.markRead(document.id, now);
    await recordAudit(
      tx,
      "document_accepted",
      document.id,
      {
        contentHash: document.contentHash,
        source: document.source,
        origin: document.origin ?? "",
        channel: document.channel,
        complaint: complaintId,
        role: complainant.role,
        // The files' hashes put the evidence itself under the log's protection.
        attachments: files.map((f) => f.sha256),
      },
      now,
    );
    const report = reportOf(
      { reportId, documentId, copyGroup: document.contentHash },
      complainant,
      form,
      place,
      now,
    );
    const linked = await linkReports(tx, [report], form.narrative, deps.agreements, now);
    const incidentId = linked.incidentIds[0];
    if (incidentId === undefined) throw new Error(`complaint ${complaintId}: its report joined no incident`);
    const complaint: Complaint = {
      id: complaintId,
      documentId,
      reportId,
      filedBy: complainant.userId,
      complainant: complainant.id,
      complainantRole: complainant.role,
      witness: form.witness,
      coordinatesRestricted: form.coordinatesRestricted,
      createdAt: now,
    };
    await tx.complaints.insert(complaint);
    for (const [i, file] of files.entries()) {
      const attachment: Attachment = {
        id: attachmentIds[i] as string,
        complaintId,
        filename: file.filename,
        mediaType: file.mediaType,
        size: file.size,
        sha256: file.sha256,
      };
      await tx.attachments.insert(attachment, file.bytes);
    }
    return { complaintId, documentId, reportId, incidentId, attachmentIds };
  });
}
