// SPDX-License-Identifier: Apache-2.0
using Tessera.Errors;
using Tessera.Sessions;
using Tessera.Ui.Messages;

namespace Tessera.SelfService.Flows.Login;

/// <summary>
/// A completed second factor (the raised session and its token), a message for a field of the form, a bare error, or a
/// refusal answered on the flow (<see cref="Throttled"/>: too many codes checked for the identity).
/// </summary>
internal sealed record SecondFactorResult(
    (SessionResponse Session, string Token)? Raised, string? Field, UiText? Message, TesseraError? Error, TesseraError? Throttled = null);
