// Human decisions: link constraints, the guarantors' positions, verdicts and replies (the last three append-only).
import type { Insertable, Selectable } from "kysely";
import type { LinkConstraint } from "../../../domain/records/incident.js";
import type { Position, PositionKind, Reply, Verdict } from "../../../domain/records/verification.js";
import { TruceError } from "../../../errors.js";
import type {
  LinkConstraintRepository,
  PositionRepository,
  ReplyRepository,
  VerdictRepository,
} from "../../../ports/store.js";
import { guarded } from "../db-errors.js";
import type { LinkConstraintsTable, PositionsTable, RepliesTable, VerdictsTable } from "../schema.js";
import { chunks, type Executor, parseJson } from "./support.js";

const constraintFromRow = (r: Selectable<LinkConstraintsTable>): LinkConstraint => ({
  kind: r.kind as LinkConstraint["kind"],
  reportA: r.report_a,
  reportB: r.report_b,
  decidedBy: r.decided_by,
  at: r.at,
});

export function linkConstraintRepository(db: Executor): LinkConstraintRepository {
  return {
    async add(c) {
      await guarded(`${c.kind} ${c.reportA}/${c.reportB}`, () =>
        db
          .insertInto("link_constraints")
          .values({
            kind: c.kind,
            report_a: c.reportA,
            report_b: c.reportB,
            decided_by: c.decidedBy,
            at: c.at,
          })
          .execute(),
      );
    },
    async forReports(reportIds) {
      const rows = new Map<number, Selectable<LinkConstraintsTable>>();
      for (const batch of chunks([...new Set(reportIds)], 250)) {
        const found = await db
          .selectFrom("link_constraints")
          .selectAll()
          .where((eb) => eb.or([eb("report_a", "in", batch), eb("report_b", "in", batch)]))
          .execute();
        for (const row of found) rows.set(row.ord, row);
      }
      return [...rows.values()].sort((a, b) => a.ord - b.ord).map(constraintFromRow);
    },
  };
}

const positionFromRow = (r: Selectable<PositionsTable>): Position => ({
  id: r.id,
  incidentId: r.incident_id,
  guarantor: r.guarantor,
  position: r.position as PositionKind,
  party: r.party,
  rationale: r.rationale,
  recordedBy: r.recorded_by,
  at: r.at,
});

export function positionRepository(db: Executor): PositionRepository {
  return {
    async append(p) {
      await guarded(`position ${p.id}`, () =>
        db
          .insertInto("positions")
          .values({
            id: p.id,
            incident_id: p.incidentId,
            guarantor: p.guarantor,
            position: p.position,
            party: p.party,
            rationale: p.rationale,
            recorded_by: p.recordedBy,
            at: p.at,
          })
          .execute(),
      );
    },
    async byIncident(incidentId) {
      const rows = await db
        .selectFrom("positions")
        .selectAll()
        .where("incident_id", "=", incidentId)
        .orderBy("ord")
        .execute();
      return rows.map(positionFromRow);
    },
  };
}

export const verdictRow = (v: Verdict): Insertable<VerdictsTable> => ({
  id: v.id,
  incident_id: v.incidentId,
  outcome: v.outcome,
  attributed_party: v.attributedParty,
  rule: v.rule,
  position_ids: JSON.stringify(v.positionIds),
  supersedes: v.supersedes,
  reply_by: v.replyBy,
  at: v.at,
});

const verdictFromRow = (r: Selectable<VerdictsTable>): Verdict => ({
  id: r.id,
  incidentId: r.incident_id,
  outcome: r.outcome as Verdict["outcome"],
  attributedParty: r.attributed_party,
  rule: r.rule,
  positionIds: parseJson<string[]>(r.position_ids),
  supersedes: r.supersedes,
  replyBy: r.reply_by,
  at: r.at,
});

export function verdictRepository(db: Executor): VerdictRepository {
  const get = async (id: string) => {
    const row = await db.selectFrom("verdicts").selectAll().where("id", "=", id).executeTakeFirst();
    return row === undefined ? null : verdictFromRow(row);
  };
  return {
    async append(v) {
      if (v.supersedes !== null) {
        const previous = await get(v.supersedes);
        if (previous !== null && previous.incidentId !== v.incidentId)
          throw new TruceError(
            "TRUCE_E_STORE_REFERENCE",
            `verdict ${v.id} on incident ${v.incidentId} cannot supersede verdict ${previous.id} on incident ${previous.incidentId}`,
          );
      }
      // The unique constraints do the rest: a verdict superseded twice, or a second first verdict, is a conflict.
      await guarded(`verdict ${v.id}`, () => db.insertInto("verdicts").values(verdictRow(v)).execute());
    },
    get,
    async byIncident(incidentId) {
      const rows = await db
        .selectFrom("verdicts")
        .selectAll()
        .where("incident_id", "=", incidentId)
        .orderBy("ord")
        .execute();
      return rows.map(verdictFromRow);
    },
    async latest(incidentId) {
      const row = await db
        .selectFrom("verdicts as v")
        .selectAll("v")
        .where("v.incident_id", "=", incidentId)
        .where(({ not, exists, selectFrom }) =>
          not(
            exists(
              selectFrom("verdicts as later").select("later.id").whereRef("later.supersedes", "=", "v.id"),
            ),
          ),
        )
        .orderBy("v.ord", "desc")
        .executeTakeFirst();
      return row === undefined ? null : verdictFromRow(row);
    },
  };
}

const replyFromRow = (r: Selectable<RepliesTable>): Reply => ({
  id: r.id,
  incidentId: r.incident_id,
  verdictId: r.verdict_id,
  party: r.party,
  text: r.text,
  at: r.at,
});

export function replyRepository(db: Executor): ReplyRepository {
  return {
    async append(r) {
      await guarded(`reply ${r.id}`, () =>
        db
          .insertInto("replies")
          .values({
            id: r.id,
            incident_id: r.incidentId,
            verdict_id: r.verdictId,
            party: r.party,
            text: r.text,
            at: r.at,
          })
          .execute(),
      );
    },
    async byIncident(incidentId) {
      const rows = await db
        .selectFrom("replies")
        .selectAll()
        .where("incident_id", "=", incidentId)
        .orderBy("ord")
        .execute();
      return rows.map(replyFromRow);
    },
  };
}
