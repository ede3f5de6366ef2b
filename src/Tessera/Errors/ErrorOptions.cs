// SPDX-License-Identifier: Apache-2.0
using Tessera.Configuration;

namespace Tessera.Errors;

/// <summary>
/// <c>selfservice.flows.error.*</c>: where browsers are sent to see an error (<c>ui_url</c>, the built-in page when
/// unset), how long error containers are kept (<c>lifespan</c>), and whether only the browser that met an error may
/// read it (<c>bind_to_browser</c>).
/// </summary>
internal sealed record ErrorOptions(Uri? UiUrl, TimeSpan Lifespan, bool BindToBrowser)
{
    public const string BuiltInUiPath = "/ui/error";

    public static readonly TimeSpan DefaultLifespan = TimeSpan.FromHours(720);

    public static ErrorOptions Bind(ConfigurationTree config) => new(
        config.GetUri("selfservice.flows.error.ui_url"),
        config.GetDuration("selfservice.flows.error.lifespan", DefaultLifespan, TimeSpan.FromMinutes(1)),
        config.GetBool("selfservice.flows.error.bind_to_browser", false));

    /// <summary>The error UI address for one container: <c>ui_url?id=...</c> (other query parameters kept).</summary>
    public string UiLocation(Guid containerId)
    {
        var query = $"id={containerId:D}";
        if (UiUrl is null)
        {
            return $"{BuiltInUiPath}?{query}";
        }

        var builder = new UriBuilder(UiUrl);
        builder.Query = builder.Query.Length > 1 ? $"{builder.Query[1..]}&{query}" : query;
        return builder.Uri.AbsoluteUri;
    }
}
