// End-to-end tests of `truce extract`: the built CLI run as a child process, judged on stdout, stderr and exit code.
import assert from "node:assert/strict";
import { execFile, spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { after, before, describe, it } from "node:test";
import { fileURLToPath } from "node:url";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const BIN = path.join(ROOT, "bin", "truce.js");
const SAMPLES = path.join(ROOT, "samples", "articles");
const sample = (name: string): string => path.join(SAMPLES, name);

interface Run {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

function truce(...args: string[]): Promise<Run> {
  return new Promise((resolve, reject) => {
    execFile(
      process.execPath,
      [BIN, ...args],
      { cwd: ROOT, encoding: "utf8", maxBuffer: 64 * 1024 * 1024 },
      (error, stdout, stderr) => {
        if (error === null) resolve({ code: 0, stdout, stderr });
        else if (typeof error.code === "number") resolve({ code: error.code, stdout, stderr });
        else reject(new Error(`truce ${args.join(" ")} did not exit normally: ${String(error)}\n${stderr}`));
      },
    );
  });
}

// The eval format, as /work/shared/eval/README.md describes it.
interface EvalIncident {
  readonly date: string | null;
  readonly date_end: string | null;
  readonly date_precision: number | null;
  readonly country: string;
  readonly admin1: string | null;
  readonly location: string;
  readonly event_type: string;
  readonly sub_event_type: string;
  readonly perpetrator: string | null;
  readonly target: string | null;
  readonly killed: number | null;
  readonly classification: string;
}
interface EvalLine {
  readonly doc: string;
  readonly incidents: readonly EvalIncident[];
  readonly allegations: readonly { readonly accuser: string; readonly accused: string }[];
}

// The parts of `--format json` the tests read.
interface Evidence {
  readonly span: { readonly start: number; readonly end: number };
  readonly text: string;
}
interface JsonIncident {
  readonly date: string | null;
  readonly confidence: number;
  readonly evidence: readonly Evidence[];
  readonly classification: {
    readonly classification: string;
    readonly agreementId: string | null;
    readonly regimeId: string | null;
    readonly clause: string | null;
    readonly reason: string;
  };
}
interface JsonReport {
  readonly doc: string;
  readonly incidents: readonly JsonIncident[];
  readonly allegations: readonly { readonly accuser: string; readonly accused: string; evidence: Evidence }[];
}

const INCIDENT_FIELDS = [
  "admin1",
  "classification",
  "country",
  "date",
  "date_end",
  "date_precision",
  "event_type",
  "killed",
  "location",
  "perpetrator",
  "sub_event_type",
  "target",
];
const CLASSIFICATIONS = ["violation", "excluded", "not_applicable", "undetermined"];

const evalLines = (run: Run): EvalLine[] =>
  run.stdout
    .split("\n")
    .filter((line) => line !== "")
    .map((line) => JSON.parse(line) as EvalLine);

const byDoc = (lines: readonly EvalLine[], doc: string): EvalLine => {
  const line = lines.find((l) => l.doc === doc);
  assert.ok(line, `no output line for ${doc}`);
  return line;
};

/** stderr lines that mention a path, without the closing summary. */
const mentions = (stderr: string, file: string): string[] =>
  stderr.split("\n").filter((line) => line.includes(file));

let dir = "";
const fixture = (name: string, content: string | Buffer, folder = dir): string => {
  const p = path.join(folder, name);
  fs.writeFileSync(p, content);
  return p;
};
const article = (fields: Record<string, unknown>): string =>
  JSON.stringify({
    url: null,
    title: "Rockets hit Hamdaniya",
    published: "2017-01-24",
    outlet: "Truce test fixture",
    language: "en",
    text: "Rebel fighters fired rockets at the government-held Hamdaniya district of Aleppo on Sunday, wounding three residents, state media reported.",
    ...fields,
  });

before(async () => {
  // `npm test` builds once before the tests: several test files building at once would race on dist/.
  assert.ok(
    fs.existsSync(path.join(ROOT, "dist/cli/main.js")),
    "dist/ is missing: run `npm run build` first",
  );
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "truce-cli-"));
  fixture("good.json", article({}));
});
after(() => {
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

let samplesRun: Promise<Run> | undefined;
const evalSamples = (): Promise<Run> => {
  samplesRun ??= truce("extract", "--format", "eval", SAMPLES);
  return samplesRun;
};

describe("truce extract --format eval", () => {
  it("prints one line per sample article, with exactly the fields of the eval format", async () => {
    const run = await evalSamples();
    assert.equal(run.code, 0, run.stderr);
    assert.equal(run.stderr, "");
    const expected = fs
      .readdirSync(SAMPLES)
      .filter((name) => /\.(json|txt|html)$/.test(name))
      .map((name) => name.replace(/\.[^.]+$/, ""))
      .sort();
    assert.ok(expected.length >= 11);
    assert.ok(run.stdout.endsWith("\n"));
    const lines = evalLines(run);
    assert.deepEqual(
      lines.map((l) => l.doc),
      expected,
    );
    for (const line of lines) {
      assert.deepEqual(Object.keys(line).sort(), ["allegations", "doc", "incidents"], line.doc);
      for (const incident of line.incidents) {
        assert.deepEqual(Object.keys(incident).sort(), INCIDENT_FIELDS, line.doc);
        if (incident.date !== null) assert.match(incident.date, /^\d{4}-\d{2}-\d{2}$/, line.doc);
        assert.match(incident.country, /^[A-Z]{2}$/, line.doc);
        if (incident.admin1 !== null) assert.match(incident.admin1, /^[A-Z]{2}-[A-Z0-9]{1,3}$/, line.doc);
        assert.ok(incident.location.length > 0, line.doc);
        assert.ok(incident.killed === null || (Number.isInteger(incident.killed) && incident.killed >= 0));
        assert.ok(CLASSIFICATIONS.includes(incident.classification), incident.classification);
      }
      for (const allegation of line.allegations) {
        assert.deepEqual(Object.keys(allegation).sort(), ["accused", "accuser"], line.doc);
      }
    }
  });

  it("reads the samples as the samples README says", async () => {
    const run = await evalSamples();
    const lines = evalLines(run);

    assert.deepEqual(byDoc(lines, "05-astana-talks").incidents, [], "talks and plans are not incidents");

    const ghouta = byDoc(lines, "01-ghouta-shelling").incidents;
    assert.ok(
      ghouta.some(
        (i) => i.admin1 === "SY-RD" && i.perpetrator === "SY-GOV" && i.classification === "violation",
      ),
      JSON.stringify(ghouta),
    );

    const isis = byDoc(lines, "03-deir-ezzor-isis").incidents.filter(
      (i) => i.perpetrator === "ISIS" || i.target === "ISIS",
    );
    assert.ok(isis.length > 0, "the Islamic State offensive is an incident");
    for (const i of isis) {
      assert.equal(i.admin1, "SY-DY");
      assert.equal(i.classification, "excluded");
    }

    const ukraine = byDoc(lines, "09-ukraine-avdiivka").incidents;
    assert.ok(ukraine.length > 0);
    for (const i of ukraine) {
      assert.equal(i.country, "UA");
      assert.notEqual(i.classification, "not_applicable", `${i.location}: Minsk II applies in Donetsk`);
    }
  });

  it("reads the accusations the samples README describes", async () => {
    const lines = evalLines(
      await truce(
        "extract",
        "--format",
        "eval",
        sample("01-ghouta-shelling.json"),
        sample("09-ukraine-avdiivka.json"),
      ),
    );
    assert.deepEqual(byDoc(lines, "01-ghouta-shelling").allegations, [
      { accuser: "SY-OPP", accused: "SY-GOV" },
    ]);
    assert.ok(
      byDoc(lines, "09-ukraine-avdiivka").allegations.some(
        (a) => a.accuser === "UA-SEP" && a.accused === "UA-GOV",
      ),
    );
  });
});

describe("truce extract --format json", () => {
  it("gives evidence spans that point into the article text, confidence and the classification's clause", async () => {
    const files = [
      "01-ghouta-shelling.json",
      "03-deir-ezzor-isis.json",
      "09-ukraine-avdiivka.json",
      "10-homs-al-waer.txt",
    ];
    const run = await truce("extract", "--format", "json", ...files.map(sample));
    assert.equal(run.code, 0, run.stderr);
    const reports = JSON.parse(run.stdout) as JsonReport[];
    assert.deepEqual(
      reports.map((r) => r.doc),
      files.map((f) => f.replace(/\.[^.]+$/, "")),
    );
    for (const [k, report] of reports.entries()) {
      const file = sample(files[k] ?? "");
      const raw = fs.readFileSync(file, "utf8");
      const text = file.endsWith(".json") ? (JSON.parse(raw) as { text: string }).text : raw;
      assert.ok(report.incidents.length > 0, report.doc);
      const evidence = [
        ...report.incidents.flatMap((i) => i.evidence),
        ...report.allegations.map((a) => a.evidence),
      ];
      for (const incident of report.incidents) {
        assert.ok(incident.evidence.length > 0, `${report.doc}: an incident without evidence`);
        assert.ok(incident.confidence > 0 && incident.confidence <= 1, `confidence ${incident.confidence}`);
        const c = incident.classification;
        assert.ok(CLASSIFICATIONS.includes(c.classification));
        assert.ok(c.reason.length > 0);
        if (c.classification === "violation" || c.classification === "excluded") {
          assert.equal(typeof c.agreementId, "string", report.doc);
          assert.equal(typeof c.regimeId, "string", report.doc);
          assert.equal(typeof c.clause, "string", report.doc);
        }
      }
      for (const e of evidence) {
        assert.ok(e.span.start >= 0 && e.span.start < e.span.end && e.span.end <= text.length);
        assert.equal(
          text.slice(e.span.start, e.span.end),
          e.text,
          `${report.doc} ${e.span.start}–${e.span.end}`,
        );
      }
    }
    const [ghouta, isis, ukraine] = reports;
    const douma = ghouta?.incidents.find((i) => i.classification.classification === "violation");
    assert.equal(douma?.classification.agreementId, "syria-2016");
    assert.match(douma?.evidence[0]?.text ?? "", /artillery pounded the rebel-held town of Douma/);
    const excluded = isis?.incidents.find((i) => i.classification.classification === "excluded");
    assert.equal(excluded?.classification.agreementId, "syria-2016");
    for (const i of ukraine?.incidents ?? []) {
      assert.equal(i.classification.agreementId, "minsk-2015");
      assert.equal(i.classification.regimeId, "minsk-ii-2015-02-15");
    }
  });
});

describe("truce extract --format text", () => {
  it("shows the supporting sentence under each incident", async () => {
    const files = [sample("01-ghouta-shelling.json"), sample("03-deir-ezzor-isis.json")];
    const [text, json] = await Promise.all([
      truce("extract", "--format", "text", ...files),
      truce("extract", "--format", "json", ...files),
    ]);
    assert.equal(text.code, 0, text.stderr);
    const reports = JSON.parse(json.stdout) as JsonReport[];
    const blocks = text.stdout.split(/\n\n+/).filter((b) => b.trim() !== "");
    assert.equal(blocks.length, reports.length);
    for (const [k, report] of reports.entries()) {
      const block = blocks[k] ?? "";
      assert.ok(block.startsWith(report.doc), block);
      const incidents = block.split(/\n(?= {2}\d+\. )/).slice(1);
      assert.equal(incidents.length, report.incidents.length, block);
      for (const [n, incident] of report.incidents.entries()) {
        const shown = (incidents[n] ?? "").split("\n  allegations:")[0] ?? "";
        for (const e of incident.evidence) {
          assert.ok(
            shown.includes(`« ${e.text.replace(/\s+/g, " ").trim()} »`),
            `${report.doc} #${n + 1}:\n${shown}`,
          );
        }
      }
    }
    assert.match(
      blocks[0] ?? "",
      /1\. .*Douma[^\n]*\n(?:.*\n)*? {5}« [^»]*Syrian government artillery pounded the rebel-held town of Douma/,
    );
  });

  it("says so when an article has no incidents", async () => {
    const run = await truce("extract", sample("05-astana-talks.json"));
    assert.equal(run.code, 0);
    assert.match(run.stdout, /^05-astana-talks — .*\n.*\n {2}no incidents\n/);
  });
});

describe("truce extract: bad inputs", { concurrency: true }, () => {
  const good = (): string => path.join(dir, "good.json");
  const goodLine = (run: Run): void => {
    const lines = evalLines(run);
    assert.deepEqual(
      lines.map((l) => l.doc),
      ["good"],
      "the good file is still extracted",
    );
  };

  const cases: readonly {
    readonly name: string;
    readonly make: (folder: string) => string;
    readonly problem: RegExp;
    readonly code: string;
  }[] = [
    {
      name: "a file that is not JSON",
      make: (folder) => fixture("broken.json", '{"title": "Shelling in Hama", "text": ', folder),
      problem: /not valid JSON/,
      code: "TRUCE_E_ARTICLE_INVALID",
    },
    {
      name: "JSON without text",
      make: (folder) =>
        fixture(
          "notext.json",
          JSON.stringify({ title: "Shelling in Hama", published: "2017-01-02" }),
          folder,
        ),
      problem: /"text" is missing/,
      code: "TRUCE_E_ARTICLE_INVALID",
    },
    {
      name: "an empty file",
      make: (folder) => fixture("empty.json", "", folder),
      problem: /empty/,
      code: "TRUCE_E_FILE_EMPTY",
    },
    {
      name: "a binary file (PNG header)",
      make: (folder) =>
        fixture(
          "photo.json",
          Buffer.from([
            0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52,
          ]),
          folder,
        ),
      problem: /PNG image, not text/,
      code: "TRUCE_E_FILE_BINARY",
    },
    {
      name: "invalid UTF-8",
      make: (folder) =>
        fixture(
          "latin1.txt",
          Buffer.from("Shelling hit the caf\xe9 district of Hama on Monday.\n", "latin1"),
          folder,
        ),
      problem: /not valid UTF-8: byte 0xE9 at offset 20/,
      code: "TRUCE_E_FILE_ENCODING",
    },
    {
      name: "a 20 MB file",
      make: (folder) => {
        const p = fixture("huge.json", "", folder);
        fs.truncateSync(p, 20 * 1024 * 1024);
        return p;
      },
      problem: /20\.0 MiB, over the 10\.0 MiB limit/,
      code: "TRUCE_E_FILE_TOO_LARGE",
    },
    {
      name: "a missing path",
      make: (folder) => path.join(folder, "nowhere", "missing.json"),
      problem: /no such file/,
      code: "TRUCE_E_FILE_NOT_FOUND",
    },
  ];

  for (const c of cases) {
    it(`reports ${c.name} once, naming the file, and extracts the others`, async () => {
      const bad = c.make(fs.mkdtempSync(path.join(dir, "case-")));
      const ok = good();
      const run = await truce("extract", "--format", "eval", bad, ok);
      assert.equal(run.code, 1, run.stderr);
      goodLine(run);
      const lines = mentions(run.stderr, bad);
      assert.equal(lines.length, 1, run.stderr);
      assert.match(lines[0] ?? "", c.problem);
      assert.ok(lines[0]?.startsWith(`truce: ${bad}: `), lines[0]);
      assert.ok(lines[0]?.endsWith(`[${c.code}]`), lines[0]);
      assert.match(run.stderr, /1 input\(s\) could not be read/);
      assert.doesNotMatch(run.stderr, /\n\s+at /, "no stack trace");
    });
  }

  it("reports every bad file in one run and still extracts the good one, in every format", async () => {
    const folder = fs.mkdtempSync(path.join(dir, "all-"));
    const bad = cases.map((c) => c.make(folder));
    const ok = good();
    const run = await truce("extract", "--format", "eval", ...bad, ok);
    assert.equal(run.code, 1);
    goodLine(run);
    for (const b of bad) assert.equal(mentions(run.stderr, b).length, 1, `${b}\n${run.stderr}`);
    assert.match(run.stderr, new RegExp(`${bad.length} input\\(s\\) could not be read`));

    const json = await truce("extract", "--format", "json", ...bad, ok);
    assert.equal(json.code, 1);
    assert.deepEqual(
      (JSON.parse(json.stdout) as JsonReport[]).map((r) => r.doc),
      ["good"],
    );
    const text = await truce("extract", "--format", "text", ...bad, ok);
    assert.equal(text.code, 1);
    assert.match(text.stdout, /^good — Rockets hit Hamdaniya\n/);
  });

  it("refuses a missing --agreement file before reading any article (exit 78)", async () => {
    const missing = path.join(dir, "no-such-agreement.yaml");
    const run = await truce("extract", "--agreement", missing, good());
    assert.equal(run.code, 78);
    assert.equal(run.stdout, "");
    assert.equal(run.stderr.trim().split("\n").length, 1, run.stderr);
    assert.match(run.stderr, new RegExp(`${missing.replace(/[.]/g, "\\.")} does not exist`));
    assert.match(run.stderr, /TRUCE_E_AGREEMENT_INVALID/);
  });

  it("refuses an --agreement file that is not an agreement (exit 78)", async () => {
    const notAgreement = fixture("agreement.yaml", "id: truce-test\ntitle: A truce with no terms\n");
    const badYaml = fixture("agreement-broken.yaml", "id: truce-test\nregimes: [\n");
    for (const file of [notAgreement, badYaml]) {
      const run = await truce("extract", "--agreement", file, good());
      assert.equal(run.code, 78, run.stderr);
      assert.equal(run.stdout, "");
      assert.equal(run.stderr.trim().split("\n").length, 1, run.stderr);
      assert.ok(run.stderr.includes(file), run.stderr);
      assert.match(run.stderr, /is not valid/);
    }
  });

  for (const value of ["notadate", "2017-13-45", "2017-02-30", "20/01/2017"]) {
    it(`refuses --published ${value} as a usage error (exit 64)`, async () => {
      const run = await truce("extract", "--published", value, good());
      assert.equal(run.code, 64);
      assert.equal(run.stdout, "");
      assert.match(run.stderr, new RegExp(`--published must be a date like 2017-01-23.*"${value}"`));
      assert.match(run.stderr, /TRUCE_E_USAGE/);
    });
  }

  it("refuses an unknown --format as a usage error (exit 64)", async () => {
    const run = await truce("extract", "--format", "xml", good());
    assert.equal(run.code, 64);
    assert.equal(run.stdout, "");
    assert.match(run.stderr, /'xml' is invalid.*eval, json, text/);
  });

  it("refuses a call with no paths as a usage error (exit 64)", async () => {
    const run = await truce("extract", "--format", "eval");
    assert.equal(run.code, 64);
    assert.equal(run.stdout, "");
    assert.match(run.stderr, /missing required argument 'paths'/);
  });
});

describe("truce extract --published", () => {
  const text =
    "Government forces shelled the rebel-held town of Douma on Monday, killing two civilians, local activists said.\n";

  it("dates a .txt article without a date, so a relative day resolves against it", async () => {
    const file = fixture("douma-monday.txt", text);
    const dated = evalLines(await truce("extract", "--format", "eval", "--published", "2017-01-20", file));
    assert.deepEqual(
      dated[0]?.incidents.map((i) => [i.location, i.date]),
      [["Douma", "2017-01-16"]],
    );
    const undated = evalLines(await truce("extract", "--format", "eval", file));
    assert.deepEqual(
      undated[0]?.incidents.map((i) => i.date),
      [null],
      "without --published, 'on Monday' has nothing to resolve against",
    );
  });

  it("does not override the date an article states", async () => {
    const file = fixture(
      "douma-dated.json",
      article({ title: "Shelling in Douma", published: "2017-02-10", text }),
    );
    const lines = evalLines(await truce("extract", "--format", "eval", "--published", "2017-01-20", file));
    assert.deepEqual(
      lines[0]?.incidents.map((i) => i.date),
      ["2017-02-06"],
    );
  });
});

describe("truce extract --agreement", () => {
  it("classifies against another agreement file with no code change", async () => {
    const run = await truce(
      "extract",
      "--format",
      "eval",
      "--agreement",
      "data/agreements/minsk-2015.yaml",
      sample("09-ukraine-avdiivka.json"),
      sample("01-ghouta-shelling.json"),
    );
    assert.equal(run.code, 0, run.stderr);
    const lines = evalLines(run);
    const ukraine = byDoc(lines, "09-ukraine-avdiivka").incidents;
    const syria = byDoc(lines, "01-ghouta-shelling").incidents;
    assert.ok(ukraine.length > 0 && syria.length > 0);
    assert.ok(ukraine.some((i) => i.location === "Avdiivka" && i.classification === "violation"));
    for (const i of ukraine) assert.equal(i.classification, "violation", i.location);
    for (const i of syria) assert.equal(i.classification, "not_applicable", i.location);
  });
});

describe("truce --help", () => {
  it("lists the commands, exit 0", async () => {
    const run = await truce("--help");
    assert.equal(run.code, 0);
    assert.match(run.stdout, /Usage: truce /);
    assert.match(run.stdout, /extract \[options\] <paths\.\.\.>/);
  });

  for (const args of [
    ["extract", "--help"],
    ["help", "extract"],
  ]) {
    it(`truce ${args.join(" ")} lists the options, exit 0`, async () => {
      const run = await truce(...args);
      assert.equal(run.code, 0);
      assert.equal(run.stderr, "");
      assert.match(run.stdout, /Usage: truce extract \[options\] <paths\.\.\.>/);
      assert.match(run.stdout, /--format <format>[\s\S]*"eval", "json", "text"/);
      assert.match(run.stdout, /--agreement <file>/);
      assert.match(run.stdout, /--published <date>/);
    });
  }

  it("prints the package version", async () => {
    const { version } = JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8")) as {
      version: string;
    };
    const run = await truce("--version");
    assert.equal(run.code, 0);
    assert.equal(run.stdout.trim(), version);
  });
});

describe("truce extract | head", () => {
  it("stops quietly when the reader closes the pipe early", async () => {
    const many = path.join(dir, "many");
    fs.mkdirSync(many, { recursive: true });
    for (let n = 0; n < 40; n++)
      fs.writeFileSync(path.join(many, `${String(n).padStart(3, "0")}.json`), article({}));
    const child = spawn(process.execPath, [BIN, "extract", "--format", "eval", many], { cwd: ROOT });
    let stderr = "";
    child.stderr.setEncoding("utf8").on("data", (chunk: string) => {
      stderr += chunk;
    });
    child.stdout.once("data", () => child.stdout.destroy());
    const code = await new Promise<number | null>((resolve) => child.on("close", resolve));
    assert.doesNotMatch(stderr, /EPIPE|Unhandled|\n\s+at /, stderr);
    assert.equal(code, 0, stderr);
  });
});
