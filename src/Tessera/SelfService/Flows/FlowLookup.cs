// SPDX-License-Identifier: Apache-2.0
using Tessera.Errors;
using Tessera.Security.Csrf;

namespace Tessera.SelfService.Flows;

/// <summary>
/// Finds the flow a request names (<c>?id=</c> when fetching, <c>?flow=</c> when submitting). A malformed, unknown
/// or other-kind id is "not found"; a browser flow fetched by a browser without its CSRF cookie is refused, since
/// the flow carries that browser's CSRF token.
/// </summary>
internal sealed class FlowLookup(FlowStore store, CsrfCookie csrfCookie)
{
    public async Task<Result<Flow>> FindAsync(string? id, FlowKind kind, CancellationToken cancellationToken = default)
    {
        if (!Guid.TryParse(id, out var flowId))
        {
            return NotFound(kind);
        }

        var flow = await store.FindAsync(flowId, kind, cancellationToken);
        return flow is null ? NotFound(kind) : flow;
    }

    public bool BelongsToBrowser(Flow flow, HttpRequest request)
    {
        if (flow.Type != FlowType.Browser || flow.DangerousSkipCsrfCheck)
        {
            return true;
        }

        var cookie = csrfCookie.Read(request);
        return cookie is not null && System.Security.Cryptography.CryptographicOperations.FixedTimeEquals(
            System.Text.Encoding.UTF8.GetBytes(cookie), System.Text.Encoding.UTF8.GetBytes(flow.CsrfToken));
    }

    private static TesseraError NotFound(FlowKind kind) =>
        new(ErrorCatalog.SelfServiceFlowNotFound) { Context = new Dictionary<string, object?> { ["flow"] = FlowNames.Of(kind) } };
}
