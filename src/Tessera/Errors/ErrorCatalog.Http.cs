// SPDX-License-Identifier: Apache-2.0
namespace Tessera.Errors;

/// <summary>Errors of the HTTP layer itself: routes, methods, bodies, and the generic server failures.</summary>
internal static partial class ErrorCatalog
{
    public static readonly ErrorDescriptor NotFound = new(
        "not_found", 404,
        "The requested resource could not be found.",
        "No resource exists at this path, or the id does not name one.",
        "The path is not one Tessera serves on this listener, or the id in it does not exist (admin paths answer only on the admin port, public paths only on the public port).",
        "Check the path and the port (public 4433, admin 4434 by default) against the API reference, and the id against what the API returned.");

    public static readonly ErrorDescriptor MethodNotAllowed = new(
        "method_not_allowed", 405,
        "The request method is not supported for this resource.",
        "This path does not accept the method that was used.",
        "The path exists but not with this HTTP method.",
        "Use one of the methods listed in the Allow header.");

    public static readonly ErrorDescriptor InternalServerError = new(
        "internal_server_error", 500,
        "An internal server error occurred, please contact the system administrator.",
        "Tessera met an unexpected condition while handling the request.",
        "A bug or an infrastructure fault (database, disk) interrupted the request. The server log has the details under the request id.",
        "Retry once. If it persists, search the server log for the request id and report it.");

    public static readonly ErrorDescriptor ServiceUnavailable = new(
        "service_unavailable", 503,
        "The service is temporarily unavailable.",
        "Tessera cannot serve this request right now.",
        "A dependency the request needs (usually the database) is unreachable or overloaded.",
        "Retry with back-off. Operators: check /health/ready and the database.");
}
