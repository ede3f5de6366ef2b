// SPDX-License-Identifier: Apache-2.0
using PhoneNumbers;

namespace Tessera.Identities;

/// <summary>
/// Phone numbers as identifiers and addresses (<c>format: tel</c>, <c>via: sms</c>): written in international form
/// (<c>+49 170 1234567</c>, <c>+1 (415) 555-0100</c>) and kept in E.164 (<c>+491701234567</c>), so every way of
/// writing one number is one identifier. As Kratos, a number needs its country code: without a leading <c>+</c>
/// there is no region to read it in.
/// </summary>
internal static class PhoneNumberNormalizer
{
    private static readonly PhoneNumberUtil Numbers = PhoneNumberUtil.GetInstance();

    /// <summary>The number in E.164 when <paramref name="value"/> is a valid international phone number.</summary>
    public static bool TryNormalize(string value, out string e164)
    {
        e164 = string.Empty;
        var text = value.Trim();

        // Only digits and the separators people write between them: "+1-800-FLOWERS" or an e-mail address with a
        // leading "+" are not numbers here, whatever a lenient parser would make of them.
        if (text.Length is < 2 or > 40 || text[0] != '+' || !text.Skip(1).All(c => char.IsAsciiDigit(c) || c is ' ' or '-' or '.' or '(' or ')' or '/'))
        {
            return false;
        }

        try
        {
            var number = Numbers.Parse(text, null);
            if (!Numbers.IsValidNumber(number))
            {
                return false;
            }

            e164 = Numbers.Format(number, PhoneNumberFormat.E164);
            return true;
        }
        catch (NumberParseException)
        {
            return false;
        }
    }
}
