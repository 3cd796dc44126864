export { kbRoutes, type KbDeps } from "./kbRoutes.js";
