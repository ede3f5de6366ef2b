// SPDX-License-Identifier: Apache-2.0
using Tessera.SelfService.Hooks;

namespace Tessera.OAuth2.TokenHooks;

/// <summary>What one token hook call came to: the outcome the execution log records (its error, when the token
/// request must fail) and the claims it asked for.</summary>
internal sealed record TokenHookDecision(HookOutcome Outcome, TokenHookClaims Claims);
