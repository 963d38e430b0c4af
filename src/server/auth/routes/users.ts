// Accounts, managed by administrators.
import { z } from "zod";
import { accountView } from "../../../application/accounts/account-view.js";
import { createUser } from "../../../application/accounts/create-user.js";
import { updateUser } from "../../../application/accounts/update-user.js";
import { route } from "../../route.js";
import type { AuthServices } from "../auth-services.js";
import { accountBody, accountChangesBody, accountListBody, newAccountBody } from "../schemas.js";

const userParams = z.object({ id: z.string().min(1).max(100).describe("The account's id") });

export function userRoutes(auth: AuthServices) {
  return {
    "users.list": route({
      response: accountListBody,
      handler: async () => ({ items: (await auth.deps.store.users.list()).map(accountView) }),
    }),

    "users.create": route({
      body: newAccountBody,
      response: accountBody,
      status: 201,
      description:
        "A party account names one of the agreement's parties, a guarantor account one of its guarantor states; the password needs at least 12 characters.",
      handler: async ({ body }) => accountView(await createUser(auth.deps, body)),
    }),

    "users.update": route({
      params: userParams,
      body: accountChangesBody,
      response: accountBody,
      description:
        "A new password or disabling ends the account's sessions; a disabled account's API tokens stop working. The last administrator who may sign in can be neither demoted nor disabled (409).",
      handler: async ({ params, body }) => accountView(await updateUser(auth.deps, params.id, body)),
    }),
  };
}
