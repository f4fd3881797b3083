export const ROLES = ['caseworker', 'supervisor', 'admin'] as const;
export type Role = (typeof ROLES)[number];

/** Roles that work cases inside one office (admins are city-wide and have no office). */
export const OFFICE_ROLES: readonly Role[] = ['caseworker', 'supervisor'];
