// SPDX-License-Identifier: Apache-2.0
namespace Tessera.Errors.NotImplemented;

/// <summary>An operation of Kratos's API that Tessera does not implement yet, and the feature to name in the 501.</summary>
internal sealed record KratosOperationNotImplemented(string Method, string Path, string OperationId, string Feature)
{
    /// <summary>Kratos's admin operations live under <c>/admin</c>; everything else is on the public API.</summary>
    public bool IsAdmin => Path.StartsWith("/admin/", StringComparison.Ordinal);

    /// <summary>
    /// Kratos's operations Tessera does not map: each answers 501 <c>feature_not_implemented</c> rather than a 404 that
    /// reads like a wrong URL. A test keeps this list equal to Kratos's operations minus the ones Tessera maps, so an
    /// operation that gets implemented must leave it.
    /// </summary>
    public static IReadOnlyList<KratosOperationNotImplemented> All { get; } =
    [
        new("GET", "/.well-known/change-password", "getWellKnownChangePassword", "the change-password well-known redirect"),
        new("GET", "/admin/identities/by/external/{externalID}", "getIdentityByExternalID", "look-up of identities by external id"),
        new("POST", "/admin/sessions", "manageSessions", "creating and managing sessions through the admin API"),
        new("POST", "/admin/test-login-flows", "createTestLoginFlow", "test login flows"),
        new("DELETE", "/self-service/login/test", "deleteTestLoginFlow", "test login flows"),
        new("GET", "/self-service/fed-cm/parameters", "createFedcmFlow", "FedCM sign-in"),
        new("POST", "/self-service/fed-cm/token", "updateFedcmFlow", "FedCM sign-in"),
    ];
}
