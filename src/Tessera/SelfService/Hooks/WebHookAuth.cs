// SPDX-License-Identifier: Apache-2.0
using System.Net.Http.Headers;
using System.Text;

namespace Tessera.SelfService.Hooks;

/// <summary>
/// <c>config.auth</c>: <c>api_key</c> (a header or a cookie named <see cref="Name"/>) or <c>basic_auth</c>. The
/// secrets go on the outgoing request only, never into the execution log or the server log.
/// </summary>
internal sealed record WebHookAuth(string Type, string Name, string Value, string? In)
{
    public const string ApiKey = "api_key";
    public const string BasicAuth = "basic_auth";

    public void Apply(HttpRequestMessage request)
    {
        if (Type == BasicAuth)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{Name}:{Value}")));
        }
        else if (In == "cookie")
        {
            request.Headers.Add("Cookie", $"{Name}={Value}");
        }
        else
        {
            request.Headers.TryAddWithoutValidation(Name, Value);
        }
    }
}
