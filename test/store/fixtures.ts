// Records for the store tests: complete, valid values with only what a test cares about spelled out.
import { createHash, randomUUID } from "node:crypto";
import type { StoredDocument } from "../../src/domain/records/document.js";
import type { Incident } from "../../src/domain/records/incident.js";
import type { Report } from "../../src/domain/records/report.js";
import type { Position, Reply, Verdict } from "../../src/domain/records/verification.js";

export const document = (over: Partial<StoredDocument> = {}): StoredDocument => {
  const body = over.body ?? `Shelling reported near Wadi Barada. ${randomUUID()}`;
  return {
    id: randomUUID(),
    source: "SANA",
    channel: "file",
    origin: "samples/a.txt",
    receivedAt: "2017-01-02T10:00:00.000Z",
    contentHash: createHash("sha256").update(body).digest("hex"),
    contentType: "text/plain",
    body,
    title: "Shelling near Wadi Barada",
    published: "2017-01-02",
    ...over,
  };
};

export const report = (documentId: string, over: Partial<Report> = {}): Report => ({
  id: randomUUID(),
  documentId,
  source: "SANA",
  copyGroup: "g1",
  date: "2017-01-01",
  dateEnd: null,
  datePrecision: 1,
  country: "SY",
  admin1: "SY-RD",
  location: "Wadi Barada",
  lat: 33.6123456789,
  lon: 36.1234567891,
  geoPrecision: 1,
  eventType: "Explosions/Remote violence",
  subEventType: "Shelling/artillery/missile attack",
  perpetrator: "SY-GOV",
  target: null,
  killed: 3,
  kind: "press",
  spans: [
    { start: 0, end: 35 },
    { start: 40, end: 52 },
  ],
  summary: "shelling near Wadi Barada",
  createdAt: "2017-01-02T10:00:01.000Z",
  ...over,
});

export const incident = (over: Partial<Incident> = {}): Incident => ({
  id: randomUUID(),
  reportIds: [randomUUID()],
  date: "2017-01-01",
  admin1: "SY-RD",
  country: "SY",
  location: "Wadi Barada",
  eventType: "Explosions/Remote violence",
  subEventType: "Shelling/artillery/missile attack",
  perpetrators: ["SY-GOV"],
  killed: { low: 2, best: 3, high: 5 },
  classification: "violation",
  grade: "single_source",
  status: "open",
  updatedAt: "2017-01-02T10:00:00.000Z",
  complainants: [],
  accused: null,
  lat: 33.7,
  lon: 36.1,
  coordinatesRestricted: false,
  publishedAt: null,
  ...over,
});

export const position = (incidentId: string, over: Partial<Position> = {}): Position => ({
  id: randomUUID(),
  incidentId,
  guarantor: "RU",
  position: "violation",
  party: "SY-GOV",
  rationale: "two independent sources",
  recordedBy: "monitor-1",
  at: "2017-01-03T09:00:00.000Z",
  ...over,
});

export const verdict = (incidentId: string, over: Partial<Verdict> = {}): Verdict => ({
  id: randomUUID(),
  incidentId,
  outcome: "violation",
  attributedParty: "SY-GOV",
  rule: "unanimity",
  positionIds: [],
  supersedes: null,
  replyBy: "2017-01-10",
  at: "2017-01-04T09:00:00.000Z",
  ...over,
});

export const reply = (incidentId: string, verdictId: string, over: Partial<Reply> = {}): Reply => ({
  id: randomUUID(),
  incidentId,
  verdictId,
  party: "SY-GOV",
  text: "The army responded to fire from the village.",
  at: "2017-01-05T09:00:00.000Z",
  ...over,
});
