// The signed-in account's API tokens, for scripts.
import { z } from "zod";
import { createApiToken, listApiTokens, revokeApiToken } from "../../../application/accounts/api-tokens.js";
import { route } from "../../route.js";
import { type AuthServices, accountOf } from "../auth-services.js";
import { createdTokenBody, newTokenBody, tokenBody, tokenListBody } from "../schemas.js";

const tokenParams = z.object({ id: z.string().min(1).max(100).describe("The API token's id") });

export function tokenRoutes(auth: AuthServices) {
  return {
    "tokens.list": route({
      response: tokenListBody,
      handler: async ({ request }) => ({
        items: await listApiTokens(auth.deps.store, accountOf(request).id),
      }),
    }),

    "tokens.create": route({
      body: newTokenBody,
      response: createdTokenBody,
      status: 201,
      handler: async ({ body, request }) => createApiToken(auth.deps, accountOf(request), body.name),
    }),

    "tokens.revoke": route({
      params: tokenParams,
      response: tokenBody,
      handler: async ({ params, request }) => revokeApiToken(auth.deps, accountOf(request).id, params.id),
    }),
  };
}
