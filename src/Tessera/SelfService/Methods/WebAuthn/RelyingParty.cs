// SPDX-License-Identifier: Apache-2.0
using Tessera.Configuration;

namespace Tessera.SelfService.Methods.WebAuthn;

/// <summary>
/// A method's WebAuthn relying party (<c>selfservice.methods.{passkey,webauthn}.config.rp</c>): its id (a domain the
/// browser's page is on), the name authenticators show, and the exact origins whose ceremonies it accepts. Without
/// <c>origins</c> (or webauthn's deprecated <c>origin</c>) the one origin is the id with the public URL's scheme, as
/// Kratos defaults it.
/// </summary>
internal sealed record RelyingParty(string Id, string DisplayName, IReadOnlyList<string> Origins)
{
    public static RelyingParty Bind(ConfigurationTree config, string rpKey)
    {
        var id = config.GetString(rpKey + ".id");
        var displayName = config.GetString(rpKey + ".display_name");
        if (string.IsNullOrWhiteSpace(id))
        {
            throw new ConfigurationException(rpKey + ".id", "is required when the method is enabled (the domain the sign-in pages are on, e.g. localhost)");
        }

        if (string.IsNullOrWhiteSpace(displayName))
        {
            throw new ConfigurationException(rpKey + ".display_name", "is required when the method is enabled");
        }

        var origins = config.GetStringList(rpKey + ".origins").ToList();
        if (origins.Count == 0 && config.GetString(rpKey + ".origin") is { Length: > 0 } origin)
        {
            origins.Add(origin);
        }

        if (origins.Count == 0)
        {
            var scheme = config.GetUri("serve.public.base_url")?.Scheme ?? Uri.UriSchemeHttps;
            origins.Add($"{scheme}://{id}");
        }

        foreach (var value in origins)
        {
            if (!Uri.TryCreate(value, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
            {
                throw new ConfigurationException(rpKey + ".origins", $"'{value}' is not an http(s) origin");
            }
        }

        // Browsers put the origin without a trailing slash into clientDataJSON; compare like with like.
        return new RelyingParty(id, displayName, origins.Select(o => o.TrimEnd('/')).ToList());
    }
}
