// SPDX-License-Identifier: Apache-2.0
using Tessera.Errors;
using Tessera.Persistence;

namespace Tessera.Security.ApiKeys;

/// <summary>
/// Runs after routing and the surface guard: an endpoint carrying <see cref="AdminKeyRequiredMetadata"/> runs only
/// for a request with <c>Authorization: Bearer &lt;key&gt;</c> naming a usable key of a kind its class admits, when
/// keys are required (<see cref="AdminAccessPolicy"/>), and then serves the project the policy chose. It runs before
/// model binding, so an unauthenticated caller learns nothing from body or id validation.
/// </summary>
internal sealed class AdminKeyAuthenticationMiddleware(RequestDelegate next, ApiKeyService keys, AdminAccessPolicy policy, ErrorResponseWriter errors)
{
    private const string Scheme = "Bearer ";

    public async Task InvokeAsync(HttpContext context)
    {
        if (context.GetEndpoint()?.Metadata.GetMetadata<AdminKeyRequiredMetadata>() is not { } endpoint)
        {
            await next(context);
            return;
        }

        var presented = Bearer(context.Request);
        var caller = AdminCaller.Open;
        // A presented key is always checked, even while auth is off in auto mode: a client that sends one expects it to count.
        if (presented is null && await keys.AdminKeyRequiredAsync(context.RequestAborted))
        {
            // RFC 6750 section 3: no error code when the request carried no credentials at all.
            context.Response.Headers.WWWAuthenticate = "Bearer realm=\"tessera-admin\"";
            await errors.WriteAsync(context, new TesseraError(ErrorCatalog.ApiKeyMissing));
            return;
        }

        if (presented is not null)
        {
            var authenticated = await keys.AuthenticateAsync(presented, context, context.RequestAborted);
            if (!authenticated.Succeeded)
            {
                await RefuseAsync(context, authenticated.Error);
                return;
            }

            caller = new AdminCaller(authenticated.Value);
        }

        var decision = await policy.DecideAsync(caller, endpoint, context, context.RequestAborted);
        if (!decision.Succeeded)
        {
            await RefuseAsync(context, decision.Error);
            return;
        }

        caller.Attach(context);
        if (decision.Value is not { } project)
        {
            await next(context);
            return;
        }

        using (NetworkContext.Enter(project))
        {
            await next(context);
        }
    }

    private Task RefuseAsync(HttpContext context, TesseraError error)
    {
        if (error.Status == StatusCodes.Status401Unauthorized)
        {
            context.Response.Headers.WWWAuthenticate = "Bearer realm=\"tessera-admin\", error=\"invalid_token\"";
        }

        return errors.WriteAsync(context, error);
    }

    private static string? Bearer(HttpRequest request)
    {
        var authorization = request.Headers.Authorization.ToString();
        return authorization.StartsWith(Scheme, StringComparison.OrdinalIgnoreCase) && authorization.Length > Scheme.Length
            ? authorization[Scheme.Length..].Trim()
            : null;
    }
}
