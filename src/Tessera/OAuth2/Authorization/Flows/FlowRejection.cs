// SPDX-License-Identifier: Apache-2.0
namespace Tessera.OAuth2.Authorization.Flows;

/// <summary>
/// Hydra's <c>rejectOAuth2Request</c>: what the login or consent app says went wrong, sent on to the client as an
/// RFC 6749 error when the verifier is redeemed. <c>error</c> defaults to <c>request_denied</c>, the status to 400.
/// </summary>
internal sealed record FlowRejection
{
    public string Error { get; init; } = "request_denied";

    public string? ErrorDescription { get; init; }

    public string? ErrorHint { get; init; }

    public string? ErrorDebug { get; init; }

    public long StatusCode { get; init; } = 400;
}
