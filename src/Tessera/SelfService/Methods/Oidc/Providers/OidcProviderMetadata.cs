// SPDX-License-Identifier: Apache-2.0
using System.Collections.Concurrent;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Tessera.Errors;
using Tessera.Hosting.Outbound;
using Tessera.SelfService.Methods.Oidc.Callback;

namespace Tessera.SelfService.Methods.Oidc.Providers;

/// <summary>
/// Each OpenID Connect provider's discovery document and JWKS, fetched at its first sign-in (never at start-up) through
/// the guarded outbound client, then cached by Microsoft.IdentityModel's <see cref="ConfigurationManager{T}"/> for
/// <see cref="CacheLifetime"/>. <see cref="RefreshAsync"/> fetches again at most every <see cref="RefreshFloor"/>: an
/// ID token signed by a key the cache does not know yet (the provider rotated its keys) is checked once more.
/// <see cref="EndpointAsync"/> resolves one of the provider's endpoints: the configured URL, else the discovered one.
/// Cached by issuer, not provider id: two projects may give the same id to different providers (issue 21).
/// </summary>
internal sealed class OidcProviderMetadata(IHttpClientFactory clients)
{
    public static readonly TimeSpan CacheLifetime = TimeSpan.FromHours(1);
    public static readonly TimeSpan RefreshFloor = TimeSpan.FromSeconds(1);
    private readonly ConcurrentDictionary<string, ConfigurationManager<OpenIdConnectConfiguration>> _managers = new(StringComparer.Ordinal);

    public Task<OpenIdConnectConfiguration> GetAsync(OidcProvider provider, CancellationToken cancellationToken) =>
        Manager(provider).GetConfigurationAsync(cancellationToken);

    /// <summary>
    /// The <paramref name="configured"/> endpoint, else the one the discovery document names in <paramref name="field"/>
    /// (e.g. <c>token_endpoint</c>, read by <paramref name="discovered"/>); a document without it is unusable.
    /// </summary>
    public async Task<Result<Uri>> EndpointAsync(
        OidcProvider provider, Uri? configured, string field, Func<OpenIdConnectConfiguration, string?> discovered, CancellationToken cancellationToken)
    {
        if (configured is not null)
        {
            return configured;
        }

        var document = await OidcProviderCall.RunAsync<OpenIdConnectConfiguration>("discovery document",
            async timeout => await GetAsync(provider, timeout), cancellationToken);
        if (!document.Succeeded)
        {
            return document.Error;
        }

        return Uri.TryCreate(discovered(document.Value), UriKind.Absolute, out var url)
            ? url
            : OidcFailures.Unusable("discovery document", $"{field}_missing", $"it has no {field}");
    }

    public async Task<OpenIdConnectConfiguration> RefreshAsync(OidcProvider provider, CancellationToken cancellationToken)
    {
        var manager = Manager(provider);
        manager.RequestRefresh();
        return await manager.GetConfigurationAsync(cancellationToken);
    }

    private ConfigurationManager<OpenIdConnectConfiguration> Manager(OidcProvider provider) => _managers.GetOrAdd(provider.IssuerUrl!.AbsoluteUri.TrimEnd('/'), issuer =>
    {
        // Kratos allows http issuers (a provider on the operator's own network); the private-address rule still applies.
        var retriever = new HttpDocumentRetriever(clients.CreateClient(OutboundHttpRegistration.ClientName)) { RequireHttps = false };
        return new ConfigurationManager<OpenIdConnectConfiguration>($"{issuer}/.well-known/openid-configuration", new OpenIdConnectConfigurationRetriever(), retriever)
        {
            AutomaticRefreshInterval = CacheLifetime,
            RefreshInterval = RefreshFloor,
        };
    });
}
