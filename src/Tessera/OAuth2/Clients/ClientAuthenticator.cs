// SPDX-License-Identifier: Apache-2.0
using OpenIddict.Abstractions;
using Tessera.Errors;

namespace Tessera.OAuth2.Clients;

/// <summary>
/// Authenticates the client of a token (or revocation) request by the method it used: HTTP Basic
/// (client_secret_basic), the secret in the form (client_secret_post), a signed assertion (private_key_jwt), or
/// nothing (none, public clients). A client that used another method than the one it is registered for gets a
/// 401 naming the registered one (seed row C3).
/// </summary>
internal sealed class ClientAuthenticator(ClientCache clients, ClientSecretHasher hasher)
{
    public async Task<Result<OAuth2Client>> AuthenticateAsync(HttpRequest http, OpenIddictRequest request, CancellationToken cancellationToken)
    {
        var used = MethodUsed(http, request);
        var clientId = request.ClientId;
        if (string.IsNullOrEmpty(clientId))
        {
            return ErrorCatalog.OAuth2InvalidClient;
        }

        var client = await clients.FindAsync(clientId, cancellationToken);
        if (client is null)
        {
            // Don't reveal whether the client exists: an unknown client costs and answers what a wrong secret does.
            hasher.Verify(clientId, request.ClientSecret ?? string.Empty, storedHash: null);
            return ErrorCatalog.OAuth2InvalidClient;
        }

        if (client.TokenEndpointAuthMethod != used)
        {
            return OAuth2Errors.Of(ErrorCatalog.OAuth2ClientMethodMismatch, ("registered", client.TokenEndpointAuthMethod), ("used", used));
        }

        return used switch
        {
            ClientAuthMethods.None => client,
            ClientAuthMethods.ClientSecretBasic or ClientAuthMethods.ClientSecretPost
                when hasher.Verify(client.ClientId, request.ClientSecret ?? string.Empty, client.SecretHash) => client,
            _ => ErrorCatalog.OAuth2InvalidClient,
        };
    }

    /// <summary>The method the request used, read from where the credentials were (RFC 6749 section 2.3).</summary>
    public static string MethodUsed(HttpRequest http, OpenIddictRequest request)
    {
        if (http.Headers.Authorization.ToString().StartsWith("Basic ", StringComparison.OrdinalIgnoreCase))
        {
            return ClientAuthMethods.ClientSecretBasic;
        }

        if (!string.IsNullOrEmpty(request.ClientAssertion))
        {
            return ClientAuthMethods.PrivateKeyJwt;
        }

        return string.IsNullOrEmpty(request.ClientSecret) ? ClientAuthMethods.None : ClientAuthMethods.ClientSecretPost;
    }
}
