// The forms' one way of submitting: busy while the action runs, a second submit refused meanwhile, and whatever
// the action throws kept as an ApiError until the next submission starts.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { ApiError } from "../../web/src/api/client.js";
import { type SubmitState, submitter } from "../../web/src/submission.js";

function deferred(): { promise: Promise<void>; resolve: () => void } {
  let resolve!: () => void;
  const promise = new Promise<void>((yes) => {
    resolve = yes;
  });
  return { promise, resolve };
}

/** A submitter and every state it has reported, latest last. */
function watched(): { run: ReturnType<typeof submitter>; states: SubmitState[] } {
  const states: SubmitState[] = [];
  return { run: submitter((state) => states.push(state)), states };
}

describe("submitter", () => {
  it("is busy while the action runs and refuses a second submit meanwhile", async () => {
    const { run, states } = watched();
    const first = deferred();
    let firstRuns = 0;
    let secondRuns = 0;
    const running = run(() => {
      firstRuns++;
      return first.promise;
    });
    assert.deepEqual(states, [{ busy: true, error: null }]);

    await run(async () => {
      secondRuns++;
    });
    assert.equal(secondRuns, 0, "a second submit while the first is out is refused");
    assert.deepEqual(states, [{ busy: true, error: null }], "and changes nothing");

    first.resolve();
    await running;
    assert.equal(firstRuns, 1);
    assert.deepEqual(states.at(-1), { busy: false, error: null });

    await run(async () => {
      secondRuns++;
    });
    assert.equal(secondRuns, 1, "once the first has answered, the next submit runs");
  });

  it("keeps the server's refusal as it came, and any other failure as a client ApiError", async () => {
    const { run, states } = watched();
    const refusal = new ApiError(409, "TRUCE_E_CONFLICT", "the incident was merged meanwhile");
    await run(async () => {
      throw refusal;
    });
    assert.deepEqual(states.at(-1), { busy: false, error: refusal }, "a failure ends the submission too");

    await run(async () => {
      throw new TypeError("boom");
    });
    const error = states.at(-1)?.error;
    assert.ok(error instanceof ApiError);
    assert.equal(error.status, 0);
    assert.equal(error.code, "TRUCE_E_CLIENT");
    assert.match(error.message, /boom/);

    await run(async () => {
      throw new TypeError("again");
    });
    assert.equal(states.at(-1)?.busy, false, "a failed submission never leaves the form locked");
  });

  it("clears the last error when the next submission starts", async () => {
    const { run, states } = watched();
    await run(async () => {
      throw new ApiError(500, "TRUCE_E_INTERNAL", "down");
    });
    const pending = deferred();
    const running = run(() => pending.promise);
    assert.deepEqual(
      states.at(-1),
      { busy: true, error: null },
      "the old message goes as the form is sent again",
    );
    pending.resolve();
    await running;
    assert.deepEqual(states.at(-1), { busy: false, error: null });
  });
});
