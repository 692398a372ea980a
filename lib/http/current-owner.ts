/**
 * Who is asking. There are no accounts yet: every request acts as the default local user (which also
 * starts the runtime on first use). This is the one place that decides it, so sign-in changes only this.
 */
import { getLocalUser } from "../runtime";

export function currentOwner(): Promise<{ id: string; name: string }> {
  return getLocalUser();
}
