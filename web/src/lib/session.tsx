/** The logged-in user, for pages that default to the user's own region. */
import { createContext, useContext } from 'react';
import type { Session } from '../types.js';

export const SessionContext = createContext<Session | null>(null);

export function useSession(): Session {
  const s = useContext(SessionContext);
  if (!s) throw new Error('not logged in');
  return s;
}
