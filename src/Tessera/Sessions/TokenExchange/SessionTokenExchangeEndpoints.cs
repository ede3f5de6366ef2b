// SPDX-License-Identifier: Apache-2.0
using Tessera.Errors;
using Tessera.Hosting;
using Tessera.Hosting.QueryParameters;

namespace Tessera.Sessions.TokenExchange;

/// <summary>
/// Public API, Kratos's exchangeSessionToken:
/// GET /sessions/token-exchange?init_code=...&amp;return_to_code=...   the native app's session and token, once
/// </summary>
internal static class SessionTokenExchangeEndpoints
{
    public static IEndpointRouteBuilder MapSessionTokenExchangeEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPublicApi().MapGet("/sessions/token-exchange", ExchangeSessionToken);
        return endpoints;
    }

    private static async Task<IResult> ExchangeSessionToken(HttpContext context, SessionTokenExchange exchange, CancellationToken cancellationToken)
    {
        var query = context.Request.Query;
        foreach (var name in new[] { "init_code", "return_to_code" })
        {
            if (string.IsNullOrEmpty(query[name].ToString()))
            {
                return new ErrorResult(QueryParameterReader.Invalid(name, "must be set (with init_code and return_to_code together)"));
            }
        }

        var result = await exchange.ExchangeAsync(query["init_code"].ToString(), query["return_to_code"].ToString(), cancellationToken);
        return result.Succeeded ? TypedResults.Ok(result.Value) : new ErrorResult(result.Error);
    }
}
