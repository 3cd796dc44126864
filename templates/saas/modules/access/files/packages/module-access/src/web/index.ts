export { AccessPage } from "./AccessPage.js";
