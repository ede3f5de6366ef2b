// SPDX-License-Identifier: Apache-2.0
using Tessera.Errors;

namespace Tessera.Security.ApiKeys;

/// <summary>
/// Runs after routing and the surface guard: an endpoint carrying <see cref="AdminKeyRequiredMetadata"/> runs only
/// for a request with <c>Authorization: Bearer &lt;admin key&gt;</c> naming a usable key, when keys are required.
/// It runs before model binding, so an unauthenticated caller learns nothing from body or id validation.
/// </summary>
internal sealed class AdminKeyAuthenticationMiddleware(RequestDelegate next, ApiKeyService keys, ErrorResponseWriter errors)
{
    private const string Scheme = "Bearer ";

    public async Task InvokeAsync(HttpContext context)
    {
        if (context.GetEndpoint()?.Metadata.GetMetadata<AdminKeyRequiredMetadata>() is null)
        {
            await next(context);
            return;
        }

        var presented = Bearer(context.Request);
        // A presented key is always checked, even while auth is off in auto mode: a client that sends one expects it to count.
        if (presented is null && !await keys.AdminKeyRequiredAsync(context.RequestAborted))
        {
            await next(context);
            return;
        }

        if (presented is null)
        {
            // RFC 6750 section 3: no error code when the request carried no credentials at all.
            context.Response.Headers.WWWAuthenticate = "Bearer realm=\"tessera-admin\"";
            await errors.WriteAsync(context, new TesseraError(ErrorCatalog.ApiKeyMissing));
            return;
        }

        var result = await keys.AuthenticateAsync(ApiKeyKind.Admin, presented, context, context.RequestAborted);
        if (!result.Succeeded)
        {
            context.Response.Headers.WWWAuthenticate = "Bearer realm=\"tessera-admin\", error=\"invalid_token\"";
            await errors.WriteAsync(context, result.Error);
            return;
        }

        await next(context);
    }

    private static string? Bearer(HttpRequest request)
    {
        var authorization = request.Headers.Authorization.ToString();
        return authorization.StartsWith(Scheme, StringComparison.OrdinalIgnoreCase) && authorization.Length > Scheme.Length
            ? authorization[Scheme.Length..].Trim()
            : null;
    }
}
