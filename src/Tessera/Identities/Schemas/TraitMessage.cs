// SPDX-License-Identifier: Apache-2.0
using Tessera.Ui.Messages;

namespace Tessera.Identities.Schemas;

/// <summary>
/// One validation message for one trait: <see cref="Pointer"/> as Kratos reports it (<c>#/traits/email</c>),
/// <see cref="Name"/> the form field a UI node carries (<c>traits.email</c>), and the 4000xxx message.
/// </summary>
internal sealed record TraitMessage(string Pointer, string Name, UiText Message);
