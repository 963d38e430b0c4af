// A form's submission as component state: see submission.ts for what it does.
import { useState } from "preact/hooks";
import { idle, type Submit, type SubmitState, submitter } from "./submission.js";

export interface Submission extends SubmitState {
  readonly run: Submit;
}

export function useSubmit(): Submission {
  const [state, setState] = useState<SubmitState>(idle);
  // Made once per form, so the guard against a second submit outlives every render.
  const [run] = useState(() => submitter(setState));
  return { ...state, run };
}
