export { KbPage } from "./KbPage.js";
