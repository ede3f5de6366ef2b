// SPDX-License-Identifier: Apache-2.0
using Microsoft.AspNetCore.WebUtilities;

namespace Tessera.OAuth2.Authorization.Flows;

/// <summary>Where Hydra's accept and reject answers send the browser: the original URL plus the verifier.</summary>
internal static class FlowRedirects
{
    /// <summary><paramref name="url"/> with <paramref name="name"/> set to <paramref name="value"/> (replacing an earlier one).</summary>
    public static string WithParameter(string url, string name, string value)
    {
        var uri = new Uri(url);
        var query = QueryHelpers.ParseQuery(uri.Query);
        query.Remove(name);
        var rebuilt = uri.GetLeftPart(UriPartial.Path);
        foreach (var (key, values) in query)
        {
            foreach (var v in values)
            {
                rebuilt = QueryHelpers.AddQueryString(rebuilt, key, v ?? string.Empty);
            }
        }

        return QueryHelpers.AddQueryString(rebuilt, name, value);
    }
}
