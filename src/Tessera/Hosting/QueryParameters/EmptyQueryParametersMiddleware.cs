// SPDX-License-Identifier: Apache-2.0
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Primitives;

namespace Tessera.Hosting.QueryParameters;

/// <summary>
/// Kratos reads an empty query parameter as an absent one, and Ory's UIs rely on it: they build flow URLs with every
/// optional parameter present and empty (<c>?aal=&amp;refresh=&amp;return_to=</c>). Runs after routing, so every
/// endpoint sees its query without empty values, except those marked <see cref="KeepEmptyQueryParametersMetadata"/>
/// (Keto's permission API, where an empty value has its own meaning). The raw query string is left as sent, so a
/// flow's <c>request_url</c> still shows what the client asked for.
/// </summary>
internal sealed class EmptyQueryParametersMiddleware(RequestDelegate next)
{
    public Task InvokeAsync(HttpContext context)
    {
        var query = context.Request.Query;
        if (query.Count > 0 && HasEmptyValue(query)
            && context.GetEndpoint()?.Metadata.GetMetadata<KeepEmptyQueryParametersMetadata>() is null)
        {
            context.Features.Set<IQueryFeature>(new QueryFeature(WithoutEmptyValues(query)));
        }

        return next(context);
    }

    private static bool HasEmptyValue(IQueryCollection query) =>
        query.Any(parameter => parameter.Value.Any(string.IsNullOrEmpty));

    private static QueryCollection WithoutEmptyValues(IQueryCollection query)
    {
        var kept = new Dictionary<string, StringValues>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, values) in query)
        {
            var present = values.Where(value => !string.IsNullOrEmpty(value)).ToArray();
            if (present.Length > 0)
            {
                kept[name] = new StringValues(present);
            }
        }

        return new QueryCollection(kept);
    }
}
