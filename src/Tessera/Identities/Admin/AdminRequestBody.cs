// SPDX-License-Identifier: Apache-2.0
using System.Text.Json;
using System.Text.Json.Nodes;
using Tessera.Errors;

namespace Tessera.Identities.Admin;

/// <summary>
/// Reads an admin request's JSON body. A local step until the shared body parsing lands: anything that is not
/// JSON answers 400 <c>identity_request_malformed</c>, never a 500.
/// </summary>
internal static class AdminRequestBody
{
    public static async Task<(JsonNode? Body, ErrorResult? Error)> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        try
        {
            var body = await JsonNode.ParseAsync(request.Body, cancellationToken: cancellationToken);
            return body is null ? (null, Malformed("the body is empty")) : (body, null);
        }
        catch (JsonException e)
        {
            return (null, Malformed($"the body is not valid JSON: {e.Message}"));
        }
    }

    public static ErrorResult Malformed(string reason) =>
        new(new TesseraError(ErrorCatalog.IdentityRequestMalformed, Reason: $"The request is not a valid identity request: {reason}."));
}
