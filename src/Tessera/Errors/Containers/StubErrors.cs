// SPDX-License-Identifier: Apache-2.0
namespace Tessera.Errors.Containers;

/// <summary>
/// Canned errors for UI authors: <c>GET /self-service/errors?id=stub:500</c> and the other statuses an error page
/// should be ready for, each a real catalog entry with a stub reason.
/// </summary>
internal static class StubErrors
{
    public const string Prefix = "stub:";
    public const string Reason = "This is a stub error.";

    private static readonly Dictionary<string, ErrorDescriptor> ByStatus = new(StringComparer.Ordinal)
    {
        ["400"] = ErrorCatalog.MalformedRequest,
        ["403"] = ErrorCatalog.SecurityCsrfViolation,
        ["404"] = ErrorCatalog.NotFound,
        ["410"] = ErrorCatalog.SelfServiceFlowExpired,
        ["422"] = ErrorCatalog.BrowserLocationChangeRequired,
        ["429"] = ErrorCatalog.RateLimitExceeded,
        ["500"] = ErrorCatalog.InternalServerError,
        ["502"] = ErrorCatalog.UpstreamError,
        ["503"] = ErrorCatalog.ServiceUnavailable,
    };

    public static IReadOnlyCollection<string> Ids => ByStatus.Keys.Select(k => Prefix + k).ToList();

    public static TesseraError? Find(string id) =>
        id.StartsWith(Prefix, StringComparison.Ordinal) && ByStatus.TryGetValue(id[Prefix.Length..], out var descriptor)
            ? new TesseraError(descriptor, Reason)
            : null;
}
