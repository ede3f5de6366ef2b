// SPDX-License-Identifier: Apache-2.0
using Tessera.Errors;
using Tessera.Identities;

namespace Tessera.SelfService.Flows.Settings;

/// <summary>
/// What a method's submission came to: saved (the identity as it is now), the form again with the messages the
/// method put on it (and the status to answer with), a re-authentication needed first, or a bare error.
/// </summary>
internal sealed record SettingsOutcome
{
    private SettingsOutcome()
    {
    }

    public Identity? Saved { get; private init; }

    public int? RerenderStatus { get; private init; }

    public bool NeedsRefresh { get; private init; }

    public TesseraError? Error { get; private init; }

    /// <summary>An answer the method gives itself (social sign-in's link sends the browser to the provider).</summary>
    public IResult? Answer { get; private init; }

    public static SettingsOutcome Success(Identity identity) => new() { Saved = identity };

    public static SettingsOutcome Rerender(int status = StatusCodes.Status400BadRequest) => new() { RerenderStatus = status };

    public static SettingsOutcome RefreshRequired { get; } = new() { NeedsRefresh = true };

    public static SettingsOutcome Failed(TesseraError error) => new() { Error = error };

    public static SettingsOutcome Answered(IResult answer) => new() { Answer = answer };
}
