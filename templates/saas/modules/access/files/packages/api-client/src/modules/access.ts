import type {
  LoginInput,
  MeResponse,
  SessionResponse,
  SignupInput,
  UserListResponse,
  UserResponse,
} from "@{{ project.name }}/shared-types";
import type { HttpClient } from "../httpClient.js";

/** Endpoints of the access module (`/api/access`). Login and signup keep the token in the client's store. */
export interface AccessApi {
  signup(input: SignupInput): Promise<SessionResponse>;
  login(input: LoginInput): Promise<SessionResponse>;
  logout(): Promise<void>;
  me(): Promise<MeResponse>;
  listUsers(): Promise<UserListResponse>;
  /** Admins only: replaces the user's roles. */
  setRoles(userId: string, roles: string[]): Promise<UserResponse>;
}

export function createAccessApi(http: HttpClient): AccessApi {
  const keep = (session: SessionResponse) => {
    http.tokens?.set(session.token);
    return session;
  };
  return {
    signup: (input) => http.request<SessionResponse>("POST", "/api/access/signup", input).then(keep),
    login: (input) => http.request<SessionResponse>("POST", "/api/access/login", input).then(keep),
    logout: async () => {
      try {
        await http.request<void>("POST", "/api/access/logout");
      } finally {
        http.tokens?.set(null);
      }
    },
    me: () => http.request<MeResponse>("GET", "/api/access/me"),
    listUsers: () => http.request<UserListResponse>("GET", "/api/access/users"),
    setRoles: (userId, roles) =>
      http.request<UserResponse>("PUT", `/api/access/users/${encodeURIComponent(userId)}/roles`, { roles }),
  };
}
