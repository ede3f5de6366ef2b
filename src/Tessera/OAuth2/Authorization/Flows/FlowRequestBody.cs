// SPDX-License-Identifier: Apache-2.0
using System.Text.Json;
using Tessera.Errors;
using Tessera.Hosting.RequestBodies;

namespace Tessera.OAuth2.Authorization.Flows;

/// <summary>Reads an accept or reject body (JSON; an empty body is an empty object, as Hydra's SDK may send none).</summary>
internal static class FlowRequestBody
{
    public static async Task<Result<T>> ReadAsync<T>(HttpRequest request, CancellationToken cancellationToken)
        where T : new()
    {
        if (request.ContentLength is 0 || (request.ContentLength is null && string.IsNullOrEmpty(request.ContentType)))
        {
            return new T();
        }

        var body = await RequestBodyReader.ReadObjectAsync(request, allowForm: false, cancellationToken);
        if (!body.Succeeded)
        {
            return body.Error;
        }

        try
        {
            return body.Value.Deserialize<T>(AuthorizationFlow.Json) ?? new T();
        }
        catch (JsonException e)
        {
            return ErrorCatalog.OAuth2HandleRequestInvalid.With(new Dictionary<string, object?>
            {
                ["problem"] = $"The request body is not valid at {e.Path ?? "$"}.",
            });
        }
    }
}
