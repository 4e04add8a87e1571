import type { TPermission } from '../access/permissions';

/**
 * Every route under /api/v1 declares who may call it (deny by default, architecture rule 4):
 * - 'public': anyone, signed in or not;
 * - 'authenticated': any signed-in user;
 * - { permission }: a signed-in user whose roles grant the permission.
 * A route without a declaration makes `buildApp` throw at start-up.
 */
export type TRouteAccess = 'public' | 'authenticated' | { permission: TPermission };

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: TRouteAccess;
    /**
     * Reachable by an agency user who has not enrolled the required TOTP second factor yet (issue #9):
     * only the routes that let them enrol or leave. Every other route answers 403
     * `totp_enrolment_required` to such a session.
     */
    allowWithoutSecondFactor?: boolean;
  }
}
