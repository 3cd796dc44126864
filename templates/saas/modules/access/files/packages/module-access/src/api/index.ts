export { accessRoutes, type AccessDeps } from "./accessRoutes.js";
export { requireRole, requireUser, type AccessVariables } from "./requireUser.js";
export { hashPassword, verifyPassword } from "./passwords.js";
