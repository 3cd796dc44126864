/** A user as the access module's API returns it (never the password hash). */
export interface AccessUser {
  id: string;
  email: string;
  displayName: string;
  roles: string[];
  createdAt: string;
}

export interface SignupInput {
  email: string;
  password: string;
  displayName?: string;
}

export interface LoginInput {
  email: string;
  password: string;
}

/** Answer of signup and login: the user and a bearer token for `Authorization`. */
export interface SessionResponse {
  user: AccessUser;
  token: string;
  expiresAt: string;
}

export interface MeResponse {
  user: AccessUser;
}

export interface UserListResponse {
  users: AccessUser[];
}

export interface UserResponse {
  user: AccessUser;
}

export interface SetRolesInput {
  roles: string[];
}
