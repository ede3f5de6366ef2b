// SPDX-License-Identifier: Apache-2.0
using System.Security.Cryptography;
using System.Text;
using Tessera.Hosting;

namespace Tessera.SelfService.Methods.Oidc;

/// <summary>
/// The browser half of the <c>state</c> binding (see <see cref="OidcSignInState"/>): an HttpOnly cookie holding the
/// state, sent back by the browser on the provider's top-level redirect (SameSite=Lax allows that navigation).
/// </summary>
internal sealed class OidcStateCookie(CookieSettings cookies)
{
    public const string Name = "tessera_oidc_state";

    public void Set(HttpContext context, string state, DateTimeOffset expires)
    {
        var options = cookies.ToCookieOptions(expires);
        options.Path = "/";
        context.Response.Cookies.Append(Name, state, options);
    }

    public bool Holds(HttpContext context, string state) =>
        context.Request.Cookies.TryGetValue(Name, out var held)
        && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(held), Encoding.UTF8.GetBytes(state));

    public void Clear(HttpContext context)
    {
        var options = cookies.ToCookieOptions(null);
        options.Path = "/";
        context.Response.Cookies.Delete(Name, options);
    }
}
