import { createContext, useContext } from "react";
import type { User } from "firebase/auth";
import type { Api } from "./lib/api";
import type { ClientConfig } from "./lib/config";
import type { Session } from "./lib/firebase";

/** What every page needs: the config, the Firebase session, the API client and the signed-in user. */
export interface AppContext {
  config: ClientConfig;
  session: Session;
  api: Api;
  user: User | null;
}

export const Ctx = createContext<AppContext | null>(null);

export function useApp(): AppContext {
  const value = useContext(Ctx);
  if (!value) throw new Error("useApp outside <App>");
  return value;
}
