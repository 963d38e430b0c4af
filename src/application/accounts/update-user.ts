// Changing an account: its role and binding, its password, or whether it may sign in. The last administrator
// who may sign in can be neither demoted nor disabled, so the mechanism always has someone to manage it.
import { TruceError } from "../../errors.js";
import type { UserAccount, UserChanges } from "../../ports/accounts.js";
import type { Repositories } from "../../ports/store.js";
import { checkBinding, checkPassword, checkRole } from "./account-rules.js";
import type { AccountsDeps } from "./accounts-deps.js";

export interface UserUpdate {
  readonly role?: string;
  /** With a role change, the new binding; alone, a new binding for the same role. */
  readonly party?: string | null;
  readonly guarantor?: string | null;
  readonly password?: string;
  readonly disabled?: boolean;
}

const noSuchAccount = (id: string): TruceError =>
  new TruceError("TRUCE_E_NOT_FOUND", `no account has the id ${id}`, { subject: id });

/** The account by id or (case-insensitive) username; TRUCE_E_NOT_FOUND when there is none. */
export async function findUser(repositories: Repositories, idOrUsername: string): Promise<UserAccount> {
  const user =
    (await repositories.users.get(idOrUsername)) ?? (await repositories.users.byUsername(idOrUsername));
  if (user === null) {
    throw new TruceError("TRUCE_E_NOT_FOUND", `no account is named ${idOrUsername}`, {
      subject: idOrUsername,
    });
  }
  return user;
}

/**
 * Applies the changes together, or none of them. A new password or a disabled account ends the account's
 * sessions; its API tokens stop working while it is disabled.
 */
export async function updateUser(deps: AccountsDeps, id: string, update: UserUpdate): Promise<UserAccount> {
  const passwordHash =
    update.password === undefined ? undefined : await deps.hasher.hash(checkPassword(update.password));
  return deps.store.transaction(async (tx) => {
    const user = await tx.users.get(id);
    if (user === null) throw noSuchAccount(id);
    const at = deps.now();
    const changes: { -readonly [K in keyof UserChanges]: UserChanges[K] } = { updatedAt: at };

    const rebinding =
      update.role !== undefined || update.party !== undefined || update.guarantor !== undefined;
    if (rebinding) {
      const role = update.role === undefined ? user.role : checkRole(update.role);
      const keep = role === user.role;
      const binding = checkBinding(
        role,
        {
          party: update.party !== undefined ? update.party : keep ? user.party : null,
          guarantor: update.guarantor !== undefined ? update.guarantor : keep ? user.guarantor : null,
        },
        deps.agreements,
      );
      Object.assign(changes, { role, ...binding });
    }
    if (passwordHash !== undefined) changes.passwordHash = passwordHash;
    if (update.disabled !== undefined && update.disabled !== (user.disabledAt !== null)) {
      changes.disabledAt = update.disabled ? at : null;
    }

    const stopsAdministering =
      user.role === "admin" &&
      user.disabledAt === null &&
      ((changes.role !== undefined && changes.role !== "admin") || typeof changes.disabledAt === "string");
    if (stopsAdministering && (await tx.users.countActiveAdmins()) <= 1) {
      throw new TruceError(
        "TRUCE_E_LAST_ADMIN",
        `${user.username} is the last administrator who may sign in: make another administrator first`,
        { subject: user.id },
      );
    }

    const updated = await tx.users.update(id, changes);
    if (updated === null) throw noSuchAccount(id);
    if (passwordHash !== undefined || typeof changes.disabledAt === "string") {
      await tx.sessions.revokeAllOf(id, at);
    }
    return updated;
  });
}
