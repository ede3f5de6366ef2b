// SPDX-License-Identifier: Apache-2.0
using Microsoft.IdentityModel.Tokens;
using Tessera.Hosting.Outbound;

namespace Tessera.OAuth2.Clients;

/// <summary>
/// The public keys a <c>private_key_jwt</c> client signs its assertions with: its registered <c>jwks</c>, or the set
/// at its <c>jwks_uri</c>, fetched through the guarded outbound client the web hooks use (private ranges refused when
/// <c>clients.http.disallow_private_ip_ranges</c> is on) within <see cref="FetchTimeout"/>. Nothing is cached: a client
/// that rotates its keys is heard at once.
/// </summary>
internal sealed class ClientJwks(IHttpClientFactory clients)
{
    public static readonly TimeSpan FetchTimeout = TimeSpan.FromSeconds(5);
    private const int MaxBytes = 64 * 1024;

    public async Task<IReadOnlyList<SecurityKey>> KeysAsync(OAuth2Client client, CancellationToken cancellationToken)
    {
        try
        {
            var json = client.Jwks is { } inline ? inline.ToJsonString() : await FetchAsync(client.JwksUri, cancellationToken);
            return json is null ? [] : new JsonWebKeySet(json).GetSigningKeys().ToList();
        }
        catch (ArgumentException)
        {
            return []; // a malformed set: no key verifies
        }
    }

    private async Task<string?> FetchAsync(string? uri, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(uri))
        {
            return null;
        }

        using var budget = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        budget.CancelAfter(FetchTimeout);
        try
        {
            using var response = await clients.CreateClient(OutboundHttpRegistration.ClientName)
                .GetAsync(uri, HttpCompletionOption.ResponseHeadersRead, budget.Token);
            if (!response.IsSuccessStatusCode || response.Content.Headers.ContentLength > MaxBytes)
            {
                return null;
            }

            var body = await response.Content.ReadAsStringAsync(budget.Token);
            return body.Length > MaxBytes ? null : body;
        }
        catch (Exception e) when (e is HttpRequestException or OperationCanceledException && !cancellationToken.IsCancellationRequested)
        {
            return null;
        }
    }
}
