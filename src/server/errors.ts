// HTTP errors as values: routes throw these, the error handler turns them into JSON
// `{ error, message }` with the status code. Nothing else ever reaches the client.
export class HttpError extends Error {
  constructor(
    readonly statusCode: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = "HttpError";
  }
}

export const badRequest = (msg: string) => new HttpError(400, "bad_request", msg);
export const notFound = (msg: string) => new HttpError(404, "not_found", msg);
export const unauthorized = (msg: string) => new HttpError(401, "unauthorized", msg);
export const forbidden = (msg: string) => new HttpError(403, "forbidden", msg);
