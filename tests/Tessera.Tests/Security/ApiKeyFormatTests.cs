// SPDX-License-Identifier: Apache-2.0
using System.Text;
using Tessera.Security.ApiKeys;

namespace Tessera.Tests.Security;

public sealed class ApiKeyFormatTests
{
    [Fact]
    public void Generate_MakesKeysTheOfflineCheckRecognises()
    {
        for (var i = 0; i < 200; i++)
        {
            var key = ApiKeyFormat.Generate(ApiKeyKind.Admin);

            key.ShouldStartWith("tessera_admin_");
            key.Length.ShouldBe(14 + 43 + 6);
            ApiKeyFormat.Recognise(key).ShouldBe(ApiKeyKind.Admin);
        }
    }

    [Fact]
    public void EveryKind_HasItsOwnPrefix_AndIsRecognisedAsItself_NeverAsAnother()
    {
        ApiKeyKind.All.Select(k => k.Prefix).Distinct().Count().ShouldBe(ApiKeyKind.All.Count);
        ApiKeyKind.Project.Prefix.ShouldBe("tessera_pat_");
        ApiKeyKind.Workspace.Prefix.ShouldBe("tessera_wak_");
        foreach (var kind in ApiKeyKind.All)
        {
            var key = ApiKeyFormat.Generate(kind);
            ApiKeyFormat.Recognise(key).ShouldBe(kind);
            foreach (var other in ApiKeyKind.All.Where(k => k != kind))
            {
                // Another kind's prefix on this key's body fails the checksum: a key cannot be relabelled.
                ApiKeyFormat.Recognise(other.Prefix + key[kind.Prefix.Length..]).ShouldBeNull();
            }
        }
    }

    [Fact]
    public void Recognise_AnyOneCharacterChanged_IsNotAKey()
    {
        var key = ApiKeyFormat.Generate(ApiKeyKind.Admin);

        for (var i = ApiKeyKind.Admin.Prefix.Length; i < key.Length; i++)
        {
            var altered = new StringBuilder(key) { [i] = key[i] == 'x' ? 'y' : 'x' }.ToString();
            ApiKeyFormat.Recognise(altered).ShouldBeNull($"position {i}");
        }
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("tessera_admin_")]
    [InlineData("ghp_0123456789abcdefghijklmnopqrstuvwxyzABCD")]
    [InlineData("tessera_admin_0123456789012345678901234567890123456789012+-/=00")]
    public void Recognise_LookAlikes_AreNotKeys(string? candidate) => ApiKeyFormat.Recognise(candidate).ShouldBeNull();

    [Fact]
    public void Crc32_MatchesTheStandardCheckValue() =>
        Crc32.Compute("123456789"u8).ShouldBe(0xCBF43926u);

    [Fact]
    public void Hint_ShowsPrefixAndFourCharacters_NeverTheKey()
    {
        var key = ApiKeyFormat.Generate(ApiKeyKind.Admin);

        var hint = ApiKeyFormat.Hint(key, ApiKeyKind.Admin);

        hint.ShouldBe(key[..18] + "...");
        ApiKeyFormat.Hash(key).ShouldMatch("^[0-9a-f]{64}$");
    }
}
