// The SQLite connection wrapper: statements reused, rows as better-sqlite3 would give them, columns followed
// across a schema change, and a stream that does not block the same query meanwhile.
import assert from "node:assert/strict";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { test } from "node:test";
import BetterSqlite3 from "better-sqlite3";
import { withPreparedStatements } from "../../src/adapters/store/sqlite/prepared-statements.js";

function fixture() {
  const raw = new BetterSqlite3(":memory:");
  raw.exec(`create table t (id integer primary key, name text, "odd ""key"": v" text)`);
  raw.exec(`insert into t values (1, 'a', 'x'), (2, 'b', null), (3, 'c', 'z')`);
  return { raw, db: withPreparedStatements(raw) };
}

test("rows are the objects better-sqlite3 builds, odd column names included", () => {
  const { raw, db } = fixture();
  const sql = "select * from t where id >= ? order by id";
  assert.deepEqual(db.prepare(sql).all([2]), raw.prepare(sql).all(2));
  assert.deepEqual(db.prepare(sql).all([1])[0], { id: 1, name: "a", 'odd "key": v': "x" });
  db.close();
});

test("a statement is prepared once and reused", () => {
  const { db } = fixture();
  const sql = "select name from t where id = ?";
  const first = db.prepare(sql);
  assert.equal(db.prepare(sql), first);
  assert.deepEqual(first.all([3]), [{ name: "c" }]);
  assert.deepEqual(db.prepare(sql).all([1]), [{ name: "a" }]);
  db.close();
});

test("writes run and report their changes", () => {
  const { db } = fixture();
  const outcome = db.prepare("update t set name = ? where id > ?").run(["q", 1]);
  assert.equal(outcome.changes, 2);
  assert.deepEqual(db.prepare("select count(*) as n from t where name = 'q'").all([]), [{ n: 2 }]);
  db.close();
});

test("after a column is added, `select *` rows carry it", () => {
  const { db } = fixture();
  const all = "select * from t where id = ?";
  assert.deepEqual(Object.keys(db.prepare(all).all([1])[0] as object), ["id", "name", 'odd "key": v']);
  db.prepare("alter table t add column extra text default 'e'").run([]);
  assert.deepEqual(db.prepare(all).all([1])[0], { id: 1, name: "a", 'odd "key": v': "x", extra: "e" });
  db.close();
});

test("a column added by another connection is followed too", () => {
  const dir = mkdtempSync(path.join(tmpdir(), "truce-prepared-"));
  const file = path.join(dir, "two-connections.sqlite");
  const other = new BetterSqlite3(file);
  other.exec("create table t (id integer primary key, name text); insert into t values (1, 'a')");
  const db = withPreparedStatements(new BetterSqlite3(file));
  const all = "select * from t";
  assert.deepEqual(db.prepare(all).all([]), [{ id: 1, name: "a" }]);
  other.exec("alter table t add column extra integer default 7");
  assert.deepEqual(db.prepare(all).all([]), [{ id: 1, name: "a", extra: 7 }]);
  other.close();
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

test("a stream open on a query leaves the same query free for others", () => {
  const { db } = fixture();
  const sql = "select id from t order by id";
  const stream = db.prepare(sql).iterate([]);
  assert.deepEqual(stream.next().value, { id: 1 });
  assert.deepEqual(db.prepare(sql).all([]), [{ id: 1 }, { id: 2 }, { id: 3 }]);
  assert.deepEqual([...stream], [{ id: 2 }, { id: 3 }]);
  db.close();
});

test("an unprepareable statement throws and is not kept", () => {
  const { db } = fixture();
  assert.throws(() => db.prepare("select nope from t"), /no such column/);
  assert.throws(() => db.prepare("select nope from t"), /no such column/);
  db.close();
});
