// SPDX-License-Identifier: Apache-2.0
namespace Tessera.Logging;

/// <summary>
/// A recipient as info logs may show it: the first character of the local part and the domain
/// (<c>j***@example.com</c>). Enough to follow a delivery, not enough to harvest addresses from shipped logs.
/// Passed to a log call as is: the mask is computed only when the line is written.
/// </summary>
internal readonly record struct RecipientMask(string? Recipient)
{
    public override string ToString() => Mask(Recipient);

    public static string Mask(string? recipient)
    {
        if (string.IsNullOrEmpty(recipient))
        {
            return string.Empty;
        }

        var at = recipient.LastIndexOf('@');
        return at switch
        {
            < 0 => recipient.Length <= 2 ? "***" : $"{recipient[0]}***{recipient[^1]}",
            0 => "***" + recipient[at..],
            _ => $"{recipient[0]}***{recipient[at..]}",
        };
    }
}
