// SPDX-License-Identifier: Apache-2.0
namespace Tessera.Errors.Rendering;

/// <summary>The forms an error takes on the wire (DESIGN.md, "The error system").</summary>
internal enum ErrorFormat
{
    /// <summary>Kratos's JSON envelope: API clients and every JSON request.</summary>
    Envelope,

    /// <summary>RFC 9457 problem details, for clients that ask for <c>application/problem+json</c>.</summary>
    ProblemJson,

    /// <summary>An error container and a 303 to the error UI: browsers navigating outside a recoverable flow.</summary>
    ErrorUiRedirect,

    /// <summary>Hydra's <c>errorOAuth2</c> (plus the catalog id): every error under Hydra's admin paths, as its SDK reads them.</summary>
    HydraOAuth2,
}
