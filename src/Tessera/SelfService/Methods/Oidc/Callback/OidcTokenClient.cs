// SPDX-License-Identifier: Apache-2.0
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Tessera.Errors;
using Tessera.Hosting.Outbound;

namespace Tessera.SelfService.Methods.Oidc.Callback;

/// <summary>
/// The back channel: the authorization code exchanged at the token endpoint (RFC 6749 §4.1.3, with the PKCE verifier
/// of RFC 7636 §4.5; the client authenticates with HTTP Basic, §2.3.1), and a plain OAuth2 provider's user info.
/// Through the guarded outbound client: redirects are never followed.
/// </summary>
internal sealed class OidcTokenClient(IHttpClientFactory clients)
{
    public Task<Result<OidcTokens>> ExchangeAsync(
        Uri tokenEndpoint, string clientId, string clientSecret, string code, Uri redirectUri, string verifier, CancellationToken cancellationToken) =>
        OidcProviderCall.RunAsync<OidcTokens>("token endpoint", async Task<Result<OidcTokens>> (timeout) =>
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, tokenEndpoint)
            {
                Content = new FormUrlEncodedContent(new Dictionary<string, string>
                {
                    ["grant_type"] = "authorization_code",
                    ["code"] = code,
                    ["redirect_uri"] = redirectUri.AbsoluteUri,
                    ["code_verifier"] = verifier,
                }),
            };
            var basic = $"{Uri.EscapeDataString(clientId)}:{Uri.EscapeDataString(clientSecret)}";
            request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(basic)));
            request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
            using var response = await Client().SendAsync(request, timeout);
            if (!response.IsSuccessStatusCode)
            {
                return ErrorCatalog.SocialSignInTokenExchangeRefused.With(new Dictionary<string, object?> { ["status_code"] = (int)response.StatusCode });
            }

            using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(timeout));
            var root = json.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("access_token", out var access) || access.ValueKind != JsonValueKind.String)
            {
                return ErrorCatalog.SocialSignInResponseInvalid.With(new Dictionary<string, object?> { ["endpoint"] = "token endpoint", ["problem"] = "no access_token" });
            }

            return new OidcTokens(access.GetString()!, Text(root, "id_token"), Text(root, "refresh_token"));
        }, cancellationToken);

    public Task<Result<JsonDocument>> UserInfoAsync(Uri endpoint, string accessToken, CancellationToken cancellationToken) =>
        OidcProviderCall.RunAsync<JsonDocument>("user info endpoint", async Task<Result<JsonDocument>> (timeout) =>
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, endpoint);
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
            request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
            using var response = await Client().SendAsync(request, timeout);
            if (!response.IsSuccessStatusCode)
            {
                return ErrorCatalog.SocialSignInResponseInvalid.With(new Dictionary<string, object?>
                {
                    ["endpoint"] = "user info endpoint", ["problem"] = $"it answered {(int)response.StatusCode}",
                });
            }

            return Result<JsonDocument>.Success(JsonDocument.Parse(await response.Content.ReadAsStringAsync(timeout)));
        }, cancellationToken);

    private HttpClient Client() => clients.CreateClient(OutboundHttpRegistration.ClientName);

    private static string? Text(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
