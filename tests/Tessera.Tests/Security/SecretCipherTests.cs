// SPDX-License-Identifier: Apache-2.0
using System.Text.Json.Nodes;
using Tessera.Configuration;
using Tessera.Security.Cipher;

namespace Tessera.Tests.Security;

public sealed class SecretCipherTests
{
    private const string Key = "32-LONG-SECRET-NOT-SECURE-AT-ALL";

    [Theory]
    [InlineData(null, "aesgcm:")]
    [InlineData("aes", "aesgcm:")]
    [InlineData("xchacha20-poly1305", "xchacha20poly1305:")]
    public void Encrypt_EachAlgorithm_TagsTheValueAndRoundTrips(string? algorithm, string tag)
    {
        var cipher = Cipher(algorithm);

        var sealedText = cipher.EncryptText("JBSWY3DPEHPK3PXP");

        sealedText.ShouldStartWith(tag);
        sealedText.ShouldNotContain("JBSWY3DPEHPK3PXP");
        cipher.DecryptText(sealedText).ShouldBe("JBSWY3DPEHPK3PXP");
        cipher.EncryptText("JBSWY3DPEHPK3PXP").ShouldNotBe(sealedText);
    }

    [Theory]
    [InlineData("aes", "xchacha20-poly1305")]
    [InlineData("xchacha20-poly1305", "aes")]
    public void Decrypt_AfterTheAlgorithmChanged_StillOpensOldValues(string before, string after)
    {
        var old = Cipher(before).EncryptText("backup-codes");

        Cipher(after).DecryptText(old).ShouldBe("backup-codes");
    }

    [Fact]
    public void Decrypt_XChaChaValueAltered_OrUnderAnotherKey_IsNull()
    {
        var sealedText = Cipher("xchacha20-poly1305").EncryptText("secret");
        var altered = sealedText[..^2] + (sealedText[^2] == 'A' ? "B" : "A") + sealedText[^1];

        Cipher("xchacha20-poly1305").DecryptText(altered).ShouldBeNull();
        Cipher("xchacha20-poly1305", key: "another-key-another-key-another-key").DecryptText(sealedText).ShouldBeNull();
    }

    [Fact]
    public void Bind_NoopOutsideDev_IsRefusedNamingTheKey() =>
        Should.Throw<ConfigurationException>(() => Cipher("noop")).KeyPath.ShouldBe("ciphers.algorithm");

    [Fact]
    public void Bind_UnknownAlgorithm_IsRefusedNamingTheKey() =>
        Should.Throw<ConfigurationException>(() => Cipher("rot13")).KeyPath.ShouldBe("ciphers.algorithm");

    [Fact]
    public void Noop_InDevMode_StoresTaggedPlaintextWithoutKeys_ThatProductionDoesNotOpen()
    {
        var noop = Cipher("noop", key: null, dev: true);

        noop.Configured.ShouldBeTrue();
        var stored = noop.EncryptText("secret");

        stored.ShouldStartWith("noop:");
        noop.DecryptText(stored).ShouldBe("secret");
        Cipher("aes").DecryptText(stored).ShouldBeNull();
    }

    private static SecretCipher Cipher(string? algorithm, string? key = Key, bool dev = false)
    {
        var config = new ConfigurationTree([], new Dictionary<string, string>());
        if (key is not null)
        {
            config.Set("secrets.cipher", new JsonArray(JsonValue.Create(key)));
        }

        if (algorithm is not null)
        {
            config.Set("ciphers.algorithm", JsonValue.Create(algorithm));
        }

        if (dev)
        {
            config.Set("dev", JsonValue.Create("true"));
        }

        return SecretCipher.Bind(config);
    }
}
