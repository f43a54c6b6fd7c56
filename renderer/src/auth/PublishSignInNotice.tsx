import { useSignInRequirement } from './useSignInRequirement.ts';

/** The sign-in rule where publishing happens: nothing when publishing is allowed. */
export function PublishSignInNotice() {
  const { allowed, reason } = useSignInRequirement();
  if (allowed || !reason) return null;
  return (
    <p className="sign-in-requirement" role="note" aria-label="Sign-in required to publish">
      <strong>Publishing:</strong> {reason}
    </p>
  );
}
