// The accounts' shapes in the API (and so in the OpenAPI document).
import { z } from "zod";
import { accountRoles } from "../../ports/accounts.js";

/** The signed-in account as the browser sees it. */
export const userBody = z
  .object({
    id: z.string(),
    username: z.string(),
    role: z.enum(accountRoles),
    party: z.string().nullable().describe("The party a party account speaks for"),
    guarantor: z.string().nullable().describe("The guarantor state a guarantor account speaks for"),
  })
  .meta({ id: "User" });

export const sessionBody = z
  .object({
    user: userBody.nullable().describe("Null when nobody is signed in"),
    role: z.enum(["admin", "guarantor", "party", "observer", "public"]),
    csrfToken: z
      .string()
      .nullable()
      .describe("Send as the x-csrf-token header with every change made with the session cookie"),
  })
  .meta({ id: "Session" });

export const loginBody = z
  .object({
    username: z.string().min(1).max(128),
    password: z.string().min(1).max(1024),
  })
  .meta({ id: "Credentials" });

export const signedInBody = z.object({ user: userBody, csrfToken: z.string() }).meta({ id: "SignedIn" });

export const accountBody = z
  .object({
    id: z.string(),
    username: z.string(),
    role: z.enum(accountRoles),
    party: z.string().nullable(),
    guarantor: z.string().nullable(),
    disabled: z.boolean(),
    createdAt: z.string(),
  })
  .meta({ id: "Account" });

export const accountListBody = z.object({ items: z.array(accountBody) }).meta({ id: "AccountList" });

const binding = {
  party: z
    .string()
    .min(1)
    .max(64)
    .nullable()
    .optional()
    .describe("For the party role: the party (e.g. SY-GOV)"),
  guarantor: z
    .string()
    .min(1)
    .max(64)
    .nullable()
    .optional()
    .describe("For the guarantor role: the guarantor state (e.g. RU)"),
};

export const newAccountBody = z
  .object({
    username: z.string().min(1).max(128),
    password: z.string().min(1).max(1024),
    role: z.enum(accountRoles),
    ...binding,
  })
  .meta({ id: "NewAccount" });

export const accountChangesBody = z
  .object({
    role: z.enum(accountRoles).optional(),
    ...binding,
    password: z.string().min(1).max(1024).optional(),
    disabled: z.boolean().optional(),
  })
  .refine((changes) => Object.values(changes).some((v) => v !== undefined), {
    error: "name at least one change: role, party, guarantor, password or disabled",
  })
  .meta({ id: "AccountChanges" });

export const tokenBody = z
  .object({
    id: z.string(),
    name: z.string(),
    createdAt: z.string(),
    lastUsedAt: z.string().nullable(),
    revokedAt: z.string().nullable(),
  })
  .meta({ id: "ApiToken" });

export const tokenListBody = z.object({ items: z.array(tokenBody) }).meta({ id: "ApiTokenList" });

export const newTokenBody = z
  .object({ name: z.string().min(1).max(100).describe("What the token is for") })
  .meta({ id: "NewApiToken" });

export const createdTokenBody = z
  .object({
    token: tokenBody,
    secret: z.string().describe("Send as `Authorization: Bearer <secret>`; shown this once, never again"),
  })
  .meta({ id: "CreatedApiToken" });
