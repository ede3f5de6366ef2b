// SPDX-License-Identifier: Apache-2.0
using System.Text.Json.Nodes;
using Tessera.Errors;
using Tessera.Hosting.RequestBodies;

namespace Tessera.Identities.Admin;

/// <summary>
/// Reads an admin request's JSON body through the shared reader (415 for other content types, 400
/// <c>malformed_request</c> for broken JSON), and words identity-specific shape errors as
/// <c>identity_request_malformed</c>.
/// </summary>
internal static class AdminRequestBody
{
    public static async Task<(JsonNode? Body, ErrorResult? Error)> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var body = await RequestBodyReader.ReadJsonNodeAsync(request, cancellationToken);
        return body.Succeeded ? (body.Value, null) : (null, new ErrorResult(body.Error));
    }

    /// <summary>A body whose root must be an object: another root (<c>false</c>, <c>"a"</c>, <c>[]</c>) is a 400 <c>malformed_request</c>.</summary>
    public static async Task<(JsonObject? Body, ErrorResult? Error)> ReadObjectAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var body = await RequestBodyReader.ReadObjectAsync(request, allowForm: false, cancellationToken);
        return body.Succeeded ? (body.Value, null) : (null, new ErrorResult(body.Error));
    }

    public static ErrorResult Malformed(string reason) =>
        new(new TesseraError(ErrorCatalog.IdentityRequestMalformed, Reason: $"The request is not a valid identity request: {reason}."));
}
