// SPDX-License-Identifier: Apache-2.0
using System.Text;
using Shouldly;
using Tessera.Identities;
using Tessera.SelfService.Methods.WebAuthn;

namespace Tessera.Tests.SelfService.WebAuthn;

/// <summary>Issue 23: WebAuthn credentials are stored in Kratos's shape and survive a round trip.</summary>
public sealed class WebAuthnCredentialSetTests
{
    [Fact]
    public void CredentialSet_ToConfigAndBack_KeepsEveryField()
    {
        var handle = WebAuthnUserHandles.New();
        var credential = new WebAuthnCredential([1, 2, 3], [4, 5, 6], "none", Guid.Parse("0ea242b4-43c4-4a1b-8b17-dd6d0b6baec6"), 7, "desk key",
            new DateTimeOffset(2026, 12, 6, 22, 0, 0, TimeSpan.Zero), IsPasswordless: true);

        var config = new WebAuthnCredentialSet(handle, [credential]).ToConfig();
        var read = WebAuthnCredentialSet.From(config);

        read.UserHandle.ShouldBe(handle);
        read.Credentials.Single().ShouldBeEquivalentTo(credential);
        config["credentials"]![0]!["authenticator"]!["sign_count"]!.GetValue<uint>().ShouldBe(7u);
        config["credentials"]![0]!["id"]!.GetValue<string>().ShouldBe(Convert.ToBase64String([1, 2, 3]));
    }

    [Fact]
    public void UserHandle_AsIdentifier_SurvivesNormalisation()
    {
        var set = new WebAuthnCredentialSet(WebAuthnUserHandles.New(), []);

        IdentifierNormalizer.Normalize(set.Identifier).ShouldBe(set.Identifier);
        Encoding.ASCII.GetBytes(set.Identifier).ShouldBe(set.UserHandle);
        set.UserHandle.Length.ShouldBeLessThanOrEqualTo(64);
    }

    [Fact]
    public void Without_RemovesOnlyTheNamedKey()
    {
        var now = DateTimeOffset.UnixEpoch;
        var first = new WebAuthnCredential([1], [9], "none", Guid.Empty, 0, "a", now, false);
        var second = new WebAuthnCredential([2], [9], "none", Guid.Empty, 0, "b", now, false);

        var left = new WebAuthnCredentialSet([], [first, second]).Without(second.HexId);

        left.Credentials.ShouldBe([first]);
    }
}
