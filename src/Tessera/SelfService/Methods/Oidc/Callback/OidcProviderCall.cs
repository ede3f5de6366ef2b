// SPDX-License-Identifier: Apache-2.0
using System.Text.Json;
using Tessera.Errors;

namespace Tessera.SelfService.Methods.Oidc.Callback;

/// <summary>
/// One call to a provider, bounded by <see cref="Timeout"/>, with what can go wrong turned into catalog errors:
/// unreachable (502), too slow (504), an answer that is not the JSON the protocol requires (502).
/// </summary>
internal static class OidcProviderCall
{
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    public static async Task<Result<T>> RunAsync<T>(string endpoint, Func<CancellationToken, Task<Result<T>>> call, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(Timeout);
        try
        {
            return await call(timeout.Token);
        }
        catch (Exception e) when (Timed(e) && !cancellationToken.IsCancellationRequested)
        {
            return ErrorCatalog.SocialSignInProviderTimeout.With(new Dictionary<string, object?> { ["endpoint"] = endpoint, ["timeout"] = $"{Timeout.TotalSeconds}s" });
        }
        catch (Exception e) when (Unreachable(e))
        {
            return ErrorCatalog.SocialSignInProviderUnavailable.With(new Dictionary<string, object?> { ["endpoint"] = endpoint }) with { Debug = e.Message };
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or ArgumentException)
        {
            // Microsoft.IdentityModel reports a discovery document or JWKS it cannot read as InvalidOperationException.
            return ErrorCatalog.SocialSignInResponseInvalid.With(new Dictionary<string, object?> { ["endpoint"] = endpoint, ["problem"] = "not the expected JSON" })
                with { Debug = e.Message };
        }
    }

    private static bool Timed(Exception e) => Chain(e).Any(x => x is OperationCanceledException or TimeoutException);

    private static bool Unreachable(Exception e) => Chain(e).Any(x => x is HttpRequestException or IOException);

    private static IEnumerable<Exception> Chain(Exception e)
    {
        for (var x = e; x is not null; x = x.InnerException)
        {
            yield return x;
        }
    }
}
