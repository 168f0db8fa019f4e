/**
 * Who did something, by name. The API records writers by user id (`createdBy`, `changedBy`); the
 * names the caller may know are their own and those of their organisation's accounts
 * (GET /organisations/:id). Anyone else is "another user": a person should never have to read a
 * UUID, and the API does not hand out names outside the caller's scope.
 */
import { useCallback } from 'react';
import type { OrganisationDetail } from '../api/contracts.ts';
import { useApi } from '../api/use-api.ts';
import { useT } from '../i18n/index.tsx';
import { useSession } from './session.tsx';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function usePersonName(): (userId: string | null | undefined) => string {
  const t = useT();
  const { user } = useSession();
  const org = useApi<OrganisationDetail>(user?.organisationId ? `/organisations/${encodeURIComponent(user.organisationId)}` : null);
  const members = org.data?.members;
  return useCallback(
    (userId) => {
      if (!userId) return '—';
      if (!UUID.test(userId)) return userId; // already a name
      if (userId === user?.id) return user.displayName;
      return members?.find((m) => m.userId === userId)?.displayName ?? t('common.otherUser');
    },
    [members, user, t],
  );
}
