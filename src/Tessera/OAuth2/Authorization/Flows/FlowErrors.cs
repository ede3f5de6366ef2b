// SPDX-License-Identifier: Apache-2.0
using Tessera.Errors;

namespace Tessera.OAuth2.Authorization.Flows;

/// <summary>The catalog errors of the login, consent and logout request API, with their context filled in.</summary>
internal static class FlowErrors
{
    public static TesseraError ChallengeMissing(ChallengeKind kind) =>
        ErrorCatalog.OAuth2ChallengeMissing.With(new Dictionary<string, object?> { ["parameter"] = kind.ChallengeParameter });

    public static TesseraError NotFound(ChallengeKind kind) =>
        ErrorCatalog.OAuth2RequestNotFound.With(new Dictionary<string, object?> { ["kind"] = kind.Name });

    public static TesseraError Handled(ChallengeKind kind) =>
        ErrorCatalog.OAuth2RequestHandled.With(new Dictionary<string, object?> { ["kind"] = kind.Name });

    public static TesseraError Expired(ChallengeKind kind) =>
        ErrorCatalog.OAuth2RequestExpired.With(new Dictionary<string, object?> { ["kind"] = kind.Name });

    public static TesseraError Invalid(string problem) =>
        ErrorCatalog.OAuth2HandleRequestInvalid.With(new Dictionary<string, object?> { ["problem"] = problem });
}
