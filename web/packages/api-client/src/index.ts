export {
  ApiClient,
  readCookie,
  type ApiClientOptions,
  type FetchFunction,
  type HttpMethod,
} from "./client";
export { ApiError, type ApiErrorDetail } from "./errors";
export { AuthApi, type User } from "./auth";
