// SPDX-License-Identifier: Apache-2.0
namespace Tessera.Errors;

/// <summary>Errors of the error containers themselves (<c>GET /self-service/errors?id=</c>).</summary>
internal static partial class ErrorCatalog
{
    public static readonly ErrorDescriptor SelfServiceErrorNotFound = new(
        "self_service_error_not_found", 404,
        "The error could not be found.",
        "The requested error does not exist or has expired.",
        "The `id` does not name a stored error of this project: it is malformed, was never issued, or is older than `selfservice.flows.error.lifespan` (default 720h) and was removed.",
        "Error pages should show a generic message when the error is gone. Operators who need errors for longer can raise `selfservice.flows.error.lifespan`.",
        "The error UI cannot load an error: 404 from /self-service/errors");

    public static readonly ErrorDescriptor SelfServiceErrorForbidden = new(
        "self_service_error_forbidden", 403,
        "Access to this error was denied.",
        "This error belongs to another browser.",
        "`selfservice.flows.error.bind_to_browser` is on and the request fetching the error does not carry the CSRF cookie of the browser that met it: the error link was opened in another browser, cookies were cleared, or someone else is trying to read it.",
        "Open the error link in the browser where the error happened. Error UIs that fetch errors server-side must forward the browser's cookies, or use the admin API, which is not bound to a browser.",
        "The error UI cannot load an error: 403 from /self-service/errors");
}
