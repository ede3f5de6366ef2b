// SPDX-License-Identifier: Apache-2.0
using Tessera.Identities;
using Tessera.Ui.Messages;

namespace Tessera.SelfService.Methods.Password;

/// <summary>The identity the password proved, or the message the flow shows (on the form, never saying which part was wrong).</summary>
internal sealed record PasswordLoginResult(Identity? Identity, UiText? Message);
