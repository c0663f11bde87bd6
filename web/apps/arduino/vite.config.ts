import { appConfig } from "../../vite.app-config.ts";

export default appConfig("arduino");
