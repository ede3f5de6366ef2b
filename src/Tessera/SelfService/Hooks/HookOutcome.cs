// SPDX-License-Identifier: Apache-2.0
using Tessera.Errors;

namespace Tessera.SelfService.Hooks;

/// <summary>The decision about one hook call: its kind, and what the flow needs to act on it.</summary>
internal sealed record HookOutcome(HookOutcomeKind Kind, TesseraError? Error = null, IReadOnlyList<HookMessage>? Messages = null, IdentityPatch? Patch = null, string? Problem = null)
{
    public static readonly HookOutcome Proceed = new(HookOutcomeKind.Succeeded);

    public bool StopsFlow => Kind is HookOutcomeKind.Refused or HookOutcomeKind.Aborted;
}
