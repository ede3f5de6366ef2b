// SPDX-License-Identifier: Apache-2.0
using System.Net.Mail;
using Tessera.Identities;
using Tessera.Ui.Messages;

namespace Tessera.SelfService.Methods.Code;

/// <summary>
/// Checks the address a recovery or verification form asks a code for: one e-mail address, at most 320 characters,
/// or (where the flow can text a code, <paramref name="allowPhone"/>) an international phone number.
/// </summary>
internal static class CodeAddress
{
    /// <summary>The message for a missing or malformed address, or null when it is one e-mail address.</summary>
    public static UiText? Problem(string? email, bool allowPhone = false)
    {
        if (string.IsNullOrWhiteSpace(email))
        {
            return UiMessages.ValidationRequired.With(new Dictionary<string, object?> { ["property"] = CodeFormNodes.Email });
        }

        var trimmed = email.Trim();
        if (allowPhone && PhoneNumberNormalizer.TryNormalize(trimmed, out _))
        {
            return null;
        }

        return trimmed.Length <= 320 && MailAddress.TryCreate(trimmed, out var parsed) && parsed.Address == trimmed
            ? null
            : UiMessages.ValidationGeneric.With(new Dictionary<string, object?> { ["reason"] = $"\"{(trimmed.Length > 64 ? trimmed[..64] : trimmed)}\" is not valid \"email\"" });
    }
}
