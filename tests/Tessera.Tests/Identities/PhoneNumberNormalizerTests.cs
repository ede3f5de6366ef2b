// SPDX-License-Identifier: Apache-2.0
using Tessera.Identities;

namespace Tessera.Tests.Identities;

public sealed class PhoneNumberNormalizerTests
{
    [Theory]
    [InlineData("+49 170 1234567", "+491701234567")]
    [InlineData("+491701234567", "+491701234567")]
    [InlineData(" +49 (170) 123-4567 ", "+491701234567")]
    [InlineData("+1 415 555 2671", "+14155552671")]
    public void Normalize_AnInternationalNumber_IsE164(string written, string e164)
    {
        PhoneNumberNormalizer.TryNormalize(written, out var normalized).ShouldBeTrue();
        normalized.ShouldBe(e164);
        IdentifierNormalizer.Normalize(written).ShouldBe(e164);
    }

    [Theory]
    [InlineData("0170 1234567")]          // no country code: no region to read it in
    [InlineData("+49 123")]               // too short to be a number
    [InlineData("+1-800-FLOWERS")]        // letters
    [InlineData("+ann@example.com")]
    [InlineData("")]
    public void Normalize_SomethingElse_IsNotAPhoneNumber(string value) => PhoneNumberNormalizer.TryNormalize(value, out _).ShouldBeFalse();

    [Fact]
    public void IdentifierNormalizer_OtherIdentifiers_AreStillTrimmedAndLowerCased() =>
        IdentifierNormalizer.Normalize(" Ann+Tag@Example.COM ").ShouldBe("ann+tag@example.com");
}
