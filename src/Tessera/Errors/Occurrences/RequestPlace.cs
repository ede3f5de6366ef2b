// SPDX-License-Identifier: Apache-2.0
namespace Tessera.Errors.Occurrences;

/// <summary>
/// Where in the API a request went, as an occurrence stores it: the route pattern (never the path, which may carry an
/// identity or flow id in its segments), the request id, and, for a self-service flow's routes, the flow's kind and id.
/// </summary>
internal static class RequestPlace
{
    private const int MaxRequestId = 64;
    private const string SelfService = "/self-service/";
    private static readonly string[] FlowKinds = ["login", "registration", "settings", "recovery", "verification", "logout"];

    /// <summary><c>POST /self-service/login</c>; a request no route matched is <c>GET (no route)</c>.</summary>
    public static string Endpoint(HttpContext context)
    {
        var pattern = (context.GetEndpoint() as RouteEndpoint)?.RoutePattern.RawText;
        if (string.IsNullOrEmpty(pattern))
        {
            return $"{context.Request.Method} (no route)";
        }

        return pattern.StartsWith('/') ? $"{context.Request.Method} {pattern}" : $"{context.Request.Method} /{pattern}";
    }

    public static string? RequestId(HttpContext context)
    {
        var id = context.TraceIdentifier;
        return string.IsNullOrEmpty(id) ? null : id.Length <= MaxRequestId ? id : id[..MaxRequestId];
    }

    /// <summary>The flow a self-service route names: its kind from the route, its id from <c>?flow=</c> or <c>?id=</c>.</summary>
    public static (string? Kind, Guid? Id) FlowOf(HttpContext context)
    {
        var pattern = (context.GetEndpoint() as RouteEndpoint)?.RoutePattern.RawText?.TrimStart('/');
        if (pattern is null || !pattern.StartsWith(SelfService[1..], StringComparison.Ordinal))
        {
            return (null, null);
        }

        var rest = pattern[(SelfService.Length - 1)..];
        var kind = FlowKinds.FirstOrDefault(k => rest == k || rest.StartsWith(k + "/", StringComparison.Ordinal));
        if (kind is null)
        {
            return (null, null);
        }

        var query = context.Request.Query;
        var text = query.TryGetValue("flow", out var flow) ? flow.ToString() : query.TryGetValue("id", out var id) ? id.ToString() : null;
        return (kind, Guid.TryParse(text, out var parsed) ? parsed : null);
    }
}
