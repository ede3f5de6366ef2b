// SPDX-License-Identifier: Apache-2.0
using Tessera.Errors;
using Tessera.Hosting;
using Tessera.SelfService.Flows;
using Tessera.Sessions;

namespace Tessera.RateLimiting;

/// <summary>
/// The request-level buckets, applied before routing so no endpoint can forget them: every self-service submission
/// (<c>POST /self-service/...</c>) and every flow creation (<c>GET /self-service/&lt;flow&gt;/api|browser</c>) per client
/// address, and <c>GET /sessions/whoami</c> per session token (hashed).
/// A refused submission of a flow this browser owns is answered on the flow (<see cref="FlowRefusal"/>). Allowed and
/// refused answers carry the <c>RateLimit-*</c> fields (<see cref="RateLimitHeaders"/>).
/// </summary>
internal sealed class RateLimitMiddleware(
    RequestDelegate next, RateLimiter limiter, ClientAddress clientAddress, SessionManager sessions, FlowLookup flows, FlowRefusal refusal)
{
    private const string SelfServicePrefix = "/self-service/";

    public async Task InvokeAsync(HttpContext context)
    {
        if (!limiter.Enabled)
        {
            await next(context);
            return;
        }

        var request = context.Request;
        var path = request.Path.Value ?? string.Empty;
        if (!HttpMethods.IsGet(request.Method) && !HttpMethods.IsHead(request.Method) && path.StartsWith(SelfServicePrefix, StringComparison.OrdinalIgnoreCase))
        {
            var decision = await limiter.TryAcquireAsync(RateLimitBuckets.FlowSubmissions, AddressKey.Of(clientAddress.Of(context)), context.RequestAborted);
            RateLimitHeaders.Write(context.Response, decision);
            if (!decision.Allowed)
            {
                await (await RefusedSubmissionAsync(context, path, RateLimitErrors.Exceeded(decision))).ExecuteAsync(context);
                return;
            }
        }
        else if (HttpMethods.IsGet(request.Method) && IsFlowCreation(path))
        {
            var decision = await limiter.TryAcquireAsync(RateLimitBuckets.FlowCreations, AddressKey.Of(clientAddress.Of(context)), context.RequestAborted);
            RateLimitHeaders.Write(context.Response, decision);
            if (!decision.Allowed)
            {
                await new ErrorResult(RateLimitErrors.Exceeded(decision)).ExecuteAsync(context);
                return;
            }
        }
        else if (HttpMethods.IsGet(request.Method) && path.Equals("/sessions/whoami", StringComparison.OrdinalIgnoreCase)
            && sessions.TokenFrom(request) is { } token)
        {
            var decision = await limiter.TryAcquireAsync(RateLimitBuckets.Whoami, SessionToken.Hash(token), context.RequestAborted);
            RateLimitHeaders.Write(context.Response, decision);
            if (!decision.Allowed)
            {
                await new ErrorResult(RateLimitErrors.Exceeded(decision)).ExecuteAsync(context);
                return;
            }
        }

        await next(context);
    }

    // GET /self-service/<flow>/api and /browser (Kratos's createNative*/createBrowser* operations).
    private static bool IsFlowCreation(string path)
    {
        if (!path.StartsWith(SelfServicePrefix, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        var rest = path.AsSpan(SelfServicePrefix.Length).TrimEnd('/');
        var slash = rest.IndexOf('/');
        if (slash <= 0)
        {
            return false;
        }

        var channel = rest[(slash + 1)..];
        return channel.Equals("api", StringComparison.OrdinalIgnoreCase) || channel.Equals("browser", StringComparison.OrdinalIgnoreCase);
    }

    private async Task<IResult> RefusedSubmissionAsync(HttpContext context, string path, TesseraError error)
    {
        var segment = path[SelfServicePrefix.Length..].TrimEnd('/');
        if (!Enum.TryParse<FlowKind>(segment, ignoreCase: true, out var kind) || !Enum.IsDefined(kind) || segment.Any(char.IsDigit))
        {
            return new ErrorResult(error);
        }

        var found = await flows.FindAsync(context.Request.Query["flow"], kind, context.RequestAborted);
        if (!found.Succeeded || !flows.BelongsToBrowser(found.Value, context.Request))
        {
            return new ErrorResult(error);
        }

        return await refusal.RefuseAsync(context, found.Value, error, RateLimitErrors.OnFlow(error), context.RequestAborted);
    }
}
