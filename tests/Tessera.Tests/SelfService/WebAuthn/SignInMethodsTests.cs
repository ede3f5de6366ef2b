// SPDX-License-Identifier: Apache-2.0
using System.Text.Json.Nodes;
using Shouldly;
using Tessera.Identities;
using Tessera.SelfService.Methods.Oidc;
using Tessera.SelfService.Methods.WebAuthn;

namespace Tessera.Tests.SelfService.WebAuthn;

/// <summary>Issue 19: removing a passkey is refused only when nothing else signs in; a linked provider does.</summary>
public sealed class SignInMethodsTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 7, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void RemovingTheOnlyPasskey_OfAnIdentityWithALinkedProvider_LeavesAWayToSignIn()
    {
        var identity = WithPasskey();
        identity.Credentials[CredentialTypes.Oidc] = OidcCredential.Create(Now, new JsonObject { ["provider"] = "github", ["subject"] = "12345" });

        new SignInMethods().RemainAfter(identity, CredentialTypes.Passkey, Passkeys(identity).Without(Passkeys(identity).Credentials[0].HexId)).ShouldBeTrue();
    }

    [Fact]
    public void RemovingTheOnlyPasskey_OfAnIdentityWithNothingElse_LeavesNoWayToSignIn()
    {
        var identity = WithPasskey();

        new SignInMethods().RemainAfter(identity, CredentialTypes.Passkey, Passkeys(identity).Without(Passkeys(identity).Credentials[0].HexId)).ShouldBeFalse();
    }

    private static Identity WithPasskey()
    {
        var key = new WebAuthnCredential([1, 2, 3], [4, 5, 6], "none", Guid.Empty, 0, "phone", Now, IsPasswordless: true);
        var identity = new Identity { SchemaId = "default", Traits = new JsonObject { ["email"] = "passkey@example.org" } };
        identity.Credentials[CredentialTypes.Passkey] = new IdentityCredential
        {
            Id = Guid.NewGuid(),
            Type = CredentialTypes.Passkey,
            Identifiers = ["handle"],
            Config = new WebAuthnCredentialSet(WebAuthnUserHandles.New(), [key]).ToConfig(),
        };
        return identity;
    }

    private static WebAuthnCredentialSet Passkeys(Identity identity) => WebAuthnCredentialSet.From(identity.Credentials[CredentialTypes.Passkey].Config);
}
