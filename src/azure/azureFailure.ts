import type { CloudProblem } from './cloud';

export type AzureFailureKind =
  /** No Azure session: never signed in, signed out, or the sign-in was given up. */
  | 'signInRequired'
  /** The person closed VS Code's sign-in (or its consent dialog). */
  | 'signInCancelled'
  /** VS Code's sign-in failed for another reason (its message is in `cause`, for the log). */
  | 'signInFailed'
  /** The session's token expired and VS Code handed out no fresh one. */
  | 'sessionExpired'
  /** The `microsoft-sovereign-cloud.*` settings do not describe a cloud (`cloudProblem` says why). */
  | 'cloudSettings'
  /** Resource Manager answered with an error: `status`, `code`, and its message in `message`. */
  | 'resourceManager'
  /** Resource Manager could not be reached (`cause` is the network error). */
  | 'unreachable'
  /** Resource Manager answered something that is not what its API describes. */
  | 'unexpectedAnswer';

/**
 * A failure of signing in to Azure or of a call to Resource Manager. Told apart by its `name`, not
 * by `instanceof`: it is thrown by the sign-in bundle (dist/azureSignIn.js) and presented by the
 * extension's, which each have their own copy of this class.
 */
export class AzureFailure extends Error {
  override readonly name = 'AzureFailure';
  readonly status: number | undefined;
  readonly code: string | undefined;
  readonly cloudProblem: CloudProblem | undefined;

  constructor(
    readonly kind: AzureFailureKind,
    details: { message?: string; status?: number; code?: string; cloudProblem?: CloudProblem; cause?: unknown } = {},
  ) {
    super(details.message ?? kind, details.cause === undefined ? undefined : { cause: details.cause });
    this.status = details.status;
    this.code = details.code;
    this.cloudProblem = details.cloudProblem;
  }
}

export function isAzureFailure(error: unknown): error is AzureFailure {
  return error instanceof Error && error.name === 'AzureFailure' && typeof (error as Partial<AzureFailure>).kind === 'string';
}

/** The action a 403 AuthorizationFailed names ("…does not have authorization to perform action 'X' over scope…"). */
export function refusedAction(failure: AzureFailure): string | undefined {
  return failure.status === 403 ? /perform action '([^']+)'/.exec(failure.message)?.[1] : undefined;
}
