// SPDX-License-Identifier: Apache-2.0
using System.Text;
using System.Text.Json.Nodes;
using Tessera.Configuration;
using Tessera.Security.Cipher;
using Tessera.SelfService.Methods.Totp;

namespace Tessera.Tests.SelfService.Mfa;

public sealed class SecondFactorCryptoTests
{
    private static readonly byte[] Rfc6238Secret = Encoding.ASCII.GetBytes("12345678901234567890");

    [Theory]
    [InlineData(59L, "287082")]
    [InlineData(1111111109L, "081804")]
    [InlineData(1234567890L, "005924")]
    [InlineData(2000000000L, "279037")]
    public void TotpCode_Rfc6238Sha1Vectors_MatchTheLastSixDigits(long unixSeconds, string expected) =>
        TotpAlgorithm.Code(Rfc6238Secret, TotpAlgorithm.StepAt(DateTimeOffset.FromUnixTimeSeconds(unixSeconds))).ShouldBe(expected);

    [Fact]
    public void TotpVerify_AcceptsOneStepEitherSide_AndNeverAStepAlreadyUsed()
    {
        var now = DateTimeOffset.FromUnixTimeSeconds(1_700_000_010);
        var step = TotpAlgorithm.StepAt(now);

        TotpAlgorithm.Verify(Rfc6238Secret, TotpAlgorithm.Code(Rfc6238Secret, step - 1), now, -1).ShouldBe(step - 1);
        TotpAlgorithm.Verify(Rfc6238Secret, TotpAlgorithm.Code(Rfc6238Secret, step + 1), now, -1).ShouldBe(step + 1);
        TotpAlgorithm.Verify(Rfc6238Secret, TotpAlgorithm.Code(Rfc6238Secret, step + 2), now, -1).ShouldBeNull();
        TotpAlgorithm.Verify(Rfc6238Secret, TotpAlgorithm.Code(Rfc6238Secret, step), now, lastUsedStep: step).ShouldBeNull();
        TotpAlgorithm.Verify(Rfc6238Secret, "12a456", now, -1).ShouldBeNull();
    }

    [Fact]
    public void Base32_EncodesRfc4648Vectors() => Base32.Encode("foobar"u8).ShouldBe("MZXW6YTBOI");

    [Fact]
    public void SecretCipher_FirstKeyEncryptsAllKeysDecrypt_AndAnUnknownKeyOpensNothing()
    {
        var oldKey = Cipher("old-key-old-key-old-key-old-key-00");
        var sealedText = oldKey.EncryptText("secret");
        var rotated = Cipher("new-key-new-key-new-key-new-key-11", "old-key-old-key-old-key-old-key-00");
        var newOnly = Cipher("new-key-new-key-new-key-new-key-11");

        rotated.DecryptText(sealedText).ShouldBe("secret");
        newOnly.DecryptText(sealedText).ShouldBeNull();
        newOnly.DecryptText(rotated.EncryptText("fresh")).ShouldBe("fresh");
        sealedText.ShouldNotContain("secret");
    }

    [Fact]
    public void SecretCipher_ShortKey_IsAConfigurationError() =>
        Should.Throw<ConfigurationException>(() => Cipher("too short")).KeyPath.ShouldBe("secrets.cipher");

    private static SecretCipher Cipher(params string[] keys)
    {
        var config = new ConfigurationTree([], new Dictionary<string, string>());
        config.Set("secrets.cipher", new JsonArray(keys.Select(k => (JsonNode)JsonValue.Create(k)!).ToArray()));
        return SecretCipher.Bind(config);
    }
}
