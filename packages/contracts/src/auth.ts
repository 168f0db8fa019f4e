import { z } from 'zod';

export const RoleName = z.enum(['farmer', 'coop_manager', 'coop_recorder', 'commune_officer', 'province_officer', 'verifier', 'enterprise', 'admin']);
export type RoleName = z.infer<typeof RoleName>;

export const LoginBody = z.object({
  login: z.string().trim().min(3, 'Enter a phone number or an e-mail address').max(200),
  password: z.string().min(1, 'Enter your password').max(200),
});
export type LoginBody = z.infer<typeof LoginBody>;

export const UserResponse = z.object({
  id: z.uuid(),
  displayName: z.string(),
  role: RoleName,
  organisationId: z.uuid().nullable(),
  householdId: z.uuid().nullable(),
  adminUnitCode: z.string().nullable(),
  locale: z.enum(['vi', 'en']),
});
export type UserResponse = z.infer<typeof UserResponse>;
export const SessionResponse = z.object({ user: UserResponse });

export const PhoneNumber = z.string().trim().regex(/^\+?[0-9]{9,15}$/, 'A phone number has 9 to 15 digits');

export const CreateUserBody = z
  .object({
    displayName: z.string().trim().min(1).max(200),
    phone: PhoneNumber.optional(),
    email: z.email().optional(),
    password: z.string().min(10, 'A password has at least 10 characters').max(200),
    role: RoleName,
    organisationId: z.uuid().optional(),
    householdId: z.uuid().optional(),
    adminUnitCode: z.string().regex(/^[0-9]{2,5}$/).optional(),
  })
  .refine((u) => u.phone || u.email, { message: 'Give a phone number or an e-mail address', path: ['phone'] });
export type CreateUserBody = z.infer<typeof CreateUserBody>;

export const CreateApiTokenBody = z.object({
  name: z.string().trim().min(1).max(120),
  scopes: z.array(z.string().regex(/^[a-z-]+:[a-z-]+$/)).min(1),
  expiresInDays: z.number().int().min(1).max(3650).optional(),
});
export const ApiTokenResponse = z.object({
  id: z.uuid(),
  name: z.string(),
  prefix: z.string(),
  scopes: z.array(z.string()),
  createdAt: z.string(),
  expiresAt: z.string().nullable(),
  lastUsedAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
});
export const CreatedApiTokenResponse = ApiTokenResponse.extend({ token: z.string() });
