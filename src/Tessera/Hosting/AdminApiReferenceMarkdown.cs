// SPDX-License-Identifier: Apache-2.0
using System.Reflection;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing.Patterns;

namespace Tessera.Hosting;

/// <summary>
/// Generates <c>docs/admin-api.md</c> from the endpoints the application maps (its EndpointDataSource): every API path
/// the admin listener answers, with its method and Kratos's operation name; what the OpenAPI document leaves out (the
/// operator console's HTML pages, docs/console.md) is left out here too. A test compares the committed file.
/// </summary>
internal static class AdminApiReferenceMarkdown
{
    private static readonly string[] MethodOrder = ["GET", "POST", "PUT", "PATCH", "DELETE"];

    public static string Generate(IEnumerable<Endpoint> endpoints)
    {
        var rows = endpoints.OfType<RouteEndpoint>()
            .Where(e => (e.Metadata.GetMetadata<SurfaceMetadata>()?.Surfaces ?? Surface.None).HasFlag(Surface.Admin))
            .Where(Documented)
            .SelectMany(e => (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["GET"])
                .Where(m => m != "HEAD")
                .Select(m => (Method: m, Path: Path(e.RoutePattern), Operation: Operation(e))))
            .Distinct()
            .OrderBy(r => r.Path, StringComparer.Ordinal)
            .ThenBy(r => Array.IndexOf(MethodOrder, r.Method) is var i and >= 0 ? i : MethodOrder.Length)
            .ToList();

        var md = new StringBuilder();
        md.Append("""
            # Admin API paths

            <!-- Generated from the application's endpoints by AdminApiReferenceMarkdown (TESSERA_UPDATE_DOCS=1 and the AdminApiReferenceTests test rewrite it). Do not edit. -->

            The admin API listens on `serve.admin.host`:`serve.admin.port` (default 127.0.0.1:4434). Once an admin API
            key exists (`tessera keys create`, `POST /admin/api-keys`) or `serve.admin.auth.required` is `true`, every
            path below needs `Authorization: Bearer <key>` (docs/security.md); health, version, schemas and error
            containers stay open. Paths, bodies and answers are Kratos's, Keto's for `/admin/relation-tuples` (their
            OpenAPI documents name each operation); errors are those of docs/errors.md.

            | method | path | operation |
            |---|---|---|

            """);
        foreach (var (method, path, operation) in rows)
        {
            md.Append("| ").Append(method).Append(" | `").Append(path).Append("` | ").Append(operation).Append(" |\n");
        }

        return md.ToString();
    }

    // What the OpenAPI document leaves out (the console's HTML pages) is no admin API path either; the document itself is one.
    private static bool Documented(RouteEndpoint endpoint) =>
        endpoint.Metadata.GetMetadata<IExcludeFromDescriptionMetadata>() is not { ExcludeFromDescription: true }
        || endpoint.RoutePattern.RawText == OpenApi.OpenApiRegistration.DocumentPath;

    // Route constraints ({id:guid}) are an implementation detail: the documented path is Kratos's ({id}).
    private static string Path(RoutePattern pattern) =>
        "/" + Regex.Replace((pattern.RawText ?? string.Empty).TrimStart('/'), @"\{(\w+):[^}]+\}", "{$1}");

    // Kratos's operations Tessera lacks are mapped only to answer 501: named as such, not by their placeholder handler.
    private static string Operation(RouteEndpoint endpoint) =>
        endpoint.Metadata.GetMetadata<Errors.NotImplemented.KratosOperationNotImplemented>() is { } lacking
            ? $"{lacking.OperationId} (501 feature_not_implemented)"
            : endpoint.Metadata.GetMetadata<IEndpointNameMetadata>()?.EndpointName ?? endpoint.Metadata.GetMetadata<MethodInfo>()?.Name ?? "";
}
