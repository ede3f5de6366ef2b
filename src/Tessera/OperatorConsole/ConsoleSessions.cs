// SPDX-License-Identifier: Apache-2.0
using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using Tessera.Errors;
using Tessera.Security.ApiKeys;

namespace Tessera.OperatorConsole;

/// <summary>
/// The console's sign-in. A browser cannot send <c>Authorization: Bearer</c>, so the operator pastes an admin key
/// once (checked exactly as the admin API checks it) and gets a random token in a cookie: HttpOnly (no script reads
/// it), SameSite=Strict (no other site's page or form sends it), Secure when the request came over https, path
/// <c>/console</c>, and it ends after <see cref="Lifespan"/>. The database keeps only the token's SHA-256, and the
/// session stays tied to its key: revoking or expiring the key ends it on the next request. While admin auth is off
/// the sign-in needs no key (and the session ends once keys become required).
/// </summary>
internal sealed class ConsoleSessions(ConsoleSessionStore store, ApiKeyService keys, ApiKeyStore keyStore, TimeProvider clock)
{
    public const string CookieName = "tessera_console";
    public const string CookiePath = "/console";

    /// <summary>Short: a console session is a loaded admin key in a browser. Sign in again after an hour.</summary>
    public static readonly TimeSpan Lifespan = TimeSpan.FromHours(1);

    private const int TokenLength = 43;

    public async Task<Result<ConsoleSession>> SignInAsync(HttpContext context, string? presentedKey, CancellationToken cancellationToken)
    {
        Guid? keyId = null;
        if (!string.IsNullOrWhiteSpace(presentedKey))
        {
            var authenticated = await keys.AuthenticateAsync(ApiKeyKind.Admin, presentedKey.Trim(), context, cancellationToken);
            if (!authenticated.Succeeded)
            {
                return authenticated.Error with { Reason = "The admin key pasted into the console sign-in is unknown, revoked, expired, or not an admin key." };
            }

            keyId = authenticated.Value.Id;
        }
        else if (await keys.AdminKeyRequiredAsync(cancellationToken))
        {
            return new TesseraError(ErrorCatalog.ApiKeyMissing, Reason: "The console sign-in was submitted without an admin key, and the admin listener requires one.");
        }

        var token = Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));
        var now = clock.GetUtcNow();
        var session = new ConsoleSession(Guid.NewGuid(), keyId, now + Lifespan, CsrfTokenOf(token));
        await store.InsertAsync(session.Id, Hash(token), keyId, now, session.ExpiresAt, cancellationToken);
        context.Response.Cookies.Append(CookieName, token, CookieOptions(context, session.ExpiresAt));
        return session;
    }

    /// <summary>The request's console session, or null: no cookie, unknown or expired, or its key no longer admits it.</summary>
    public async Task<ConsoleSession?> FindAsync(HttpContext context, CancellationToken cancellationToken)
    {
        if (!context.Request.Cookies.TryGetValue(CookieName, out var token) || token is not { Length: TokenLength } || !Base64Url.IsValid(token))
        {
            return null;
        }

        var hash = Hash(token);
        var now = clock.GetUtcNow();
        var row = await store.FindAsync(hash, now, cancellationToken);
        if (row is null || !CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(hash), Encoding.ASCII.GetBytes(row.TokenHash)))
        {
            return null;
        }

        var admitted = row.ApiKeyId is { } keyId
            ? await keyStore.FindAsync(keyStore.AdminOwner, keyId, cancellationToken) is { } key && key.IsUsableAt(now)
            : !await keys.AdminKeyRequiredAsync(cancellationToken);
        return admitted ? new ConsoleSession(row.Id, row.ApiKeyId, row.ExpiresAt, CsrfTokenOf(token)) : null;
    }

    public async Task SignOutAsync(HttpContext context, ConsoleSession session, CancellationToken cancellationToken)
    {
        await store.DeleteAsync(session.Id, cancellationToken);
        context.Response.Cookies.Delete(CookieName, CookieOptions(context, null));
    }

    /// <summary>Whether a submitted form's token is this session's, in constant time.</summary>
    public static bool CsrfTokenMatches(ConsoleSession session, string? submitted) =>
        submitted is not null
        && CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(submitted), Encoding.ASCII.GetBytes(session.CsrfToken));

    private static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.ASCII.GetBytes(token)));

    // Another derivation than the stored hash: reading the table does not yield a form token.
    private static string CsrfTokenOf(string token) =>
        Base64Url.EncodeToString(SHA256.HashData(Encoding.ASCII.GetBytes("tessera/console-csrf/v1\n" + token)));

    private static CookieOptions CookieOptions(HttpContext context, DateTimeOffset? expires) => new()
    {
        Path = CookiePath,
        HttpOnly = true,
        SameSite = SameSiteMode.Strict,
        Secure = context.Request.IsHttps,
        Expires = expires,
        IsEssential = true,
    };
}
