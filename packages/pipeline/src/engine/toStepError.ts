import { SlipwayError } from '@slipway/core/errors';
import type { StepName } from './stepName.js';

/**
 * Turns whatever a step threw into a SlipwayError: an abort becomes `INTERRUPTED`, a
 * plain Error (a bug or an unexpected failure) becomes `STEP_FAILED`. Every error gets
 * the way back in: the step's log and `slipway up`, which resumes at the failed step.
 */
export function toStepError(
  step: StepName,
  error: unknown,
  context: { signal: AbortSignal; redact: (text: string) => string },
): SlipwayError {
  return redactError(classify(step, error, context.signal), context.redact);
}

function classify(step: StepName, error: unknown, signal: AbortSignal): SlipwayError {
  if (signal.aborted && !(error instanceof SlipwayError && error.code === 'INTERRUPTED')) {
    return new SlipwayError({
      code: 'INTERRUPTED',
      component: 'Pipeline',
      message: `${step} was interrupted`,
      recovery: ['Run: slipway up   (resumes at this step)'],
    });
  }
  if (error instanceof SlipwayError) return withResume(step, error);
  const message = error instanceof Error ? error.message : String(error);
  return withResume(
    step,
    new SlipwayError({
      code: 'STEP_FAILED',
      component: 'Pipeline',
      message: `${step} failed: ${message}`,
      cause: error,
    }),
  );
}

function withResume(step: StepName, error: SlipwayError): SlipwayError {
  const extra = [`Run: slipway logs ${step}   (the full log)`, 'Then: slipway up   (resumes here)'];
  const recovery = [...error.recovery, ...extra.filter((line) => !error.recovery.includes(line))];
  if (recovery.length === error.recovery.length) return error;
  return new SlipwayError({
    code: error.code,
    severity: error.severity,
    component: error.component,
    message: error.message,
    recovery,
    docs: error.docs,
    ...(error.location ? { location: error.location } : {}),
    cause: error.cause,
  });
}

/** The same error with known secret values removed from its message and recovery. */
function redactError(error: SlipwayError, redact: (text: string) => string): SlipwayError {
  const message = redact(error.message);
  const recovery = error.recovery.map(redact);
  if (message === error.message && recovery.every((line, i) => line === error.recovery[i])) {
    return error;
  }
  return new SlipwayError({
    code: error.code,
    severity: error.severity,
    component: error.component,
    message,
    recovery,
    docs: error.docs,
    ...(error.location ? { location: error.location } : {}),
  });
}
