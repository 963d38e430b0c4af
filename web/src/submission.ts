// What a form's submission is doing: busy while its request is out, and why the last one failed. One runs at a
// time: a submit while another is out is refused, even one made before the disabled button has been drawn (Enter
// pressed twice), so nothing is ever posted twice.
import { ApiError } from "./api/client.js";

export interface SubmitState {
  /** A submission is out: the form disables its button. */
  readonly busy: boolean;
  /** Why the last submission failed; null once another starts. */
  readonly error: ApiError | null;
}

export const idle: SubmitState = { busy: false, error: null };

/** Runs an action (the request and what follows its success) unless one is already running. */
export type Submit = (action: () => Promise<void>) => Promise<void>;

/** A submit function that tells `onChange` each state it passes through; whatever the action throws ends there. */
export function submitter(onChange: (state: SubmitState) => void): Submit {
  let running = false;
  return async (action) => {
    if (running) return;
    running = true;
    onChange({ busy: true, error: null });
    let error: ApiError | null = null;
    try {
      await action();
    } catch (problem) {
      error = ApiError.from(problem);
    } finally {
      running = false;
      onChange({ busy: false, error });
    }
  };
}
