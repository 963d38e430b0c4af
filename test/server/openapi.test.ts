// The generated OpenAPI document: valid OpenAPI 3.1 in structure, and exactly the policy table's operations.
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { operationIds, policy } from "../../src/domain/access/policy.js";
import { type Harness, startHarness } from "./harness.js";

let h: Harness;
// biome-ignore lint/suspicious/noExplicitAny: the document is checked field by field below
let doc: any;

before(async () => {
  h = await startHarness();
  const r = await h.request("public", "GET", "/openapi.json");
  assert.equal(r.status, 200);
  doc = r.json;
});
after(async () => h.close());

const openApiPath = (fastifyPath: string) => fastifyPath.replace(/:([A-Za-z]+)/g, "{$1}");

test("the document is OpenAPI 3.1 with its required fields", () => {
  assert.match(doc.openapi, /^3\.1\.\d+$/);
  assert.equal(typeof doc.info.title, "string");
  assert.equal(typeof doc.info.version, "string");
  assert.equal(typeof doc.paths, "object");
  // Every operation names its responses; every $ref points at a schema the document holds.
  const refs = JSON.stringify(doc).match(/"\$ref":"[^"]+"/g) ?? [];
  for (const ref of refs) {
    const name = ref.slice('"$ref":"#/components/schemas/'.length, -1);
    assert.ok(doc.components?.schemas?.[name] !== undefined, `${ref} points at no schema`);
  }
  for (const [p, item] of Object.entries(doc.paths) as [string, Record<string, { responses?: object }>][]) {
    for (const [method, op] of Object.entries(item)) {
      assert.ok(
        op.responses !== undefined && Object.keys(op.responses).length > 0,
        `${method} ${p} has no responses`,
      );
    }
  }
});

test("every operation of the policy table is in the document at its method and path, with its id", () => {
  for (const id of operationIds) {
    const op = policy[id];
    const item = doc.paths[openApiPath(op.path)];
    assert.ok(item !== undefined, `${op.path} is missing`);
    const documented = item[op.method.toLowerCase()];
    assert.ok(documented !== undefined, `${op.method} ${op.path} is missing`);
    assert.equal(documented.operationId, id);
    assert.equal(documented.summary, op.summary);
  }
});

test("no path or method is documented that the policy table does not list", () => {
  const listed = new Set(
    operationIds.map((id) => `${policy[id].method.toLowerCase()} ${openApiPath(policy[id].path)}`),
  );
  for (const [p, item] of Object.entries(doc.paths) as [string, object][]) {
    for (const method of Object.keys(item)) {
      assert.ok(listed.has(`${method} ${p}`), `${method} ${p} is documented but not in the policy table`);
    }
  }
  assert.equal(
    Object.values(doc.paths).reduce((n: number, item) => n + Object.keys(item as object).length, 0),
    operationIds.length,
  );
});

test("path parameters are declared, and error responses use the one error shape", () => {
  const params = doc.paths["/api/incidents/{id}"].get.parameters;
  assert.ok(
    params.some(
      (p: { in: string; name: string; required: boolean }) =>
        p.in === "path" && p.name === "id" && p.required,
    ),
  );
  const notFound = doc.paths["/api/incidents/{id}"].get.responses["404"];
  const schema = JSON.stringify(notFound);
  assert.match(schema, /Error|"code"/);
});

test("the map's points document their status and event type as the closed lists they are", () => {
  const point = doc.components.schemas.MapData.properties.points.items;
  assert.deepEqual(point.properties.status.enum, ["open", "awaiting_positions", "decided", "published"]);
  assert.ok(point.properties.eventType.enum.includes("Explosions/Remote violence"));
});

test("the list filters document the agreement's zones", () => {
  const parameters = doc.paths["/api/incidents"].get.parameters as { name: string; in: string }[];
  const zone = parameters.find((p) => p.name === "zone" && p.in === "query");
  assert.ok(zone !== undefined, "zone is a query parameter of the incident list");
});
